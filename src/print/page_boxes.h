// TrimBox and BleedBox for a finished Cairo PDF. Cairo 1.16 writes only a MediaBox, so the page
// objects are written again, with the boxes, as a PDF incremental update (ISO 32000-1 §7.5.6):
// the original bytes stay as they are and a new xref section points at the new page objects.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "cardface/print.h"

namespace cardface::print {

// `boxes`: (page index from 0, geometry in points). Deterministic: the same input gives the
// same bytes. Throws Error(ErrorKind::internal, "pdf", ...) when the file's structure is not
// the classic xref table and page dictionaries Cairo writes.
std::vector<std::uint8_t> add_page_boxes(const std::vector<std::uint8_t>& pdf,
                                         const std::vector<std::pair<int, PdfPageGeometry>>& boxes);

}  // namespace cardface::print
