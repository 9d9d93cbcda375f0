// N-up sheets: fronts on odd pages, backs on even pages at the mirrored positions.
#include <algorithm>
#include <set>

#include "cardface/error.h"
#include "cardface/imposition.h"
#include "print/crop_marks.h"
#include "print/pdf_document.h"
#include "render/paint.h"

namespace cardface {
namespace {

void paint_card(cairo_t* cr, const Face& face, Rect trim, double bleed_mm) {
  cairo_save(cr);
  cairo_translate(cr, trim.x, trim.y);
  render::PaintOptions paint;
  paint.bleed_mm = bleed_mm;
  paint.rounded_trim = false;
  render::paint_face(cr, face, paint);
  cairo_restore(cr);
}

// Crop marks in the margin only, on every column's and row's trim lines: marks between the
// cards would print on a neighbour's bleed.
void draw_sheet_crop_marks(cairo_t* cr, const SheetLayout& layout) {
  std::set<double> xs, ys;
  double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
  for (const Rect& t : layout.trims) {
    xs.insert({t.x, t.x + t.width});
    ys.insert({t.y, t.y + t.height});
    left = std::min(left, t.x);
    right = std::max(right, t.x + t.width);
    top = std::min(top, t.y);
    bottom = std::max(bottom, t.y + t.height);
  }
  const double near = layout.bleed_mm + crop_mark_gap_mm, far = near + crop_mark_length_mm;
  cairo_save(cr);
  for (double x : xs) {
    cairo_move_to(cr, x, top - near);
    cairo_line_to(cr, x, top - far);
    cairo_move_to(cr, x, bottom + near);
    cairo_line_to(cr, x, bottom + far);
  }
  for (double y : ys) {
    cairo_move_to(cr, left - near, y);
    cairo_line_to(cr, left - far, y);
    cairo_move_to(cr, right + near, y);
    cairo_line_to(cr, right + far, y);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, print::kMarkLineMm);
  cairo_stroke(cr);
  cairo_restore(cr);
}

// Targets at the middle of each edge: symmetric, so front and back targets meet when the
// sheet is turned over.
void draw_registration_marks(cairo_t* cr, const SheetLayout& layout, double margin_mm) {
  const double w = layout.sheet.width_mm, h = layout.sheet.height_mm;
  const double inset = margin_mm / 2, size = std::min(5.0, margin_mm * 0.8);
  for (Point p :
       {Point{w / 2, inset}, Point{w / 2, h - inset}, Point{inset, h / 2}, Point{w - inset, h / 2}})
    print::draw_registration_mark(cr, p, size);
}

}  // namespace

std::vector<std::uint8_t> impose_pdf(const std::vector<Scene>& cards, const SheetSize& sheet,
                                     const SheetOptions& options) {
  if (cards.empty()) throw Error(ErrorKind::data, "cards", "no card to impose");
  const Face* first = cards.front().faces.empty() ? nullptr : &cards.front().faces.front();
  if (!first) throw Error(ErrorKind::tmpl, "cards", "a card has no face");
  const SheetLayout layout = sheet_layout(sheet, first->width_mm, first->height_mm, options);
  // Marks need the slug between the outer bleed and the sheet edge.
  const bool marks = options.margin_mm >= crop_mark_slug_mm;
  print::PdfDocument document;
  const std::size_t per_sheet = std::size_t(layout.per_sheet());
  for (std::size_t start = 0; start < cards.size(); start += per_sheet) {
    const std::size_t end = std::min(cards.size(), start + per_sheet);
    for (Side side : {Side::front, Side::back}) {
      cairo_t* cr = document.begin_page(sheet.width_mm, sheet.height_mm);
      for (std::size_t i = start; i < end; ++i) {
        const Face* face = cards[i].face(side);
        if (!face) continue;
        if (face->width_mm != first->width_mm || face->height_mm != first->height_mm)
          throw Error(ErrorKind::tmpl, "cards", "cards on one sheet must share one size");
        const Rect front = layout.trims[i - start];
        paint_card(cr, *face, side == Side::front ? front : back_position(layout, front),
                   options.bleed_mm);
      }
      if (marks) draw_sheet_crop_marks(cr, layout);
      draw_registration_marks(cr, layout, options.margin_mm);
      document.end_page();
    }
  }
  return document.finish();
}

}  // namespace cardface
