#include "cardface/fonts.h"

#include "core/paths.h"
#include "text/font_book.h"

namespace cardface {

Fonts Fonts::load(const std::filesystem::path& fonts_dir) {
  Fonts f;
  f.book_ = std::make_shared<const text::FontBook>(fonts_dir);
  return f;
}

Fonts Fonts::bundled() {
  return load(paths::fonts_dir());
}

}  // namespace cardface
