// Printer's marks in page millimetres: crop marks on the trim lines outside the bleed, and
// registration targets for aligning the two sides of a sheet.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"

namespace cardface::print {

// Hairline width of every mark: 0.25 pt.
inline constexpr double kMarkLineMm = 0.25 * 25.4 / 72;

// Eight marks around `trim`: each corner's two trim lines continued outward, beginning
// `gap_mm` past the bleed and `length_mm` long.
void draw_crop_marks(cairo_t* cr, Rect trim, double bleed_mm, double gap_mm, double length_mm);

// A registration target (circle and cross) of `diameter_mm` centred on `centre`.
void draw_registration_mark(cairo_t* cr, Point centre, double diameter_mm);

}  // namespace cardface::print
