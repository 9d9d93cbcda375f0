#include "lint/ink_box.h"

#include <cairo.h>

#include <algorithm>
#include <limits>

#include "render/cairo_path.h"
#include "render/font_cache.h"

namespace cardface::layout {
namespace {

// A measuring context: a 1x1 surface whose user space is millimetres, as paint's is.
class Measure {
 public:
  Measure() {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cr_ = cairo_create(surface_);
    cairo_font_options_t* font_options = cairo_font_options_create();
    cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr_, font_options);
    cairo_font_options_destroy(font_options);
  }
  ~Measure() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Measure(const Measure&) = delete;
  Measure& operator=(const Measure&) = delete;
  cairo_t* cr() const { return cr_; }

 private:
  cairo_surface_t* surface_;
  cairo_t* cr_;
};

cairo_t* measuring_context() {
  thread_local Measure measure;
  return measure.cr();
}

std::optional<Rect> path_box(const Path& path, double stroke_mm) {
  if (path.ops.empty()) return std::nullopt;
  cairo_t* cr = measuring_context();
  cairo_new_path(cr);
  add_path(cr, path);
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double h = stroke_mm / 2;
  if (stroke_mm > 0 && path.ops.size() <= 64) {
    // A few strokes (rules, frames): their exact extents, butt ends not grown along the line.
    cairo_set_line_width(cr, stroke_mm);
    cairo_stroke_extents(cr, &x0, &y0, &x1, &y1);
    h = 0;
  } else {
    // Fine-line patterns of thousands of segments: the path's extents grown by half a stroke.
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
  }
  cairo_new_path(cr);
  if (x1 <= x0 && y1 <= y0) return std::nullopt;
  return Rect{x0 - h, y0 - h, x1 - x0 + 2 * h, y1 - y0 + 2 * h};
}

std::optional<Rect> run_box(const GlyphRun& run) {
  if (run.glyphs.empty()) return std::nullopt;
  cairo_t* cr = measuring_context();
  cairo_set_font_face(cr, render::font_face(run.font));
  cairo_set_font_size(cr, run.size_mm);
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (const Glyph& g : run.glyphs) {
    cairo_glyph_t one{g.index, 0, 0};
    cairo_text_extents_t e;
    cairo_glyph_extents(cr, &one, 1, &e);
    if (e.width <= 0 && e.height <= 0) continue;  // a space
    if (g.angle_rad != 0) {
      // Turned glyphs (microtext along a frame): boxed by their origin and em size.
      x0 = std::min(x0, g.origin.x - run.size_mm);
      y0 = std::min(y0, g.origin.y - run.size_mm);
      x1 = std::max(x1, g.origin.x + run.size_mm);
      y1 = std::max(y1, g.origin.y + run.size_mm);
      continue;
    }
    x0 = std::min(x0, g.origin.x + e.x_bearing);
    y0 = std::min(y0, g.origin.y + e.y_bearing);
    x1 = std::max(x1, g.origin.x + e.x_bearing + e.width);
    y1 = std::max(y1, g.origin.y + e.y_bearing + e.height);
  }
  if (x1 < x0) return std::nullopt;
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

std::optional<Rect> ink_box(const Item& item) {
  if (const auto* shape = std::get_if<Shape>(&item.content))
    return path_box(shape->path, shape->stroke ? shape->stroke->width_mm : 0);
  if (const auto* image = std::get_if<Image>(&item.content)) return image->dest;
  if (const auto* run = std::get_if<GlyphRun>(&item.content)) return run_box(*run);
  if (const auto* code = std::get_if<Barcode>(&item.content)) {
    const double w = code->columns * code->module_mm, h = code->rows * code->module_mm;
    return Rect{code->box.x + (code->box.width - w) / 2, code->box.y + (code->box.height - h) / 2,
                w, h};
  }
  return std::nullopt;
}

std::optional<Rect> clip_box(const Item& item) {
  std::optional<Rect> box;
  for (const Path& clip : item.clips) {
    const auto b = path_box(clip, 0);
    if (!b) return Rect{};
    box = box ? intersection(*box, *b).value_or(Rect{}) : *b;
  }
  return box;
}

Rect quiet_zone_box(const Barcode& code) {
  const double w = code.columns * code.module_mm, h = code.rows * code.module_mm;
  const Rect symbol{code.box.x + (code.box.width - w) / 2, code.box.y + (code.box.height - h) / 2,
                    w, h};
  return grown(symbol, code.quiet_zone_modules * code.module_mm);
}

double glyph_height_mm(const GlyphRun& run) {
  cairo_t* cr = measuring_context();
  cairo_set_font_face(cr, render::font_face(run.font));
  cairo_set_font_size(cr, run.size_mm);
  double tallest = 0;
  for (const Glyph& g : run.glyphs) {
    cairo_glyph_t one{g.index, 0, 0};
    cairo_text_extents_t e;
    cairo_glyph_extents(cr, &one, 1, &e);
    tallest = std::max(tallest, e.height);
  }
  return tallest;
}

std::optional<Rect> intersection(const Rect& a, const Rect& b) {
  const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const double x1 = std::min(a.x + a.width, b.x + b.width);
  const double y1 = std::min(a.y + a.height, b.y + b.height);
  if (x1 <= x0 || y1 <= y0) return std::nullopt;
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

bool contains(const Rect& outer, const Rect& inner, double tolerance_mm) {
  return inner.x >= outer.x - tolerance_mm && inner.y >= outer.y - tolerance_mm &&
         inner.x + inner.width <= outer.x + outer.width + tolerance_mm &&
         inner.y + inner.height <= outer.y + outer.height + tolerance_mm;
}

Rect grown(const Rect& r, double by_mm) {
  return {r.x - by_mm, r.y - by_mm, r.width + 2 * by_mm, r.height + 2 * by_mm};
}

}  // namespace cardface::layout
