// Sheet geometry in mm: N-up counts from the sheet, bleed, gutter and margin; duplex backs.
#include "cardface/sheet.h"

#include <gtest/gtest.h>

#include "cardface/error.h"

namespace cardface {
namespace {

constexpr double kW = 85.60, kH = 53.98;

TEST(SheetLayout, CardsPerSheetWithTwoMillimetreBleedAndGutter) {
  // Cells are 89.60 × 57.98 (card + 2 × 2 mm bleed), 2 mm apart, inside 10 mm margins.
  // A4 210 × 297: (190 + 2) / 91.60 → 2 columns, (277 + 2) / 59.98 → 4 rows.
  const SheetLayout a4 = sheet_layout(sheet_size("a4"), kW, kH);
  EXPECT_EQ(a4.columns, 2);
  EXPECT_EQ(a4.rows, 4);
  // A3 297 × 420: (277 + 2) / 91.60 → 3, (400 + 2) / 59.98 → 6.
  const SheetLayout a3 = sheet_layout(sheet_size("a3"), kW, kH);
  EXPECT_EQ(a3.per_sheet(), 18);
  // SRA3 320 × 450: (300 + 2) / 91.60 → 3, (430 + 2) / 59.98 → 7.
  const SheetLayout sra3 = sheet_layout(sheet_size("sra3"), kW, kH);
  EXPECT_EQ(sra3.columns, 3);
  EXPECT_EQ(sra3.rows, 7);
  EXPECT_EQ(sra3.trims.size(), 21u);
}

TEST(SheetLayout, BleedAndGutterChangeTheCount) {
  SheetOptions tight;
  tight.bleed_mm = 0;
  tight.gutter_mm = 0;
  // A4 with no bleed or gutter: 190 / 85.6 → 2, 277 / 53.98 → 5.
  EXPECT_EQ(sheet_layout(sheet_size("a4"), kW, kH, tight).per_sheet(), 10);
  SheetOptions wide;
  wide.bleed_mm = 3;
  wide.gutter_mm = 10;
  // (190 + 10) / 101.6 → 1 column; (277 + 10) / 69.98 → 4 rows.
  EXPECT_EQ(sheet_layout(sheet_size("a4"), kW, kH, wide).per_sheet(), 4);
}

TEST(SheetLayout, GridIsCentredAndCardsDoNotTouch) {
  const SheetLayout a4 = sheet_layout(sheet_size("a4"), kW, kH);
  // Grid 2 × 89.6 + 2 = 181.2 wide: its bleed starts at (210 - 181.2) / 2 = 14.4, the trim 16.4.
  EXPECT_NEAR(a4.trims[0].x, 16.4, 1e-9);
  EXPECT_NEAR(a4.trims[1].x, 16.4 + 91.6, 1e-9);
  // Grid 4 × 57.98 + 3 × 2 = 237.92 tall: (297 - 237.92) / 2 + 2 = 31.54.
  EXPECT_NEAR(a4.trims[0].y, 31.54, 1e-9);
  EXPECT_NEAR(a4.trims[2].y, 31.54 + 59.98, 1e-9);
}

TEST(SheetLayout, BackIsMirroredLeftToRight) {
  const SheetLayout a4 = sheet_layout(sheet_size("a4"), kW, kH);
  const Rect back = back_position(a4, a4.trims[0]);
  // The left column's backs land in the right column, same row: a long-edge duplex flip.
  EXPECT_NEAR(back.x, a4.trims[1].x, 1e-9);
  EXPECT_NEAR(back.y, a4.trims[0].y, 1e-9);
  EXPECT_NEAR(back.x + back.width / 2, 210 - (a4.trims[0].x + kW / 2), 1e-9);
}

TEST(SheetLayout, UnknownSheetAndNothingFitting) {
  EXPECT_THROW(sheet_size("letter"), Error);
  SheetOptions huge;
  huge.margin_mm = 100;
  EXPECT_THROW(sheet_layout(sheet_size("a4"), kW, kH, huge), Error);
}

}  // namespace
}  // namespace cardface
