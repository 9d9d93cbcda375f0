// The card as a print PDF: one page per face, the trim centred in the bleed (and the slug when
// crop marks are asked for).
#include <string>

#include "cardface/error.h"
#include "cardface/print.h"
#include "print/crop_marks.h"
#include "print/pdf_document.h"
#include "render/debug_layout.h"
#include "render/paint.h"

namespace cardface {

namespace {

void check_bleed(double bleed_mm) {
  if (!(bleed_mm >= 0 && bleed_mm <= 20))
    throw Error(ErrorKind::internal, "bleed", "must be from 0 to 20 mm");
}

// Distance from the page edge to the trim, mm.
double margin_mm(const PdfOptions& options) {
  return options.bleed_mm + (options.crop_marks ? crop_mark_slug_mm : 0);
}

}  // namespace

PdfPageGeometry pdf_page_geometry(const Face& face, const PdfOptions& options) {
  check_bleed(options.bleed_mm);
  const double k = print::kPtPerMm, m = margin_mm(options), b = options.bleed_mm;
  const double w = face.width_mm + 2 * m, h = face.height_mm + 2 * m;
  PdfPageGeometry g;
  g.media = {0, 0, w * k, h * k};
  g.trim = {m * k, m * k, (w - m) * k, (h - m) * k};
  g.bleed = {(m - b) * k, (m - b) * k, (w - m + b) * k, (h - m + b) * k};
  return g;
}

std::vector<std::uint8_t> render_pdf(const Scene& scene, const PdfOptions& options) {
  check_bleed(options.bleed_mm);
  print::PdfDocument document;
  const double m = margin_mm(options);
  for (const Face& face : scene.faces) {
    const PdfPageGeometry geometry = pdf_page_geometry(face, options);
    cairo_t* cr = document.begin_page(face.width_mm + 2 * m, face.height_mm + 2 * m, &geometry);
    cairo_translate(cr, m, m);
    render::PaintOptions paint;
    paint.bleed_mm = options.bleed_mm;
    paint.rounded_trim = false;
    render::paint_face(cr, face, paint);
    if (options.crop_marks)
      print::draw_crop_marks(cr, {0, 0, face.width_mm, face.height_mm}, options.bleed_mm,
                             crop_mark_gap_mm, crop_mark_length_mm);
    if (options.debug_layout) render::paint_debug_layout(cr, face, options.bleed_mm, 600);
    document.end_page();
  }
  return document.finish();
}

}  // namespace cardface
