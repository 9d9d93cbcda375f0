// Fitting a value into its box: shrink to a floor size, then wrap, as the template allows,
// and otherwise fail (a truncated name is a misprinted card).
#pragma once

#include <string_view>
#include <vector>

#include "text/font_book.h"
#include "text/shape.h"

namespace cardface::text {

struct FitRule {
  double max_width_mm = 0;  // 0: no limit
  double min_size_pt = 0;   // 0: never shrink
  bool wrap = false;
  int max_lines = 1;
  double line_height = 1.2;  // baseline to baseline, × size
};

struct Block {
  std::vector<Line> lines;  // line i's baseline is at i × line_advance_mm; none for ""
  double size_pt = 0;
  double line_advance_mm = 0;
  // The family's latin face's hhea ascender and descender at size_pt (descent_mm > 0).
  double ascent_mm = 0;
  double descent_mm = 0;
};

// 1. One line at style.size_pt if it fits in max_width_mm.
// 2. Else, if min_size_pt > 0, one line at the size that makes it exactly max_width_mm wide
//    (letter spacing does not scale), if that is at least min_size_pt.
// 3. Else, if wrap and max_lines > 1, lines broken at line_breaks() (greedy), at the largest
//    size of style.size_pt, style.size_pt - 0.1, ... down to the floor (min_size_pt, or
//    style.size_pt when shrinking is off) at which at most max_lines lines fit.
// 4. Else Error(ErrorKind::data, where, "does not fit in 40 mm at the minimum size 6 pt").
// Deterministic; lines never hold a trailing breaking space.
Block fit_text(const FontBook& book, std::string_view utf8, const TextStyle& style,
               const FitRule& rule, std::string_view where);

}  // namespace cardface::text
