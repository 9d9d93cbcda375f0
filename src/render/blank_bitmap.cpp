#include "render/blank_bitmap.h"

#include <cairo.h>

namespace cardface::render {

Bitmap blank_bitmap(const Face& face, int dpi) {
  Bitmap bitmap;
  bitmap.dpi = dpi;
  bitmap.width = pixels_for_mm(face.width_mm, dpi);
  bitmap.height = pixels_for_mm(face.height_mm, dpi);
  bitmap.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, bitmap.width);
  bitmap.data.assign(std::size_t(bitmap.stride) * bitmap.height, 0);
  return bitmap;
}

}  // namespace cardface::render
