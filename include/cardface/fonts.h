// The fonts a template may name (`sans`, `sans-bold`, `ocrb`, ...): fonts/fonts.json and the
// pinned font files beside it. Load once and share: it is safe to use from many threads.
#pragma once

#include <filesystem>
#include <memory>

#include "cardface/export.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

namespace text {
class FontBook;
}

class Fonts {
 public:
  // The bundled fonts (see paths: CARDFACE_DATA_DIR, the source tree, or the install prefix).
  static Fonts bundled();
  static Fonts load(const std::filesystem::path& fonts_dir);

  const text::FontBook& book() const { return *book_; }

 private:
  std::shared_ptr<const text::FontBook> book_;
};

}  // namespace cardface
CARDFACE_CXX_API_END
