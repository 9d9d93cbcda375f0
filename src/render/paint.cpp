// The Cairo painter every backend shares: a Face's items in order, in millimetres.
#include "render/paint.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "cardface/error.h"
#include "core/utf8.h"
#include "render/font_cache.h"

namespace cardface::render {
namespace {

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

// Glyphs with the characters they show, so PDF readers can search and copy the text: one
// cluster per glyph when they pair up one to one (Latin, Han, the MRZ), else one for the run.
void show_text_glyphs(cairo_t* cr, const std::string& text,
                      const std::vector<cairo_glyph_t>& glyphs) {
  if (glyphs.empty()) return;
  const std::u32string chars = utf8::decode_lenient(text);
  if (text.empty() || utf8::first_invalid(text) != std::string::npos) {
    cairo_show_glyphs(cr, glyphs.data(), int(glyphs.size()));
    return;
  }
  std::vector<cairo_text_cluster_t> clusters;
  if (chars.size() == glyphs.size()) {
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      utf8::next(text, pos);
      clusters.push_back({int(pos - start), 1});
    }
  } else {
    clusters.push_back({int(text.size()), int(glyphs.size())});
  }
  cairo_show_text_glyphs(cr, text.data(), int(text.size()), glyphs.data(), int(glyphs.size()),
                         clusters.data(), int(clusters.size()), cairo_text_cluster_flags_t(0));
}

void draw(cairo_t* cr, const GlyphRun& run) {
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const Glyph& g : run.glyphs) glyphs.push_back({g.index, g.origin.x, g.origin.y});
  cairo_set_font_face(cr, font_face(run.font));
  cairo_set_font_size(cr, run.size_mm);
  set_color(cr, run.color);
  const bool rotated = std::any_of(run.glyphs.begin(), run.glyphs.end(),
                                   [](const Glyph& g) { return g.angle_rad != 0; });
  if (!rotated) {
    show_text_glyphs(cr, run.text, glyphs);
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

// A 2D code's modules. On a raster surface each module is snapped to a whole number of
// device pixels and placed on the pixel grid without anti-aliasing, so scanners see crisp
// edges; on vector surfaces (PDF, SVG) the modules keep their exact size in mm. White under
// the quiet zone when the painting holds colour; a 1-bit k panel gets only the modules (there
// white is no resin; the template keeps the colour panel clear under the code).
void draw(cairo_t* cr, const Barcode& code, bool snap_to_pixels, bool quiet_zone) {
  if (code.columns <= 0 || code.rows <= 0) return;
  double module = code.module_mm;
  double left = code.box.x + code.box.width / 2 - code.columns * module / 2;
  double top = code.box.y + code.box.height / 2 - code.rows * module / 2;
  cairo_save(cr);
  if (snap_to_pixels) {
    double px_per_mm = 1, unused = 0;
    cairo_user_to_device_distance(cr, &px_per_mm, &unused);
    module = std::max(1L, std::lround(code.module_mm * px_per_mm));
    double cx = code.box.x + code.box.width / 2, cy = code.box.y + code.box.height / 2;
    cairo_user_to_device(cr, &cx, &cy);
    left = double(std::lround(cx - code.columns * module / 2));
    top = double(std::lround(cy - code.rows * module / 2));
    cairo_identity_matrix(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  }
  if (quiet_zone) {
    const double quiet = code.quiet_zone_modules * module;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, left - quiet, top - quiet, code.columns * module + 2 * quiet,
                    code.rows * module + 2 * quiet);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < code.rows; ++row)
    for (int column = 0; column < code.columns; ++column)
      if (code.modules[std::size_t(row) * code.columns + column])
        cairo_rectangle(cr, left + column * module, top + row * module, module, module);
  cairo_fill(cr);
  cairo_restore(cr);
}

// Unhinted outlines (the Scene's positions are exact), grey antialiasing or none.
void set_up_antialias(cairo_t* cr, bool antialias) {
  cairo_set_antialias(cr, antialias ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(font_options,
                                   antialias ? CAIRO_ANTIALIAS_GRAY : CAIRO_ANTIALIAS_NONE);
  cairo_set_font_options(cr, font_options);
  cairo_font_options_destroy(font_options);
}

void draw_item(cairo_t* cr, const Item& item, const PaintOptions& options) {
  cairo_save(cr);
  for (const Path& clip : item.clips) {
    add_path(cr, clip);
    cairo_clip(cr);
  }
  std::visit(
      [&](const auto& content) {
        if constexpr (std::is_same_v<std::decay_t<decltype(content)>, Barcode>)
          draw(cr, content, options.snap_to_pixels, options.panels.color);
        else
          draw(cr, content);
      },
      item.content);
  cairo_restore(cr);
}

void clip_to_trim(cairo_t* cr, const Face& face, const PaintOptions& options) {
  Path trim;
  trim.rounded_rect({0, 0, face.width_mm, face.height_mm},
                    options.rounded_trim ? face.corner_radius_mm : 0);
  add_path(cr, trim);
  cairo_clip(cr);
}

void clip_to_bleed(cairo_t* cr, const Face& face, double bleed_mm) {
  cairo_rectangle(cr, -bleed_mm, -bleed_mm, face.width_mm + 2 * bleed_mm,
                  face.height_mm + 2 * bleed_mm);
  cairo_clip(cr);
}

// The items `wanted` admits, each clipped to the trim or (bleed items) the bleed. Runs of
// items with the same clip share one clip: a clip per glyph run would cost raster speed.
template <typename Wanted>
void draw_items(cairo_t* cr, const Face& face, const PaintOptions& options, Wanted wanted) {
  if (options.bleed_mm <= 0) {
    cairo_save(cr);
    clip_to_trim(cr, face, options);
    for (const Item& item : face.items)
      if (wanted(item)) draw_item(cr, item, options);
    cairo_restore(cr);
    return;
  }
  std::size_t i = 0;
  while (i < face.items.size()) {
    const bool bleed = face.items[i].bleed;
    cairo_save(cr);
    if (bleed)
      clip_to_bleed(cr, face, options.bleed_mm);
    else
      clip_to_trim(cr, face, options);
    for (; i < face.items.size() && face.items[i].bleed == bleed; ++i)
      if (wanted(face.items[i])) draw_item(cr, face.items[i], options);
    cairo_restore(cr);
  }
}

}  // namespace

PanelFilter PanelFilter::only(Panel panel) {
  PanelFilter f{false, false, false, false};
  switch (panel) {
    case Panel::color:
      f.color = true;
      break;
    case Panel::k:
      f.k = true;
      break;
    case Panel::uv:
      f.uv = true;
      break;
    case Panel::overlay_free:
      f.overlay_free = true;
      break;
  }
  return f;
}

bool PanelFilter::includes(Panel panel) const {
  switch (panel) {
    case Panel::color:
      return color;
    case Panel::k:
      return k;
    case Panel::uv:
      return uv;
    case Panel::overlay_free:
      return overlay_free;
  }
  return false;
}

void check_status(cairo_t* cr, const char* where) {
  const cairo_status_t status = cairo_status(cr);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, where, cairo_status_to_string(status));
}

void paint_face(cairo_t* cr, const Face& face, const PaintOptions& options) {
  cairo_save(cr);
  set_up_antialias(cr, options.antialias);
  try {
    draw_items(cr, face, options, [&](const Item& item) {
      return options.panels.includes(item.panel) && !(options.show_uv && item.panel == Panel::uv);
    });
    // The uv panel is invisible ink; the preview paints its coverage violet over the finished
    // face, as it glows under a UV lamp.
    if (options.show_uv) {
      cairo_push_group(cr);
      draw_items(cr, face, options, [](const Item& item) { return item.panel == Panel::uv; });
      cairo_pattern_t* coverage = cairo_pop_group(cr);
      cairo_set_source_rgba(cr, 0.55, 0.25, 0.95, 0.85);
      cairo_mask(cr, coverage);
      cairo_pattern_destroy(coverage);
    }
  } catch (...) {
    cairo_restore(cr);
    throw;
  }
  cairo_restore(cr);
  check_status(cr, "render");
}

void set_up_raster_context(cairo_t* cr, int dpi) {
  const double scale = dpi / 25.4;
  cairo_scale(cr, scale, scale);
  set_up_antialias(cr, true);
}

void paint_item(cairo_t* cr, const Item& item, const PaintOptions& options) {
  draw_item(cr, item, options);
}

}  // namespace cardface::render
