// Microtext: text too small to read without a loupe (cap height 0.15-0.4 mm), repeated to
// fill a band of lines or to run along a path (e.g. a frame around the photo, an arc).
#pragma once

#include <string>
#include <vector>

#include "cardface/scene.h"
#include "text/font_book.h"

namespace cardface::tmpl {

struct MicrotextLayout {
  enum class Kind { band, path } kind = Kind::band;
  Rect box;                // band: the band
  int lines = 1;           // band: rows
  double line_gap_mm = 0;  // band: baseline to baseline; 0 = 2 × the cap height
  Path path;               // path: the baseline, each subpath filled with whole repeats
};

// Glyph runs of `unit` repeated along the layout, at the size whose capitals are
// `cap_height_mm` tall in `family`'s Latin face. Throws like text::shape_line.
std::vector<GlyphRun> microtext_runs(const text::FontBook& fonts, const std::string& unit,
                                     const std::string& family, double cap_height_mm, Rgba color,
                                     const MicrotextLayout& layout, const std::string& where);

}  // namespace cardface::tmpl
