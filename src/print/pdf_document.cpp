#include "print/pdf_document.h"

#include <cairo-pdf.h>

#include "cardface/error.h"
#include "core/leak_check.h"
#include "print/byte_sink.h"
#include "print/page_boxes.h"
#include "render/paint.h"

namespace cardface::print {
PdfDocument::PdfDocument() {
  surface_ = cairo_pdf_surface_create_for_stream(append_to_bytes, &bytes_, 100, 100);
  // PDF 1.5 (Cairo's default): transparency groups, and what every print RIP reads.
  cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "cardface");
  // Cairo stamps the current time otherwise. The epoch, as SOURCE_DATE_EPOCH=0 would give:
  // the same inputs make the same bytes, and the date claims nothing.
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "1970-01-01T00:00:00Z");
}

namespace {
// Cairo 1.16 loses 384 bytes for each CID-keyed CFF font (our Noto Sans SC) it subsets into a
// PDF, when the surface is finished (tools/lsan/README.md shows it with Cairo alone); only
// what Cairo allocates during that one call goes unreported.
void finish_surface(cairo_surface_t* surface) {
  const core::LeakCheckPause cairo_cff_subset_leak;
  cairo_surface_finish(surface);
}
}  // namespace

PdfDocument::~PdfDocument() {
  if (page_) cairo_destroy(page_);
  if (surface_) {
    finish_surface(surface_);  // a document given up half-way: destroying would finish it
    cairo_surface_destroy(surface_);
  }
}

cairo_t* PdfDocument::begin_page(double width_mm, double height_mm, const PdfPageGeometry* boxes) {
  if (page_) end_page();
  cairo_pdf_surface_set_size(surface_, width_mm * kPtPerMm, height_mm * kPtPerMm);
  page_ = cairo_create(surface_);
  render::check_status(page_, "pdf");
  cairo_scale(page_, kPtPerMm, kPtPerMm);
  if (boxes) boxes_.push_back({pages_, *boxes});
  return page_;
}

void PdfDocument::end_page() {
  if (!page_) return;
  cairo_show_page(page_);
  const cairo_status_t status = cairo_status(page_);
  cairo_destroy(page_);
  page_ = nullptr;
  ++pages_;
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "pdf", cairo_status_to_string(status));
}

std::vector<std::uint8_t> PdfDocument::finish() {
  end_page();
  finish_surface(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "pdf", cairo_status_to_string(status));
  return add_page_boxes(bytes_, boxes_);
}

}  // namespace cardface::print
