// Print-ready vector output of a Scene: PDF with bleed, trim and bleed boxes and crop marks (one
// page per face), and SVG of one face. See docs/print.md for the page geometry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// Crop marks: hairlines on the trim's lines, from this far outside the bleed, this long.
inline constexpr double crop_mark_gap_mm = 1.0;
inline constexpr double crop_mark_length_mm = 5.0;
// The slug around the bleed that holds the marks: gap + length.
inline constexpr double crop_mark_slug_mm = crop_mark_gap_mm + crop_mark_length_mm;

struct PdfOptions {
  double bleed_mm = 2.0;      // 0 to 20
  bool crop_marks = false;    // adds crop_mark_slug_mm around the bleed for them
  bool debug_layout = false;  // element boxes, baselines, trim, bleed, ICAO zones over the art
};

// A page's boxes in PDF points (1/72 in), origin at the page's bottom-left corner.
struct PdfBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The page for one face: MediaBox = the bleed (plus the slug with crop marks), TrimBox = the
// card, BleedBox = the card grown by the bleed.
struct PdfPageGeometry {
  PdfBox media, bleed, trim;
};
PdfPageGeometry pdf_page_geometry(const Face& face, const PdfOptions& options);

// One page per face in the scene's order. Vector art and text (fonts embedded as subsets),
// images at their own resolution; bleed items run to the BleedBox, the rest stop at the trim.
// The same scene and options give the same bytes (no dates, no random IDs).
// Throws Error(ErrorKind::internal) when Cairo fails, Error(ErrorKind::tmpl, "bleed", ...)
// for a bleed outside 0-20 mm.
std::vector<std::uint8_t> render_pdf(const Scene& scene, const PdfOptions& options = {});

struct SvgOptions {
  bool debug_layout = false;
};

// One face as SVG 1.1 at the trim size (in pt), rounded corners as in the PNG, glyphs as paths.
std::vector<std::uint8_t> render_svg(const Face& face, const SvgOptions& options = {});

}  // namespace cardface
CARDFACE_CXX_API_END
