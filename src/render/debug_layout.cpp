#include "render/debug_layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/font_cache.h"
#include "render/paint.h"

namespace cardface::render {
namespace {

constexpr double kHairlineMm = 0.06;

void set_panel_color(cairo_t* cr, Panel panel) {
  switch (panel) {
    case Panel::color:
      cairo_set_source_rgba(cr, 0.0, 0.45, 1.0, 0.9);
      break;
    case Panel::k:
      cairo_set_source_rgba(cr, 1.0, 0.1, 0.1, 0.9);
      break;
    case Panel::uv:
      cairo_set_source_rgba(cr, 0.6, 0.2, 1.0, 0.9);
      break;
    case Panel::overlay_free:
      cairo_set_source_rgba(cr, 0.0, 0.7, 0.3, 0.9);
      break;
  }
}

// The item's ink box in mm (user space); empty when it has none.
Rect item_box(cairo_t* cr, const Item& item) {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  if (const auto* shape = std::get_if<Shape>(&item.content)) {
    cairo_new_path(cr);
    add_path(cr, shape->path);
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
    cairo_new_path(cr);
  } else if (const auto* image = std::get_if<Image>(&item.content)) {
    return image->dest;
  } else if (const auto* run = std::get_if<GlyphRun>(&item.content)) {
    if (run->glyphs.empty()) return {};
    cairo_set_font_face(cr, font_face(run->font));
    cairo_set_font_size(cr, run->size_mm);
    x0 = y0 = 1e9;
    x1 = y1 = -1e9;
    for (const Glyph& g : run->glyphs) {
      // Turned glyphs (microtext along a frame) are boxed by their origins and em size.
      cairo_glyph_t one{g.index, g.origin.x, g.origin.y};
      cairo_text_extents_t e;
      cairo_glyph_extents(cr, &one, 1, &e);
      const double pad = g.angle_rad != 0 ? run->size_mm : 0;
      x0 = std::min(x0, g.origin.x + (pad ? -pad : e.x_bearing));
      y0 = std::min(y0, g.origin.y + (pad ? -pad : e.y_bearing));
      x1 = std::max(x1, g.origin.x + (pad ? pad : e.x_bearing + e.width));
      y1 = std::max(y1, g.origin.y + (pad ? pad : e.y_bearing + e.height));
    }
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

void stroke_rect(cairo_t* cr, Rect r) {
  cairo_rectangle(cr, r.x, r.y, r.width, r.height);
  cairo_stroke(cr);
}

}  // namespace

Rect icao_td1_mrz_zone(const Face& face) {
  const double middle = face.height_mm - 11.5, zone = 2.95, spacing = 4.23;
  const double top = middle - spacing - zone / 2, bottom = middle + spacing + zone / 2;
  return {5.0, top, 30 * 2.54, bottom - top};
}

Rect icao_td1_clear_margin(const Face& face) {
  const Rect z = icao_td1_mrz_zone(face);
  return {z.x - 1.0, z.y - 1.0, z.width + 2.0, z.height + 2.0};
}

void paint_debug_layout(cairo_t* cr, const Face& face, double bleed_mm) {
  cairo_save(cr);
  cairo_set_line_width(cr, kHairlineMm);
  for (const Item& item : face.items) {
    const Rect box = item_box(cr, item);
    if (box.width <= 0 && box.height <= 0) continue;
    set_panel_color(cr, item.panel);
    stroke_rect(cr, box);
    const auto* run = std::get_if<GlyphRun>(&item.content);
    if (run && !run->glyphs.empty() && run->glyphs.front().angle_rad == 0) {
      // The baseline, from the first pen position across the run's box.
      cairo_set_source_rgba(cr, 1.0, 0.5, 0.0, 0.9);
      cairo_move_to(cr, run->glyphs.front().origin.x, run->glyphs.front().origin.y);
      cairo_line_to(cr, box.x + box.width, run->glyphs.front().origin.y);
      cairo_stroke(cr);
    }
  }
  const double dash[] = {0.8, 0.5};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_source_rgba(cr, 0.0, 0.75, 0.85, 1.0);  // trim: cyan
  stroke_rect(cr, {0, 0, face.width_mm, face.height_mm});
  if (bleed_mm > 0) {
    cairo_set_source_rgba(cr, 0.9, 0.0, 0.6, 1.0);  // bleed: magenta
    stroke_rect(
        cr, {-bleed_mm, -bleed_mm, face.width_mm + 2 * bleed_mm, face.height_mm + 2 * bleed_mm});
  }
  const bool id1 = std::abs(face.width_mm - 85.6) < 0.01 && std::abs(face.height_mm - 53.98) < 0.01;
  if (id1 && face.side == Side::back) {
    cairo_set_source_rgba(cr, 1.0, 0.1, 0.1, 1.0);  // clear margin: red, dashed
    stroke_rect(cr, icao_td1_clear_margin(face));
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_source_rgba(cr, 1.0, 0.1, 0.1, 0.25);  // line zones: red, translucent
    const Rect z = icao_td1_mrz_zone(face);
    for (int line = 0; line < 3; ++line) {
      const double centre = face.height_mm - 11.5 + (line - 1) * 4.23;
      cairo_rectangle(cr, z.x, centre - 2.95 / 2, z.width, 2.95);
    }
    cairo_fill(cr);
  }
  cairo_restore(cr);
  check_status(cr, "debug layout");
}

}  // namespace cardface::render
