#include "cardface/renderer.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>

#include "cardface/error.h"
#include "lint/face_layout.h"
#include "render/blank_bitmap.h"
#include "render/layer_cache.h"
#include "render/paint.h"

namespace cardface {
namespace {

struct Bounds {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
  double x1 = -std::numeric_limits<double>::infinity(), y1 = x1;

  void add(Point p, double pad) {
    x0 = std::min(x0, p.x - pad);
    y0 = std::min(y0, p.y - pad);
    x1 = std::max(x1, p.x + pad);
    y1 = std::max(y1, p.y + pad);
  }
  void add(const Path& path, double pad) {
    for (const PathOp& op : path.ops) {
      const int points = op.verb == PathOp::Verb::cubic   ? 3
                         : op.verb == PathOp::Verb::close ? 0
                                                          : 1;
      for (int i = 0; i < points; ++i) add(op.p[i], pad);  // a Bézier stays in its hull
    }
  }
  void intersect(const Bounds& b) {
    x0 = std::max(x0, b.x0);
    y0 = std::max(y0, b.y0);
    x1 = std::min(x1, b.x1);
    y1 = std::min(y1, b.y1);
  }
  bool inside(double left, double top, double right, double bottom) const {
    return x0 >= left && y0 >= top && x1 <= right && y1 <= bottom;
  }
};

// Where the item can put ink, generously: strokes with Cairo's default miter limit (10)
// reach 5 widths from the path; a glyph stays within 2 em of its origin.
Bounds ink_bounds(const Item& item) {
  Bounds b;
  if (const auto* shape = std::get_if<Shape>(&item.content)) {
    b.add(shape->path, shape->stroke ? 5 * shape->stroke->width_mm : 0);
  } else if (const auto* run = std::get_if<GlyphRun>(&item.content)) {
    for (const Glyph& g : run->glyphs) b.add(g.origin, 2 * run->size_mm);
  } else if (const auto* image = std::get_if<Image>(&item.content)) {
    b.add({image->dest.x, image->dest.y}, 0);
    b.add({image->dest.x + image->dest.width, image->dest.y + image->dest.height}, 0);
  } else {
    return Bounds{-1e9, -1e9, 1e9, 1e9};  // an item kind not known here: anywhere
  }
  for (const Path& clip : item.clips) {
    Bounds c;
    c.add(clip, 0);
    b.intersect(c);
  }
  return b;
}

}  // namespace

Renderer::Renderer(Template tmpl, Fonts fonts, RendererOptions options)
    : tmpl_(std::move(tmpl)),
      fonts_(std::move(fonts)),
      cache_(std::make_unique<render::LayerCache>(
          options.cache_bytes,
          options.cache_dir.empty()
              ? nullptr
              : std::make_unique<render::LayerStore>(options.cache_dir, options.cache_dir_bytes))) {
}

Renderer::~Renderer() = default;

Scene Renderer::compose(const Card& card, const ComposeOptions& options) const {
  return cardface::compose(card, tmpl_, fonts_, options);
}

Bitmap Renderer::rasterize(const Face& face, const RasterOptions& options) const {
  // Previews are drawn whole, uncached.
  if (options.show_uv || options.debug_layout) return cardface::rasterize(face, options);
  if (options.dpi < 50 || options.dpi > 4800)
    throw Error(ErrorKind::internal, "dpi", "must be from 50 to 4800");

  // The colour image holds the color and k panels only (as in cardface::rasterize).
  std::vector<const Item*> drawn;
  for (const Item& item : face.items)
    if (render::PanelFilter{}.includes(item.panel)) drawn.push_back(&item);

  // A face that starts with shared items starts as a copy of their layer: no clearing, no
  // compositing onto nothing.
  std::size_t first = 0;
  while (first < drawn.size() && !drawn[first]->personal) ++first;
  Bitmap bitmap;
  if (first > 0) {
    bitmap = cache_->layer(face, std::span(drawn).first(first), options.dpi)->copy_pixels();
  } else {
    bitmap = render::blank_bitmap(face, options.dpi);
  }
  cairo_surface_t* surface = cairo_image_surface_create_for_data(
      bitmap.data.data(), CAIRO_FORMAT_ARGB32, bitmap.width, bitmap.height, bitmap.stride);
  cairo_t* cr = cairo_create(surface);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw Error(ErrorKind::internal, "render", "Cairo could not create a surface");
  }
  render::set_up_raster_context(cr, options.dpi);

  // A card's own item well inside the card's outline draws the same with or without the
  // outline as a clip, and a non-rectangular clip makes Cairo several times slower.
  const double r = face.corner_radius_mm;
  Path outline;
  outline.rounded_rect({0, 0, face.width_mm, face.height_mm}, r);
  render::PaintOptions paint;
  paint.snap_to_pixels = true;
  auto draw_own = [&](const Item& item) {
    if (ink_bounds(item).inside(r, r, face.width_mm - r, face.height_mm - r)) {
      render::paint_item(cr, item, paint);
      return;
    }
    Item clipped = item;
    clipped.clips.insert(clipped.clips.begin(), outline);
    render::paint_item(cr, clipped, paint);
  };

  try {
    bool clear = first == 0;
    for (std::size_t i = first; i < drawn.size();) {
      if (drawn[i]->personal) {
        draw_own(*drawn[i++]);
        clear = false;
        continue;
      }
      std::size_t end = i;
      while (end < drawn.size() && !drawn[end]->personal) ++end;
      cache_->layer(face, std::span(drawn).subspan(i, end - i), options.dpi)->composite(cr, clear);
      clear = false;
      i = end;
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

std::vector<Bitmap> Renderer::render(const Card& card, const RasterOptions& options,
                                     const std::vector<Side>& sides) const {
  ComposeOptions compose_options;
  compose_options.sides = sides;
  return render(card, options, compose_options);
}

std::vector<Bitmap> Renderer::render(const Card& card, const RasterOptions& options,
                                     const ComposeOptions& compose_options) const {
  const Scene scene = compose(card, compose_options);
  std::vector<Bitmap> bitmaps;
  for (const Face& face : scene.faces) bitmaps.push_back(rasterize(face, options));
  return bitmaps;
}

std::vector<Finding> Renderer::lint(const Scene& scene, const LintOptions& options) const {
  std::vector<Finding> findings;
  const bool cached = options.pixels && options.dpi >= 50 && options.dpi <= 4800;
  for (const Face& face : scene.faces) {
    std::vector<const Item*> drawn;  // the items the pixel pass paints, as rasterize draws them
    for (const Item& item : face.items)
      if (render::PanelFilter{}.includes(item.panel)) drawn.push_back(&item);
    std::size_t first = 0;
    while (first < drawn.size() && !drawn[first]->personal) ++first;
    std::optional<Bitmap> leading;
    if (cached && first > 0)
      leading = cache_->layer(face, std::span(drawn).first(first), options.dpi)->copy_pixels();
    layout::SharedLayers layers;
    layers.leading = leading ? &*leading : nullptr;
    layers.leading_items = leading ? first : 0;
    if (cached)
      layers.composite = [&](cairo_t* cr, std::size_t begin, std::size_t end) {
        cache_->layer(face, std::span(drawn).subspan(begin, end - begin), options.dpi)
            ->composite(cr, false);
      };
    std::vector<Finding> one = layout::lint_face(face, options, layers);
    findings.insert(findings.end(), one.begin(), one.end());
  }
  return findings;
}

RendererStats Renderer::stats() const {
  const render::LayerCacheStats s = cache_->stats();
  return {s.hits, s.misses, s.evictions, s.bytes, s.disk_reads, s.disk_rejected, s.disk_writes};
}

std::filesystem::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    return std::filesystem::path(xdg) / "cardface";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "cardface";
  return {};
}

}  // namespace cardface
