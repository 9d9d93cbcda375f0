// N-up geometry: as many whole cards (each with its bleed, gutters between) as fit inside the
// margins of a portrait sheet, the grid centred.
#include <cmath>
#include <string>

#include "cardface/error.h"
#include "cardface/imposition.h"

namespace cardface {

const std::vector<SheetSize>& sheet_sizes() {
  static const std::vector<SheetSize> sizes = {
      {"a4", 210, 297}, {"a3", 297, 420}, {"sra3", 320, 450}};
  return sizes;
}

const SheetSize& sheet_size(std::string_view name) {
  std::string known;
  for (const SheetSize& s : sheet_sizes()) {
    if (s.name == name) return s;
    known += (known.empty() ? "" : ", ") + s.name;
  }
  throw Error(ErrorKind::tmpl, "sheet",
              "unknown sheet \"" + std::string(name) + "\" (known: " + known + ")");
}

SheetLayout sheet_layout(const SheetSize& sheet, double card_width_mm, double card_height_mm,
                         const SheetOptions& options) {
  if (!(options.bleed_mm >= 0 && options.gutter_mm >= 0 && options.margin_mm >= 0))
    throw Error(ErrorKind::tmpl, "sheet", "bleed, gutter and margin must not be negative");
  SheetLayout layout;
  layout.sheet = sheet;
  layout.bleed_mm = options.bleed_mm;
  const double cell_w = card_width_mm + 2 * options.bleed_mm;
  const double cell_h = card_height_mm + 2 * options.bleed_mm;
  const double usable_w = sheet.width_mm - 2 * options.margin_mm;
  const double usable_h = sheet.height_mm - 2 * options.margin_mm;
  // n cells and n - 1 gutters fit when n (cell + gutter) <= usable + gutter; the epsilon
  // keeps an exact fit from being lost to rounding.
  layout.columns =
      int(std::floor((usable_w + options.gutter_mm) / (cell_w + options.gutter_mm) + 1e-9));
  layout.rows =
      int(std::floor((usable_h + options.gutter_mm) / (cell_h + options.gutter_mm) + 1e-9));
  if (layout.columns < 1 || layout.rows < 1)
    throw Error(ErrorKind::tmpl, "sheet",
                "no card fits on " + sheet.name + " with this bleed, gutter and margin");
  const double grid_w = layout.columns * cell_w + (layout.columns - 1) * options.gutter_mm;
  const double grid_h = layout.rows * cell_h + (layout.rows - 1) * options.gutter_mm;
  const double x0 = (sheet.width_mm - grid_w) / 2 + options.bleed_mm;
  const double y0 = (sheet.height_mm - grid_h) / 2 + options.bleed_mm;
  for (int r = 0; r < layout.rows; ++r)
    for (int c = 0; c < layout.columns; ++c)
      layout.trims.push_back({x0 + c * (cell_w + options.gutter_mm),
                              y0 + r * (cell_h + options.gutter_mm), card_width_mm,
                              card_height_mm});
  return layout;
}

Rect back_position(const SheetLayout& layout, Rect front) {
  return {layout.sheet.width_mm - front.x - front.width, front.y, front.width, front.height};
}

}  // namespace cardface
