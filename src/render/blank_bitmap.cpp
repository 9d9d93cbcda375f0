#include "render/blank_bitmap.h"

#include <cairo.h>

#include <cstdint>
#include <sstream>

#include "cardface/error.h"
#include "core/limits.h"

namespace cardface::render {

Bitmap blank_bitmap(const Face& face, int dpi) {
  Bitmap bitmap;
  bitmap.dpi = dpi;
  bitmap.width = pixels_for_mm(face.width_mm, dpi);
  bitmap.height = pixels_for_mm(face.height_mm, dpi);
  // 4 bytes a pixel, and a render holds a few such surfaces at once (layers, the encoder).
  if (std::int64_t{bitmap.width} * bitmap.height > limits::output_pixels) {
    std::ostringstream text;
    text << "a " << face.width_mm << " x " << face.height_mm << " mm face at " << dpi << " dpi is "
         << std::int64_t{bitmap.width} * bitmap.height << " pixels; at most "
         << limits::output_pixels << " (a lower dpi)";
    throw Error(ErrorKind::data, "dpi", text.str());
  }
  bitmap.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, bitmap.width);
  bitmap.data.assign(std::size_t(bitmap.stride) * bitmap.height, 0);
  return bitmap;
}

}  // namespace cardface::render
