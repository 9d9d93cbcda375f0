// Sheets for a print run: N-up imposition of cards' scenes (fronts on odd pages, backs on even
// pages, placed to register when the sheet is turned over left to right). See docs/print.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct SheetSize {
  std::string name;
  double width_mm = 0;  // portrait: width < height
  double height_mm = 0;
};

// a4 (210 × 297), a3 (297 × 420), sra3 (320 × 450); portrait.
const std::vector<SheetSize>& sheet_sizes();
// Throws Error(ErrorKind::tmpl, "sheet", ...) naming the known sizes.
const SheetSize& sheet_size(std::string_view name);

struct SheetOptions {
  double bleed_mm = 2.0;    // around every card
  double gutter_mm = 2.0;   // between neighbouring cards' bleeds
  double margin_mm = 10.0;  // sheet edge to the outermost bleed, at least: marks go here
};

// Where the cards go on one side of a sheet, in mm from the sheet's top-left corner.
struct SheetLayout {
  SheetSize sheet;
  int columns = 0;
  int rows = 0;
  std::vector<Rect> trims;  // row by row, left to right; the grid centred on the sheet
  double bleed_mm = 0;
  int per_sheet() const { return columns * rows; }
};

// Throws Error(ErrorKind::tmpl, "sheet", ...) when not one card fits.
SheetLayout sheet_layout(const SheetSize& sheet, double card_width_mm, double card_height_mm,
                         const SheetOptions& options = {});

// The back of the card whose front is at `front`: mirrored left to right about the sheet's
// centre, as the sheet turns over on its long (vertical) edge in duplex.
Rect back_position(const SheetLayout& layout, Rect front);

// Cards' scenes (front then back face, as compose gives them) on as many sheets as needed:
// page 2n-1 the fronts of sheet n, page 2n its backs; crop marks in the margin on every
// column's and row's trim lines, registration marks at the middle of each edge.
std::vector<std::uint8_t> impose_pdf(const std::vector<Scene>& cards, const SheetSize& sheet,
                                     const SheetOptions& options = {});

}  // namespace cardface
CARDFACE_CXX_API_END
