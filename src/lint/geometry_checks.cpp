// The checks that need no pixels: where ink lands against the trim, the template's boxes, the
// clips, other content, the MRZ zone and the barcodes' quiet zones; sizes against the DPI.
#include <algorithm>
#include <cstdio>

#include "lint/face_layout.h"
#include "lint/ink_box.h"

namespace cardface::layout {
namespace {

// The largest distance `inner` runs past `outer`, and across which edge.
struct Overrun {
  double mm = 0;
  const char* edge = "";
};

Overrun overrun(const Rect& outer, const Rect& inner) {
  Overrun o;
  auto consider = [&](double by, const char* edge) {
    if (by > o.mm) o = {by, edge};
  };
  consider(outer.x - inner.x, "left");
  consider(outer.y - inner.y, "top");
  consider(inner.x + inner.width - (outer.x + outer.width), "right");
  consider(inner.y + inner.height - (outer.y + outer.height), "bottom");
  return o;
}

std::string quoted(const std::string& id) {
  return "'" + id + "'";
}

std::string size_of(const Rect& r) {
  char text[48];
  std::snprintf(text, sizeof text, "%.2f x %.2f mm", r.width, r.height);
  return text;
}

bool drawn_as_ink(const Item& item) {
  return item.panel == Panel::color || item.panel == Panel::k;
}

std::optional<Rgba> ink_color(const Item& item) {
  if (const auto* shape = std::get_if<Shape>(&item.content)) {
    if (shape->fill) return shape->fill;
    if (shape->stroke) return shape->stroke->color;
  }
  if (const auto* run = std::get_if<GlyphRun>(&item.content)) return run->color;
  return std::nullopt;
}

std::string hex(const Rgba& c) {
  char text[16];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", int(c.r * 255 + 0.5), int(c.g * 255 + 0.5),
                int(c.b * 255 + 0.5));
  return text;
}

void check_trim(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  const Rect trim{0, 0, face.width_mm, face.height_mm};
  for (const PlacedItem& p : layout.items) {
    const Item& item = *p.item;
    if (!p.visible || item.panel == Panel::overlay_free) continue;
    if (item.role == Role::barcode) {
      const Rect quiet = quiet_zone_box(std::get<Barcode>(item.content));
      const Overrun off = overrun(trim, quiet);
      if (off.mm > o.tolerance_mm)
        add_finding(
            out, face, item, "barcode-quiet-zone", Severity::error,
            "symbol and quiet zone run " + mm(off.mm) + " off the card's " + off.edge + " edge",
            quiet);
      continue;
    }
    const Rect limit = item.bleed ? grown(trim, o.bleed_mm) : trim;
    const Overrun off = overrun(limit, *p.visible);
    if (off.mm <= o.tolerance_mm) continue;
    if (item.role == Role::text)
      add_finding(out, face, item, "text-overflow", Severity::error,
                  "runs " + mm(off.mm) + " past the card's " + off.edge + " edge", *p.visible);
    else
      add_finding(out, face, item, "outside-trim", Severity::error,
                  std::string("ink lies ") + mm(off.mm) + " outside the " +
                      (item.bleed ? "bleed" : "trim") + " at the " + off.edge + " edge",
                  *p.visible);
  }
}

void check_text_boxes(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  for (const PlacedItem& p : layout.items) {
    const Item& item = *p.item;
    if (!p.ink || (item.role != Role::text && item.role != Role::mrz)) continue;
    if (item.role == Role::text && item.box) {
      // Only across: the box's height is the line's, and ascenders may rise above it.
      Rect across = *p.ink;
      across.y = item.box->y;
      across.height = item.box->height;
      const Overrun off = overrun(*item.box, across);
      // A glyph hanging past its advance (the J of a bold sans, an italic) is typography.
      const double overhang_mm = 0.1 * std::get<GlyphRun>(item.content).size_mm;
      if (off.mm > std::max(o.tolerance_mm, overhang_mm))
        add_finding(out, face, item, "text-overflow", Severity::error,
                    "ink runs " + mm(off.mm) + " past its max_width box at the " + off.edge,
                    *p.ink);
    }
    if (const auto clip = clip_box(item)) {
      const Overrun cut = overrun(*clip, *p.ink);
      if (cut.mm > o.tolerance_mm)
        add_finding(out, face, item, "text-clipped", Severity::error,
                    "its clip cuts " + mm(cut.mm) + " off the text at the " + cut.edge, *p.ink);
    }
  }
}

// Content over content: reported on the element painted first, the one that is covered, unless
// that is microtext (a pattern): then on what lies on it, which must be read.
void check_overlaps(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  const auto& items = layout.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& a = *items[i].item;
    if (!items[i].visible || !is_content(a)) continue;
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const Item& b = *items[j].item;
      if (!items[j].visible || !is_content(b) || b.element == a.element) continue;
      // Microtext over microtext is a pattern's layering, not lost content.
      if (a.role == Role::microtext && b.role == Role::microtext) continue;
      // Over the MRZ: the clear-zone check names it.
      if (layout.mrz_clear && (a.role == Role::mrz || b.role == Role::mrz)) continue;
      const auto both = intersection(*items[i].visible, *items[j].visible);
      if (!both || both->width <= o.tolerance_mm || both->height <= o.tolerance_mm) continue;
      if (a.role == Role::microtext && b.role != Role::microtext)
        add_finding(out, face, b, "overlap", Severity::error,
                    std::string(to_string(b.role)) + " lies on microtext " + quoted(a.element) +
                        " (" + size_of(*both) + " overlap)",
                    *both);
      else
        add_finding(out, face, a, "overlap", Severity::error,
                    std::string(to_string(a.role)) + " lies under " + to_string(b.role) + " " +
                        quoted(b.element) + " (" + size_of(*both) + " overlap)",
                    *both);
    }
  }
}

void check_mrz_zone(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  if (!layout.mrz_clear) return;
  const Face& face = *layout.face;
  for (const PlacedItem& p : layout.items) {
    const Item& item = *p.item;
    if (!p.visible) continue;
    if (item.panel == Panel::uv) {
      const auto over = intersection(*layout.mrz_zone, *p.visible);
      if (over && over->width > o.tolerance_mm && over->height > o.tolerance_mm)
        add_finding(out, face, item, "uv-over-mrz", Severity::error,
                    "fluorescent ink covers " + size_of(*over) + " of the MRZ's line zones", *over);
      continue;
    }
    if (item.role == Role::mrz || item.background || !drawn_as_ink(item)) continue;
    const auto in = intersection(*layout.mrz_clear, *p.visible);
    if (in && in->width > o.tolerance_mm && in->height > o.tolerance_mm)
      add_finding(
          out, face, item, "mrz-clear-zone", Severity::error,
          std::string(to_string(item.role)) + " enters the ICAO MRZ clear zone by " + size_of(*in),
          *in);
  }
}

void check_barcodes(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  const auto& items = layout.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = *items[i].item;
    if (item.role != Role::barcode) continue;
    const auto& code = std::get<Barcode>(item.content);
    const double px = code.module_mm / 25.4 * o.dpi;
    if (px < 1.0) {
      char text[160];
      std::snprintf(text, sizeof text,
                    "module %.3f mm is %.2f device pixels at %d dpi (dot pitch %.3f mm)",
                    code.module_mm, px, o.dpi, 25.4 / o.dpi);
      add_finding(out, face, item, "barcode-module", Severity::error, text, *items[i].ink);
    }
    // What is painted after the code over its quiet zone (the code paints it white before).
    const Rect quiet = quiet_zone_box(code);
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const Item& other = *items[j].item;
      if (!items[j].visible || other.background || !drawn_as_ink(other)) continue;
      if (is_content(other)) {
        const auto on_symbol = intersection(*items[i].ink, *items[j].visible);
        if (on_symbol && on_symbol->width > o.tolerance_mm && on_symbol->height > o.tolerance_mm)
          continue;  // content over the symbol itself: an overlap, reported as one
      }
      const auto in = intersection(quiet, *items[j].visible);
      if (in && in->width > o.tolerance_mm && in->height > o.tolerance_mm)
        add_finding(out, face, item, "barcode-quiet-zone", Severity::error,
                    std::string(to_string(other.role)) + " " + quoted(other.element) +
                        " enters the quiet zone by " + size_of(*in),
                    *in);
    }
  }
}

void check_microtext(const FaceLayout& layout, const LintOptions& o, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  for (const PlacedItem& p : layout.items) {
    const Item& item = *p.item;
    if (item.role != Role::microtext) continue;
    const double height = glyph_height_mm(std::get<GlyphRun>(item.content));
    const double px = height / 25.4 * o.dpi;
    if (height > 0 && px < o.min_microtext_px) {
      char text[160];
      std::snprintf(text, sizeof text,
                    "glyphs %.3f mm tall are %.1f device pixels at %d dpi (at least %.1f resolve)",
                    height, px, o.dpi, o.min_microtext_px);
      add_finding(out, face, item, "microtext-resolution", Severity::warning, text, p.visible);
    }
  }
}

void check_panels(const FaceLayout& layout, std::vector<Finding>& out) {
  const Face& face = *layout.face;
  for (const PlacedItem& p : layout.items) {
    const Item& item = *p.item;
    if (item.panel != Panel::k) continue;
    const auto color = ink_color(item);
    if (color && (color->r > 0.02 || color->g > 0.02 || color->b > 0.02))
      add_finding(out, face, item, "k-not-black", Severity::warning,
                  "colour " + hex(*color) + " on the k panel prints as resin black", p.visible);
  }
}

}  // namespace

void check_geometry(const FaceLayout& layout, const LintOptions& options,
                    std::vector<Finding>& out) {
  check_trim(layout, options, out);
  check_text_boxes(layout, options, out);
  check_overlaps(layout, options, out);
  check_mrz_zone(layout, options, out);
  check_barcodes(layout, options, out);
  check_microtext(layout, options, out);
  check_panels(layout, out);
}

}  // namespace cardface::layout
