// The Cairo image backend: draws a Face's items in order, in millimetres scaled to the DPI.
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "render/font_cache.h"
#include "render/paint_item.h"

namespace cardface {
namespace {

void add_path(cairo_t* cr, const Path& path) {
  for (const PathOp& op : path.ops) {
    switch (op.verb) {
      case PathOp::Verb::move:
        cairo_move_to(cr, op.p[0].x, op.p[0].y);
        break;
      case PathOp::Verb::line:
        cairo_line_to(cr, op.p[0].x, op.p[0].y);
        break;
      case PathOp::Verb::cubic:
        cairo_curve_to(cr, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
        break;
      case PathOp::Verb::close:
        cairo_close_path(cr);
        break;
    }
  }
}

void set_color(cairo_t* cr, const Rgba& c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

// Premultiplied ARGB32 copy of a straight-alpha RGBA raster.
cairo_surface_t* to_surface(const Raster& raster) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, raster.width, raster.height);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    throw Error(ErrorKind::internal, "image", "Cairo could not allocate an image");
  }
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < raster.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + std::ptrdiff_t(y) * stride);
    const std::uint8_t* src = raster.rgba.data() + std::size_t(y) * raster.width * 4;
    for (int x = 0; x < raster.width; ++x, src += 4) {
      const std::uint32_t a = src[3];
      auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
      row[x] = (a << 24) | (pre(src[0]) << 16) | (pre(src[1]) << 8) | pre(src[2]);
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

cairo_pattern_t* gradient_pattern(const Gradient& g) {
  cairo_pattern_t* p = cairo_pattern_create_linear(g.from.x, g.from.y, g.to.x, g.to.y);
  const std::size_t n = g.colors.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Rgba& c = g.colors[i];
    cairo_pattern_add_color_stop_rgba(p, n == 1 ? 0 : double(i) / double(n - 1), c.r, c.g, c.b,
                                      c.a);
  }
  cairo_pattern_set_extend(p, CAIRO_EXTEND_PAD);
  return p;
}

void draw(cairo_t* cr, const Shape& shape) {
  add_path(cr, shape.path);
  cairo_pattern_t* gradient = shape.gradient ? gradient_pattern(*shape.gradient) : nullptr;
  if (shape.fill) {
    if (gradient)
      cairo_set_source(cr, gradient);
    else
      set_color(cr, *shape.fill);
    if (shape.stroke)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (shape.stroke) {
    if (gradient)
      cairo_set_source(cr, gradient);
    else
      set_color(cr, shape.stroke->color);
    cairo_set_line_width(cr, shape.stroke->width_mm);
    cairo_stroke(cr);
  }
  if (gradient) cairo_pattern_destroy(gradient);
}

void draw(cairo_t* cr, const GlyphRun& run) {
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const Glyph& g : run.glyphs) glyphs.push_back({g.index, g.origin.x, g.origin.y});
  cairo_set_font_face(cr, render::font_face(run.font));
  cairo_set_font_size(cr, run.size_mm);
  set_color(cr, run.color);
  const bool rotated = std::any_of(run.glyphs.begin(), run.glyphs.end(),
                                   [](const Glyph& g) { return g.angle_rad != 0; });
  if (!rotated) {
    cairo_show_glyphs(cr, glyphs.data(), int(glyphs.size()));
    return;
  }
  // Text along a path: each glyph turned about its own origin.
  for (const Glyph& g : run.glyphs) {
    cairo_save(cr);
    cairo_translate(cr, g.origin.x, g.origin.y);
    cairo_rotate(cr, g.angle_rad);
    cairo_glyph_t one{g.index, 0, 0};
    cairo_show_glyphs(cr, &one, 1);
    cairo_restore(cr);
  }
}

void draw(cairo_t* cr, const Image& image) {
  if (!image.pixels || image.source.width <= 0 || image.source.height <= 0) return;
  cairo_surface_t* surface = to_surface(*image.pixels);
  cairo_save(cr);
  cairo_rectangle(cr, image.dest.x, image.dest.y, image.dest.width, image.dest.height);
  cairo_clip(cr);
  cairo_translate(cr, image.dest.x, image.dest.y);
  cairo_scale(cr, image.dest.width / image.source.width, image.dest.height / image.source.height);
  cairo_set_source_surface(cr, surface, -image.source.x, -image.source.y);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
}

}  // namespace

namespace render {

void set_up_context(cairo_t* cr, int dpi) {
  const double scale = dpi / 25.4;
  cairo_scale(cr, scale, scale);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(font_options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options(cr, font_options);
  cairo_font_options_destroy(font_options);
}

void paint_item(cairo_t* cr, const Item& item) {
  cairo_save(cr);
  for (const Path& clip : item.clips) {
    add_path(cr, clip);
    cairo_clip(cr);
  }
  std::visit([cr](const auto& content) { draw(cr, content); }, item.content);
  cairo_restore(cr);
}

}  // namespace render

int pixels_for_mm(double mm, int dpi) {
  return int(std::lround(mm / 25.4 * dpi));
}

Bitmap rasterize(const Face& face, const RasterOptions& options) {
  if (options.dpi < 50 || options.dpi > 4800)
    throw Error(ErrorKind::internal, "dpi", "must be from 50 to 4800");
  Bitmap bitmap;
  bitmap.dpi = options.dpi;
  bitmap.width = pixels_for_mm(face.width_mm, options.dpi);
  bitmap.height = pixels_for_mm(face.height_mm, options.dpi);
  bitmap.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, bitmap.width);
  bitmap.data.assign(std::size_t(bitmap.stride) * bitmap.height, 0);
  cairo_surface_t* surface = cairo_image_surface_create_for_data(
      bitmap.data.data(), CAIRO_FORMAT_ARGB32, bitmap.width, bitmap.height, bitmap.stride);
  cairo_t* cr = cairo_create(surface);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw Error(ErrorKind::internal, "render", "Cairo could not create a surface");
  }
  render::set_up_context(cr, options.dpi);

  // Everything is clipped to the card: ID-1 with its rounded corners.
  Path card;
  card.rounded_rect({0, 0, face.width_mm, face.height_mm}, face.corner_radius_mm);
  add_path(cr, card);
  cairo_clip(cr);

  try {
    auto draw_item = [cr](const Item& item) { render::paint_item(cr, item); };
    // The uv panel is invisible ink: never in the colour image. The preview paints its
    // coverage violet over the finished face, as it glows under a UV lamp.
    for (const Item& item : face.items)
      if (item.panel != Panel::uv) draw_item(item);
    if (options.show_uv) {
      cairo_push_group(cr);
      for (const Item& item : face.items)
        if (item.panel == Panel::uv) draw_item(item);
      cairo_pattern_t* coverage = cairo_pop_group(cr);
      cairo_set_source_rgba(cr, 0.55, 0.25, 0.95, 0.85);
      cairo_mask(cr, coverage);
      cairo_pattern_destroy(coverage);
    }
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "render", cairo_status_to_string(status));
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
