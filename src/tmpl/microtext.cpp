#include "tmpl/microtext.h"

#include <array>
#include <cmath>
#include <numbers>

#include "text/shape.h"

namespace cardface::tmpl {
namespace {

constexpr double kPi = std::numbers::pi;

// A point on a rounded rectangle's outline, clockwise from the top edge's left end, and the
// direction of travel there (radians, clockwise from +x).
struct OutlinePoint {
  Point at;
  double angle;
};

class RoundedOutline {
 public:
  RoundedOutline(Rect box, double radius)
      : b_(box), r_(std::max(0.0, std::min(radius, std::min(box.width, box.height) / 2))) {
    const double w = b_.width - 2 * r_, h = b_.height - 2 * r_, arc = r_ * kPi / 2;
    lengths_ = {w, arc, h, arc, w, arc, h, arc};
  }

  double length() const {
    double total = 0;
    for (double l : lengths_) total += l;
    return total;
  }

  OutlinePoint at(double s) const {
    const double x0 = b_.x, y0 = b_.y, x1 = b_.x + b_.width, y1 = b_.y + b_.height;
    for (int i = 0; i < 8; ++i) {
      if (s > lengths_[i] && i < 7) {
        s -= lengths_[i];
        continue;
      }
      const double phi = r_ > 0 ? s / r_ : 0;  // along an arc
      switch (i) {
        case 0:
          return {{x0 + r_ + s, y0}, 0};
        case 1:
          return arc({x1 - r_, y0 + r_}, -kPi / 2 + phi);
        case 2:
          return {{x1, y0 + r_ + s}, kPi / 2};
        case 3:
          return arc({x1 - r_, y1 - r_}, phi);
        case 4:
          return {{x1 - r_ - s, y1}, kPi};
        case 5:
          return arc({x0 + r_, y1 - r_}, kPi / 2 + phi);
        case 6:
          return {{x0, y1 - r_ - s}, 3 * kPi / 2};
        default:
          return arc({x0 + r_, y0 + r_}, kPi + phi);
      }
    }
    return {{x0, y0}, 0};
  }

 private:
  OutlinePoint arc(Point c, double phi) const {
    return {{c.x + r_ * std::cos(phi), c.y + r_ * std::sin(phi)}, phi + kPi / 2};
  }

  Rect b_;
  double r_;
  std::array<double, 8> lengths_;
};

}  // namespace

std::vector<GlyphRun> microtext_runs(const text::FontBook& fonts, const std::string& unit,
                                     const std::string& family, double cap_height_mm, Rgba color,
                                     const MicrotextLayout& layout, const std::string& where) {
  const text::Family& fam = fonts.family(family, where);
  const double size_mm = cap_height_mm / fam.metrics_face().cap_height_em();
  text::TextStyle style;
  style.family = family;
  style.size_pt = size_mm / text::kMmPerPt;
  style.color = color;
  const text::Line line = text::shape_line(fonts, unit, style, where);
  std::vector<GlyphRun> out;
  if (line.width_mm <= 0) return out;

  // Each glyph's advance: the distance to the next glyph's origin in the unit.
  struct Placed {
    std::size_t run;
    Glyph glyph;
    double advance;
  };
  std::vector<Placed> glyphs;
  for (std::size_t r = 0; r < line.runs.size(); ++r)
    for (const Glyph& g : line.runs[r].glyphs) glyphs.push_back({r, g, 0});
  for (std::size_t i = 0; i < glyphs.size(); ++i)
    glyphs[i].advance = (i + 1 < glyphs.size() ? glyphs[i + 1].glyph.origin.x : line.width_mm) -
                        glyphs[i].glyph.origin.x;

  auto emit = [&](std::size_t run, Glyph g) {
    if (out.empty() || out.back().font != line.runs[run].font) {
      GlyphRun copy = line.runs[run];
      copy.glyphs.clear();
      copy.text.clear();
      out.push_back(std::move(copy));
    }
    out.back().glyphs.push_back(g);
  };

  if (layout.kind == MicrotextLayout::Kind::band) {
    const double gap = layout.line_gap_mm > 0 ? layout.line_gap_mm : 2 * cap_height_mm;
    for (int row = 0; row < layout.lines; ++row) {
      const double y = layout.box.y + cap_height_mm + row * gap;
      if (y > layout.box.y + layout.box.height) break;
      // Odd rows start half a unit early, so the columns do not line up.
      double x = layout.box.x - (row % 2 ? line.width_mm / 2 : 0);
      for (; x < layout.box.x + layout.box.width; x += line.width_mm)
        for (const Placed& p : glyphs) {
          const double gx = x + p.glyph.origin.x;
          if (gx < layout.box.x || gx + p.advance > layout.box.x + layout.box.width) continue;
          emit(p.run, Glyph{p.glyph.index, {gx, y + p.glyph.origin.y}, 0});
        }
    }
  } else {
    const RoundedOutline outline(layout.box, layout.radius_mm);
    const double total = outline.length();
    for (double start = 0; start + line.width_mm <= total + 1e-9; start += line.width_mm)
      for (const Placed& p : glyphs) {
        const double s = start + p.glyph.origin.x;
        const OutlinePoint at = outline.at(s);
        const double angle = outline.at(s + p.advance / 2).angle;
        emit(p.run, Glyph{p.glyph.index, at.at, angle});
      }
  }
  for (GlyphRun& run : out) run.text = unit;
  return out;
}

}  // namespace cardface::tmpl
