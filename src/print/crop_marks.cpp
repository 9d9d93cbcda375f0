#include "print/crop_marks.h"

namespace cardface::print {
namespace {

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
}

// Marks print on every separation: black in RGB, the registration colour's stand-in.
void stroke_mark(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, kMarkLineMm);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke(cr);
}

}  // namespace

void draw_crop_marks(cairo_t* cr, Rect trim, double bleed_mm, double gap_mm, double length_mm) {
  const double near = bleed_mm + gap_mm, far = near + length_mm;
  const double left = trim.x, right = trim.x + trim.width;
  const double top = trim.y, bottom = trim.y + trim.height;
  cairo_save(cr);
  for (const double y : {top, bottom}) {
    line(cr, left - near, y, left - far, y);
    line(cr, right + near, y, right + far, y);
  }
  for (const double x : {left, right}) {
    line(cr, x, top - near, x, top - far);
    line(cr, x, bottom + near, x, bottom + far);
  }
  stroke_mark(cr);
  cairo_restore(cr);
}

void draw_registration_mark(cairo_t* cr, Point centre, double diameter_mm) {
  const double r = diameter_mm / 2;
  cairo_save(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, centre.x, centre.y, r * 0.6, 0, 6.283185307179586);
  line(cr, centre.x - r, centre.y, centre.x + r, centre.y);
  line(cr, centre.x, centre.y - r, centre.x, centre.y + r);
  stroke_mark(cr);
  cairo_restore(cr);
}

}  // namespace cardface::print
