// Where an item's ink lands on its face, in mm: the boxes the layout checks and the debug
// overlay work with.
#pragma once

#include <optional>

#include "cardface/scene.h"

namespace cardface::layout {

// The item's ink box before its clips (glyph outlines' extents, a path's with its stroke, an
// image's destination, a barcode's symbol); nullopt when it draws nothing.
std::optional<Rect> ink_box(const Item& item);

// The extents of the region inside all the item's clips; nullopt when it has none.
std::optional<Rect> clip_box(const Item& item);

// A barcode's symbol grown by its quiet zone.
Rect quiet_zone_box(const Barcode& code);

// The tallest glyph's ink height of a run, mm (microtext's cap height).
double glyph_height_mm(const GlyphRun& run);

std::optional<Rect> intersection(const Rect& a, const Rect& b);
bool contains(const Rect& outer, const Rect& inner, double tolerance_mm);
Rect grown(const Rect& r, double by_mm);

}  // namespace cardface::layout
