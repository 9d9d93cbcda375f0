// The Cairo image backend: one ARGB32 surface per face at the DPI, painted by render/paint.
#include <cairo.h>

#include <cmath>

#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "render/blank_bitmap.h"
#include "render/debug_layout.h"
#include "render/paint.h"

namespace cardface {

int barcode_module_px(double module_mm, int dpi) {
  return std::max(1, int(std::lround(module_mm / 25.4 * dpi)));
}

int pixels_for_mm(double mm, int dpi) {
  return int(std::lround(mm / 25.4 * dpi));
}

Bitmap rasterize(const Face& face, const RasterOptions& options) {
  if (options.dpi < 50 || options.dpi > 4800)
    throw Error(ErrorKind::internal, "dpi", "must be from 50 to 4800");
  Bitmap bitmap = render::blank_bitmap(face, options.dpi);
  cairo_surface_t* surface = cairo_image_surface_create_for_data(
      bitmap.data.data(), CAIRO_FORMAT_ARGB32, bitmap.width, bitmap.height, bitmap.stride);
  cairo_t* cr = cairo_create(surface);
  try {
    render::check_status(cr, "render");
    const double scale = options.dpi / 25.4;
    cairo_scale(cr, scale, scale);
    // The card's trim exactly, rounded corners transparent: no bleed in raster output.
    render::PaintOptions paint;
    paint.snap_to_pixels = true;
    paint.show_uv = options.show_uv;
    render::paint_face(cr, face, paint);
    if (options.debug_layout) render::paint_debug_layout(cr, face, 0, options.dpi);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  cairo_surface_destroy(surface);
  return bitmap;
}

std::vector<std::uint8_t> encode_png(const Bitmap& bitmap, int compression) {
  PngOptions options;
  options.dpi = bitmap.dpi;
  options.compression = compression;
  return cardface::encode_png(PixelView{bitmap.data.data(), bitmap.width, bitmap.height,
                                        bitmap.stride, PixelFormat::cairo_argb32},
                              options);
}

}  // namespace cardface
