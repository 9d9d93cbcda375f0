#include "render/debug_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "cardface/lint.h"
#include "core/paths.h"
#include "lint/ink_box.h"
#include "render/font_cache.h"
#include "render/paint.h"

namespace cardface::render {
namespace {

constexpr double kHairlineMm = 0.08;
constexpr double kHaloMm = 0.22;     // the white line under every outline
constexpr double kLabelMm = 1.1;     // label text's em size
constexpr double kFindingMm = 0.25;  // a finding's red outline

struct Colour {
  double r, g, b;
};

// Saturated and fairly dark, so that with the white halo they read on any background.
Colour panel_colour(Panel panel) {
  switch (panel) {
    case Panel::color:
      return {0.0, 0.35, 0.9};
    case Panel::k:
      return {0.85, 0.45, 0.0};
    case Panel::uv:
      return {0.5, 0.1, 0.85};
    case Panel::overlay_free:
      return {0.0, 0.55, 0.2};
  }
  return {0, 0, 0};
}

const Colour kRed{0.9, 0.0, 0.05};

void outline(cairo_t* cr, Rect r, Colour c, double width_mm) {
  cairo_rectangle(cr, r.x, r.y, r.width, r.height);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_set_line_width(cr, width_mm + kHaloMm);
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_set_line_width(cr, width_mm);
  cairo_stroke(cr);
}

// A label in the bundled sans (never a system font: the overlay is golden-tested), its
// baseline at `at`, over a white halo.
void label(cairo_t* cr, const std::string& text, Point at, Colour c) {
  static const FontRef font{paths::fonts_dir() / "NotoSans-Bold.ttf", 0};
  cairo_set_font_face(cr, font_face(font));
  cairo_set_font_size(cr, kLabelMm);
  cairo_move_to(cr, at.x, at.y);
  cairo_text_path(cr, text.c_str());
  cairo_set_source_rgba(cr, 1, 1, 1, 0.95);
  cairo_set_line_width(cr, kHaloMm);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_fill(cr);
}

std::optional<Rect> united(std::optional<Rect> a, const Rect& b) {
  if (!a) return b;
  const double x0 = std::min(a->x, b.x), y0 = std::min(a->y, b.y);
  const double x1 = std::max(a->x + a->width, b.x + b.width);
  const double y1 = std::max(a->y + a->height, b.y + b.height);
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

void dashed(cairo_t* cr, bool on) {
  const double dash[] = {0.6, 0.4};
  cairo_set_dash(cr, on ? dash : nullptr, on ? 2 : 0, 0);
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

void paint_debug_layout(cairo_t* cr, const Face& face, double bleed_mm, int dpi) {
  LintOptions lint_options;
  lint_options.dpi = dpi;
  const std::vector<Finding> findings = lint(face, lint_options);

  cairo_save(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
  // Each element's items boxed; one label an element, at the top left of all its items.
  std::vector<std::string> order;
  std::map<std::string, std::pair<std::optional<Rect>, Panel>> elements;
  for (const Item& item : face.items) {
    const auto box = layout::ink_box(item);
    if (!box || (box->width <= 0 && box->height <= 0)) continue;
    const Colour c = panel_colour(item.panel);
    outline(cr, *box, c, kHairlineMm);
    if (const auto* code = std::get_if<Barcode>(&item.content)) {
      dashed(cr, true);
      outline(cr, layout::quiet_zone_box(*code), c, kHairlineMm);
      dashed(cr, false);
    }
    const auto* run = std::get_if<GlyphRun>(&item.content);
    if (run && !run->glyphs.empty() && run->glyphs.front().angle_rad == 0 &&
        item.role != Role::microtext) {
      // The baseline, from the first pen position across the run's box.
      cairo_move_to(cr, run->glyphs.front().origin.x, run->glyphs.front().origin.y);
      cairo_line_to(cr, box->x + box->width, run->glyphs.front().origin.y);
      cairo_set_source_rgb(cr, 0.95, 0.5, 0.0);
      cairo_set_line_width(cr, kHairlineMm / 2);
      cairo_stroke(cr);
    }
    auto [it, added] = elements.try_emplace(item.element, std::nullopt, item.panel);
    if (added) order.push_back(item.element);
    it->second.first = united(it->second.first, *box);
  }
  std::vector<Point> taken;
  for (const std::string& id : order) {
    const auto& [box, panel] = elements[id];
    // Inside the face: a label of art that covers the card goes at its top-left inside, below
    // any label already there.
    const double x = std::clamp(box->x, 0.3, std::max(0.3, face.width_mm - 10));
    double y = std::clamp(box->y - 0.25, kLabelMm, face.height_mm - 0.3);
    auto clashes = [&](double at) {
      return std::any_of(taken.begin(), taken.end(), [&](Point p) {
        return std::abs(p.x - x) < 8 && std::abs(p.y - at) < kLabelMm;
      });
    };
    while (clashes(y) && y < face.height_mm) y += kLabelMm * 1.1;
    taken.push_back({x, y});
    label(cr, id, {x, y}, panel_colour(panel));
  }

  dashed(cr, true);
  outline(cr, {0, 0, face.width_mm, face.height_mm}, {0.0, 0.6, 0.7}, kHairlineMm);  // trim
  if (bleed_mm > 0)
    outline(cr, {-bleed_mm, -bleed_mm, face.width_mm + 2 * bleed_mm, face.height_mm + 2 * bleed_mm},
            {0.8, 0.0, 0.55}, kHairlineMm);  // bleed
  const bool id1 = std::abs(face.width_mm - 85.6) < 0.01 && std::abs(face.height_mm - 53.98) < 0.01;
  if (id1 && face.side == Side::back) {
    outline(cr, icao_td1_clear_margin(face), kRed, kHairlineMm);  // clear margin: dashed
    dashed(cr, false);
    cairo_set_source_rgba(cr, 1.0, 0.1, 0.1, 0.18);  // line zones: red, translucent
    const Rect z = icao_td1_mrz_zone(face);
    for (int line = 0; line < 3; ++line) {
      const double centre = face.height_mm - 11.5 + (line - 1) * 4.23;
      cairo_rectangle(cr, z.x, centre - 2.95 / 2, z.width, 2.95);
    }
    cairo_fill(cr);
  }
  dashed(cr, false);

  // Findings last, on top of everything: a thick red box and the rule's name.
  for (const Finding& f : findings) {
    if (!f.area) continue;
    outline(cr, *f.area, kRed, kFindingMm);
    const double x = std::clamp(f.area->x, 0.3, std::max(0.3, face.width_mm - 20));
    const double y =
        std::clamp(f.area->y + f.area->height + kLabelMm + 0.2, kLabelMm, face.height_mm - 0.3);
    label(cr, f.element + ": " + f.rule, {x, y}, kRed);
  }
  cairo_restore(cr);
  check_status(cr, "debug layout");
}

}  // namespace cardface::render
