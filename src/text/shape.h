// Shaping one line of text with HarfBuzz into positioned glyph runs, in millimetres.
//
// Shaping happens once per (text, family, ligatures) at the fonts' design resolution, giving a
// ShapedText in ems that is independent of size, letter spacing and colour; layout() then
// scales it. A cache of ShapedText keyed by (text, family, ligatures) can go in front of
// shape_text() without changing any result; fit_text() already reuses one per call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/scene.h"
#include "text/font_book.h"

namespace cardface::text {

inline constexpr double kMmPerPt = 25.4 / 72.0;

inline double pt_to_mm(double pt) {
  return pt * kMmPerPt;
}

struct TextStyle {
  std::string family;            // a family of fonts.json
  double size_pt = 8;            // em size
  double letter_spacing_mm = 0;  // added after each cluster but the last
  Rgba color;
};

// A line's glyph runs. The pen starts at x = 0 on the baseline y = 0; y grows downwards.
struct Line {
  std::vector<GlyphRun> runs;
  double width_mm = 0;  // sum of advances plus letter spacing
};

struct ShapedGlyph {
  std::uint32_t index = 0;
  double x_em = 0;        // pen position plus offset, in ems, letter spacing not included
  double y_em = 0;        // offset from the baseline, in ems, y down
  int spacing_steps = 0;  // clusters before this glyph's one: each adds the letter spacing
};

struct ShapedRun {
  const Face* face = nullptr;
  std::string text;  // the run's characters
  std::vector<ShapedGlyph> glyphs;
};

struct ShapedText {
  std::vector<ShapedRun> runs;
  double advance_em = 0;  // sum of advances, in ems
  int clusters = 0;

  double width_mm(double size_pt, double letter_spacing_mm) const;
};

// Itemizes (see itemize.h) and shapes left to right. `ligatures` = false turns off the
// standard and contextual ligatures, as CSS does for letter-spaced text.
// Throws Error naming `where` for an unknown family (tmpl), invalid UTF-8, control
// characters and characters no face of the family has (data).
ShapedText shape_text(const FontBook& book, std::string_view utf8, std::string_view family,
                      bool ligatures, std::string_view where);

Line layout(const ShapedText& shaped, const TextStyle& style);

// shape_text + layout; ligatures only without letter spacing.
Line shape_line(const FontBook& book, std::string_view utf8, const TextStyle& style,
                std::string_view where);

}  // namespace cardface::text
