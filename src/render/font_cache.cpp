#include "render/font_cache.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <map>
#include <mutex>
#include <utility>

#include "cardface/error.h"

namespace cardface::render {
namespace {

struct Cache {
  std::mutex mutex;
  FT_Library library = nullptr;
  std::map<std::pair<std::string, int>, cairo_font_face_t*> faces;
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

cairo_font_face_t* font_face(const FontRef& font) {
  Cache& c = cache();
  std::lock_guard lock(c.mutex);
  const auto key = std::make_pair(font.file.string(), font.face_index);
  if (auto it = c.faces.find(key); it != c.faces.end()) return it->second;
  if (!c.library && FT_Init_FreeType(&c.library) != 0)
    throw Error(ErrorKind::internal, "fonts", "FreeType could not start");
  FT_Face face = nullptr;
  if (FT_New_Face(c.library, key.first.c_str(), font.face_index, &face) != 0)
    throw Error(ErrorKind::file, key.first, "cannot open this font");
  // Unhinted outlines: glyphs land exactly where the Scene puts them, at every DPI.
  cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_NO_HINTING);
  c.faces.emplace(key, cf);
  return cf;
}

}  // namespace cardface::render
