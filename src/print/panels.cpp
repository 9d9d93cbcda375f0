// Ribbon panels: each panel's items painted alone on the printer's canvas, the card centred.
#include "cardface/panels.h"

#include <cairo.h>

#include "cardface/error.h"
#include "cardface/image.h"
#include "render/paint.h"

namespace cardface {
namespace {

struct Canvas {
  int width = 0, height = 0, stride = 0;
  std::vector<std::uint8_t> argb;  // Cairo ARGB32, premultiplied
};

// The items of `panel` on a canvas of the printer's size, transparent where nothing
// (or white, for the colour panel). `antialias` off gives 1-bit-ready coverage.
Canvas paint_panel(const Face& face, const PrinterProfile& printer, const PanelOptions& options,
                   Panel panel, bool antialias, bool white_ground) {
  Canvas c;
  c.width = printer.width_px;
  c.height = printer.height_px;
  c.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, c.width);
  c.argb.assign(std::size_t(c.stride) * c.height, 0);
  cairo_surface_t* surface = cairo_image_surface_create_for_data(c.argb.data(), CAIRO_FORMAT_ARGB32,
                                                                 c.width, c.height, c.stride);
  cairo_t* cr = cairo_create(surface);
  try {
    render::check_status(cr, "panels");
    if (white_ground) {
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_paint(cr);
    }
    const double px_per_mm = printer.dpi / 25.4;
    cairo_scale(cr, px_per_mm, px_per_mm);
    // The card centred on the printer's image, which may be a little larger or smaller.
    cairo_translate(cr, (c.width / px_per_mm - face.width_mm) / 2,
                    (c.height / px_per_mm - face.height_mm) / 2);
    render::PaintOptions paint;
    paint.snap_to_pixels = true;
    paint.panels = render::PanelFilter::only(panel);
    paint.bleed_mm = options.bleed_mm;
    paint.rounded_trim = false;  // the card is already cut: its corners need no clip
    paint.antialias = antialias;
    render::paint_face(cr, face, paint);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  cairo_surface_destroy(surface);
  return c;
}

// A plane of `channels` bytes a pixel turned a quarter turn clockwise: `width` x `height` in,
// `height` x `width` out, the old top row becoming the right-hand column.
std::vector<std::uint8_t> turned_clockwise(const std::vector<std::uint8_t>& in, int width,
                                           int height, int channels) {
  std::vector<std::uint8_t> out(in.size());
  const int out_width = height;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c)
        out[(std::size_t(x) * out_width + (out_width - 1 - y)) * channels + c] =
            in[(std::size_t(y) * width + x) * channels + c];
  return out;
}

template <typename PerPixel>
std::vector<std::uint8_t> grey_from(const Canvas& c, PerPixel per_pixel) {
  std::vector<std::uint8_t> grey(std::size_t(c.width) * c.height);
  for (int y = 0; y < c.height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(c.argb.data() + std::size_t(y) * c.stride);
    for (int x = 0; x < c.width; ++x) grey[std::size_t(y) * c.width + x] = per_pixel(row[x] >> 24);
  }
  return grey;
}

}  // namespace

PanelSet render_panels(const Face& face, const PrinterProfile& printer,
                       const PanelOptions& options) {
  // A portrait card on a landscape printer (or the other way round) is painted on the frame
  // turned upright, then turned a quarter turn clockwise into the printer's frame: exact pixel
  // moves, so nothing is resampled and nothing cropped.
  const bool portrait_card = face.width_mm < face.height_mm;
  const bool portrait_frame = printer.width_px < printer.height_px;
  if (portrait_card != portrait_frame && printer.width_px != printer.height_px) {
    PrinterProfile upright = printer;
    std::swap(upright.width_px, upright.height_px);
    PanelSet set = render_panels(face, upright, options);
    set.color = turned_clockwise(set.color, set.width, set.height, 3);
    set.k = turned_clockwise(set.k, set.width, set.height, 1);
    set.uv = turned_clockwise(set.uv, set.width, set.height, 1);
    set.overlay = turned_clockwise(set.overlay, set.width, set.height, 1);
    std::swap(set.width, set.height);
    return set;
  }
  if (printer.width_px <= 0 || printer.height_px <= 0 || printer.dpi <= 0 ||
      printer.width_px > max_image_side || printer.height_px > max_image_side)
    throw Error(ErrorKind::internal, "printer", "has no usable image size");
  if (!(options.bleed_mm >= 0 && options.bleed_mm <= 20))
    throw Error(ErrorKind::internal, "bleed", "must be from 0 to 20 mm");
  PanelSet set;
  set.width = printer.width_px;
  set.height = printer.height_px;
  set.dpi = printer.dpi;

  const Canvas color = paint_panel(face, printer, options, Panel::color, true, true);
  set.color.resize(std::size_t(set.width) * set.height * 3);
  for (int y = 0; y < set.height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(color.argb.data() + std::size_t(y) * color.stride);
    std::uint8_t* out = set.color.data() + std::size_t(y) * set.width * 3;
    for (int x = 0; x < set.width; ++x) {  // opaque on white: no unpremultiplying
      *out++ = std::uint8_t(row[x] >> 16);
      *out++ = std::uint8_t(row[x] >> 8);
      *out++ = std::uint8_t(row[x]);
    }
  }
  // Black means "lay this panel down" in every monochrome panel, as printer SDKs take them.
  set.k = grey_from(paint_panel(face, printer, options, Panel::k, false, false),
                    [](std::uint32_t a) { return std::uint8_t(a >= 128 ? 0 : 255); });
  set.uv = grey_from(paint_panel(face, printer, options, Panel::uv, true, false),
                     [](std::uint32_t a) { return std::uint8_t(255 - a); });
  set.overlay = grey_from(paint_panel(face, printer, options, Panel::overlay_free, false, false),
                          [](std::uint32_t a) { return std::uint8_t(a >= 128 ? 255 : 0); });
  return set;
}

std::vector<PanelPng> encode_panel_pngs(const PanelSet& p) {
  PngOptions options;
  options.dpi = p.dpi;
  options.compression = 6;
  PngOptions grey = options;
  grey.srgb_chunk = false;
  auto plane = [&](const std::vector<std::uint8_t>& data, int channels) {
    return PlaneView{data.data(), p.width, p.height, p.width * channels, channels};
  };
  return {{"color", encode_plane_png(plane(p.color, 3), 8, options)},
          {"k", encode_plane_png(plane(p.k, 1), 1, grey)},
          {"uv", encode_plane_png(plane(p.uv, 1), 8, grey)},
          {"overlay", encode_plane_png(plane(p.overlay, 1), 1, grey)}};
}

}  // namespace cardface
