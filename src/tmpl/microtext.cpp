#include "tmpl/microtext.h"

#include "scene/path_walk.h"
#include "text/shape.h"

namespace cardface::tmpl {

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
    // The unit repeats along each subpath as often as it fits whole, glyphs turned to the
    // path's direction at their middle.
    for (const std::vector<Point>& polyline : flatten(layout.path, 0.02)) {
      const PathWalk walk(polyline);
      for (double start = 0; start + line.width_mm <= walk.length() + 1e-9; start += line.width_mm)
        for (const Placed& p : glyphs) {
          const double s = start + p.glyph.origin.x;
          const double angle = walk.at(s + p.advance / 2).angle_rad;
          emit(p.run, Glyph{p.glyph.index, walk.at(s).at, angle});
        }
    }
  }
  for (GlyphRun& run : out) run.text = unit;
  return out;
}

}  // namespace cardface::tmpl
