#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdio.h>

// Renders three glyphs of the font given into a PDF with Cairo alone (see README.md beside this file).
static cairo_status_t sink(void* c, const unsigned char* d, unsigned int n) { (void)c; (void)d; (void)n; return CAIRO_STATUS_SUCCESS; }
int main(int argc, char** argv) {
  FT_Library lib; FT_Face face;
  FT_Init_FreeType(&lib);
  if (FT_New_Face(lib, argv[1], 0, &face)) return 1;
  cairo_font_face_t* ff = cairo_ft_font_face_create_for_ft_face(face, 0);
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(sink, NULL, 100, 100);
  cairo_t* cr = cairo_create(s);
  cairo_set_font_face(cr, ff);
  cairo_set_font_size(cr, 12);
  cairo_glyph_t g[3] = {{100, 10, 20}, {200, 20, 20}, {300, 30, 20}};
  cairo_show_glyphs(cr, g, 3);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  printf("%s\n", cairo_status_to_string(cairo_surface_status(s)));
  cairo_surface_destroy(s);
  cairo_font_face_destroy(ff);
  FT_Done_Face(face); FT_Done_FreeType(lib);
  return 0;
}
