// Glyph outlines as Paths, for artwork that is shaped like text (a latent motif, a relief)
// rather than printed as text.
#pragma once

#include "cardface/scene.h"
#include "text/font_book.h"
#include "text/shape.h"

namespace cardface::text {

// The outline of glyph `glyph` of `face` at em size `size_mm`, its pen position at `origin`
// (mm, y down). Quadratic curves become cubics.
Path glyph_outline(const Face& face, std::uint32_t glyph, double size_mm, Point origin);

// The outlines of every glyph of a shaped line, as one Path (fill it nonzero).
Path line_outline(const FontBook& fonts, const Line& line);

}  // namespace cardface::text
