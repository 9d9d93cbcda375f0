// A multi-page PDF drawn with Cairo into memory, pages measured in mm, each page's TrimBox and
// BleedBox written into the file (Cairo 1.16 has no API for them: see page_boxes.h).
#pragma once

#include <cairo.h>

#include <cstdint>
#include <vector>

#include "cardface/print.h"

namespace cardface::print {

inline constexpr double kPtPerMm = 72.0 / 25.4;

class PdfDocument {
 public:
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Starts a page of width × height mm; the context's user space is mm from the page's
  // top-left corner. `boxes` (points) are written for this page; nullptr: MediaBox only.
  cairo_t* begin_page(double width_mm, double height_mm, const PdfPageGeometry* boxes = nullptr);
  void end_page();
  // The finished file. Throws Error(ErrorKind::internal) when Cairo failed anywhere.
  std::vector<std::uint8_t> finish();

 private:
  std::vector<std::uint8_t> bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* page_ = nullptr;
  int pages_ = 0;
  std::vector<std::pair<int, PdfPageGeometry>> boxes_;  // by page index
};

}  // namespace cardface::print
