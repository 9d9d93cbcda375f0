#include "text/glyph_outline.h"

#include <hb.h>

#include "cardface/error.h"

namespace cardface::text {
namespace {

// Font units (y up) → card millimetres (y down) at the glyph's pen position.
struct Sink {
  Path* path;
  double scale;  // mm per font unit
  Point origin;
  Point map(float x, float y) const { return {origin.x + x * scale, origin.y - y * scale}; }
};

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  s->path->move_to(s->map(x, y));
}

void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  s->path->line_to(s->map(x, y));
}

// A quadratic from the current point P0 through control Q to P2 is the cubic with controls
// P0 + 2/3 (Q - P0) and P2 + 2/3 (Q - P2).
void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x,
                  float y, void*) {
  auto* s = static_cast<Sink*>(data);
  const float x0 = st->current_x, y0 = st->current_y;
  s->path->cubic_to(s->map(x0 + 2.f / 3 * (cx - x0), y0 + 2.f / 3 * (cy - y0)),
                    s->map(x + 2.f / 3 * (cx - x), y + 2.f / 3 * (cy - y)), s->map(x, y));
}

void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x,
              float c2y, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  s->path->cubic_to(s->map(c1x, c1y), s->map(c2x, c2y), s->map(x, y));
}

void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  static_cast<Sink*>(data)->path->close();
}

// Made once and immutable, so every thread may use it.
hb_draw_funcs_t* draw_funcs() {
  static hb_draw_funcs_t* funcs = [] {
    hb_draw_funcs_t* f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(f, move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(f, line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(f, quadratic_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(f, cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(f, close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(f);
    return f;
  }();
  return funcs;
}

}  // namespace

Path glyph_outline(const Face& face, std::uint32_t glyph, double size_mm, Point origin) {
  Path path;
  Sink sink{&path, size_mm / face.units_per_em(), origin};
  hb_font_get_glyph_shape(face.hb_font(), glyph, draw_funcs(), &sink);
  return path;
}

Path line_outline(const FontBook& fonts, const Line& line) {
  Path all;
  for (const GlyphRun& run : line.runs) {
    const Face* face = fonts.face(run.font);
    if (!face) throw Error(ErrorKind::internal, run.font.file.string(), "font is not open");
    for (const Glyph& g : run.glyphs) {
      const Path p = glyph_outline(*face, g.index, run.size_mm, g.origin);
      all.ops.insert(all.ops.end(), p.ops.begin(), p.ops.end());
    }
  }
  return all;
}

}  // namespace cardface::text
