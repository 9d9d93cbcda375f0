// Card-printer panels read back as PNG files: sizes, bit depths, and what each panel holds.
#include "cardface/panels.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/template.h"

namespace cardface {
namespace {

struct Header {
  int width = 0, height = 0, bit_depth = 0, color_type = 0;
};

// IHDR straight from the file's bytes: what a printer SDK would see.
Header png_header(const std::vector<std::uint8_t>& png) {
  auto u32 = [&](std::size_t at) {
    return int(png.at(at) << 24 | png.at(at + 1) << 16 | png.at(at + 2) << 8 | png.at(at + 3));
  };
  EXPECT_EQ(std::string(png.begin() + 12, png.begin() + 16), "IHDR");
  return {u32(16), u32(20), png.at(24), png.at(25)};
}

Item rect_item(Panel panel, Rect r, Rgba fill, bool bleed = false) {
  Item item;
  item.panel = panel;
  item.bleed = bleed;
  Shape shape;
  shape.path.rounded_rect(r, 0);
  shape.fill = fill;
  item.content = shape;
  return item;
}

// A white card, a grey k bar, a uv square, a chip area the overlay keeps free.
Face test_face() {
  Face face;
  face.items.push_back(rect_item(Panel::color, {-3, -3, 91.6, 59.98}, {1, 1, 1, 1}, true));
  face.items.push_back(rect_item(Panel::color, {5, 5, 10, 10}, {1, 0, 0, 1}));
  face.items.push_back(rect_item(Panel::k, {40, 5, 30, 10}, {0.4, 0.4, 0.4, 1}));
  face.items.push_back(rect_item(Panel::uv, {10, 30, 10, 10}, {1, 1, 1, 1}));
  face.items.push_back(rect_item(Panel::overlay_free, {50, 30, 12, 10}, {0, 0, 0, 1}));
  return face;
}

std::array<int, 4> pixel(const Raster& r, int x, int y) {
  const auto* p = &r.rgba[(std::size_t(y) * r.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

// A point in mm on the card to a pixel of the printer's image (the card centred).
std::pair<int, int> at_mm(const PrinterProfile& printer, double x_mm, double y_mm) {
  const double px = printer.dpi / 25.4;
  return {int((printer.width_px - 85.6 * px) / 2 + x_mm * px),
          int((printer.height_px - 53.98 * px) / 2 + y_mm * px)};
}

TEST(PrinterProfiles, SizesAtThreeHundredDpi) {
  EXPECT_EQ(printer_profile("exact").width_px, 1011);
  EXPECT_EQ(printer_profile("exact").height_px, 638);
  EXPECT_EQ(printer_profile("evolis").width_px, 1016);
  EXPECT_EQ(printer_profile("evolis").height_px, 648);
  EXPECT_EQ(printer_profile("zebra").width_px, 1006);
  EXPECT_EQ(printer_profile("zebra").height_px, 640);
  try {
    printer_profile("hp");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.problems().at(0).where, "printer");
    EXPECT_NE(e.problems().at(0).message.find("exact, evolis, zebra"), std::string::npos);
  }
}

TEST(Panels, SizesAndBitDepthsPerPrinter) {
  for (const PrinterProfile& printer : printer_profiles()) {
    const auto pngs = encode_panel_pngs(render_panels(test_face(), printer));
    ASSERT_EQ(pngs.size(), 4u);
    const std::map<std::string, std::pair<int, int>> expected = {
        {"color", {8, 2}}, {"k", {1, 0}}, {"uv", {8, 0}}, {"overlay", {1, 0}}};  // depth, type
    for (const PanelPng& p : pngs) {
      const Header h = png_header(p.png);
      EXPECT_EQ(h.width, printer.width_px) << printer.name << " " << p.panel;
      EXPECT_EQ(h.height, printer.height_px) << printer.name << " " << p.panel;
      EXPECT_EQ(h.bit_depth, expected.at(p.panel).first) << printer.name << " " << p.panel;
      EXPECT_EQ(h.color_type, expected.at(p.panel).second) << printer.name << " " << p.panel;
    }
  }
}

TEST(Panels, EachPanelHoldsOnlyItsOwnItems) {
  const PrinterProfile& printer = printer_profile("evolis");
  const auto pngs = encode_panel_pngs(render_panels(test_face(), printer));
  const Raster color = decode_image(pngs[0].png, "color");
  const Raster k = decode_image(pngs[1].png, "k");
  const Raster uv = decode_image(pngs[2].png, "uv");
  const Raster overlay = decode_image(pngs[3].png, "overlay");
  auto [rx, ry] = at_mm(printer, 10, 10);  // the red square
  auto [kx, ky] = at_mm(printer, 55, 10);  // the k bar
  auto [ux, uy] = at_mm(printer, 15, 35);  // the uv square
  auto [ox, oy] = at_mm(printer, 56, 35);  // the chip area
  const std::array<int, 4> white{255, 255, 255, 255}, black{0, 0, 0, 255};
  EXPECT_EQ(pixel(color, rx, ry), (std::array<int, 4>{255, 0, 0, 255}));
  EXPECT_EQ(pixel(color, kx, ky), white);  // k is not in the colour panel
  EXPECT_EQ(pixel(color, ux, uy), white);
  EXPECT_EQ(pixel(color, ox, oy), white);  // keep-free areas are no ink
  EXPECT_EQ(pixel(k, kx, ky), black);      // 40 % grey in k is resin, fully black
  EXPECT_EQ(pixel(k, rx, ry), white);
  EXPECT_EQ(pixel(uv, ux, uy), black);
  EXPECT_EQ(pixel(uv, kx, ky), white);
  EXPECT_EQ(pixel(overlay, ox, oy), white);
  EXPECT_EQ(pixel(overlay, rx, ry), black);
  EXPECT_EQ(pixel(overlay, 0, 0), black);  // the overlay runs past the edge
}

TEST(Panels, BleedArtFillsThePrinterImageOnlyWhenAsked) {
  const PrinterProfile& printer = printer_profile("evolis");  // 2.5 px past each side
  Face face;
  face.items.push_back(rect_item(Panel::color, {-3, -3, 91.6, 59.98}, {0, 0, 1, 1}, true));
  const Raster none = decode_image(encode_panel_pngs(render_panels(face, printer))[0].png, "c");
  EXPECT_EQ(pixel(none, 0, 0), (std::array<int, 4>{255, 255, 255, 255}));
  EXPECT_EQ(pixel(none, 508, 324), (std::array<int, 4>{0, 0, 255, 255}));
  const Raster bled =
      decode_image(encode_panel_pngs(render_panels(face, printer, {1.0}))[0].png, "c");
  EXPECT_EQ(pixel(bled, 0, 0), (std::array<int, 4>{0, 0, 255, 255}));
}

class SpecimenPanels : public ::testing::Test {
 protected:
  static Face specimen_back() {
    const Card card = load_card(std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples" /
                                "zhengjian-yangben.json");
    ComposeOptions options;
    options.sides = {Side::back};
    return compose(card, find_template("fprc-2023"), Fonts::bundled(), options).faces.at(0);
  }
};

TEST_F(SpecimenPanels, KIsOnlyBlackAndWhiteAndHoldsTheMrz) {
  const Face back = specimen_back();
  const PanelSet set = render_panels(back, printer_profile("exact"));
  for (std::uint8_t v : set.k) ASSERT_TRUE(v == 0 || v == 255) << int(v);  // before packing
  const Raster k = decode_image(encode_panel_pngs(set)[1].png, "k");
  std::size_t black = 0;
  for (std::size_t i = 0; i < k.rgba.size(); i += 4) {
    ASSERT_TRUE(k.rgba[i] == 0 || k.rgba[i] == 255) << "grey at pixel " << i / 4;
    black += k.rgba[i] == 0;
  }
  // The MRZ's ink: 90 OCR-B characters, some thousands of pixels at 300 dpi.
  EXPECT_GT(black, 5000u);
  // Above the MRZ rows (the bottom of the card) the only resin is the seal's DataMatrix:
  // nothing black outside its box.
  Rect seal;
  for (const Item& item : back.items)
    if (const auto* code = std::get_if<Barcode>(&item.content)) seal = code->box;
  ASSERT_GT(seal.width, 0);
  std::size_t seal_black = 0;
  for (int y = 0; y < 638 * 3 / 5; ++y)
    for (int x = 0; x < 1011; ++x) {
      const double x_mm = (x + 0.5) * 25.4 / 300, y_mm = (y + 0.5) * 25.4 / 300;
      const bool in_seal = x_mm >= seal.x && x_mm <= seal.x + seal.width && y_mm >= seal.y &&
                           y_mm <= seal.y + seal.height;
      const bool ink = k.rgba[(std::size_t(y) * 1011 + x) * 4] == 0;
      if (!in_seal) {
        ASSERT_FALSE(ink) << "resin at " << x << ", " << y;
      }
      seal_black += ink;
    }
  EXPECT_GT(seal_black, 1000u);  // the seal's modules
}

TEST_F(SpecimenPanels, NothingTaggedKIsInTheColourPanel) {
  const Face back = specimen_back();
  Face without_k = back;
  std::erase_if(without_k.items, [](const Item& item) { return item.panel == Panel::k; });
  ASSERT_LT(without_k.items.size(), back.items.size());
  const PrinterProfile& printer = printer_profile("zebra");
  EXPECT_EQ(render_panels(back, printer).color, render_panels(without_k, printer).color);
}

}  // namespace
}  // namespace cardface
