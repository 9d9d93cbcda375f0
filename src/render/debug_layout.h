// The template author's overlay (--debug-layout): each item's box coloured by panel and
// labelled with its element's id, text baselines, barcodes' quiet zones, the trim and bleed
// lines, on the back of an ID-1 card the ICAO TD1 MRZ zone and its clear margin, and the layout
// checks' findings (include/cardface/lint.h) in red. Every line and label is drawn over a white
// halo, so it shows on dark art as on light.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"

namespace cardface::render {

// ICAO Doc 9303 TD1 geometry the overlay shows: three 2.95 mm line zones, centres 4.23 mm
// apart, the middle one 11.5 mm above the bottom edge, the first cell 5.0 mm from the left,
// 30 cells of 2.54 mm; the clear margin is the ±1.0 mm placement tolerance around them, which
// nothing but the MRZ should enter.
Rect icao_td1_mrz_zone(const Face& face);
Rect icao_td1_clear_margin(const Face& face);

// Draws over what is already painted; `cr` as for paint_face. The findings are those of lint
// at `dpi`.
void paint_debug_layout(cairo_t* cr, const Face& face, double bleed_mm, int dpi);

}  // namespace cardface::render
