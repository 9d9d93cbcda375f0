// Barcodes: bytes in, the same bytes out through ZXing-C++ for every symbology; the module size
// the raster backend snaps to; crisp modules and the quiet zone in the rendered face; the
// template's barcode element.
#include "cardface/barcode.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "cardface/template.h"
#include "test_support.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = CARDFACE_SOURCE_DIR;

using Bytes = std::vector<std::uint8_t>;

// The matrix drawn at `module_px` pixels a module with a white quiet zone of `quiet` modules.
Raster draw(const ModuleMatrix& m, int module_px, int quiet) {
  Raster r;
  r.width = (m.columns + 2 * quiet) * module_px;
  r.height = (m.rows + 2 * quiet) * module_px;
  r.rgba.assign(std::size_t(r.width) * r.height * 4, 255);
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      const int column = x / module_px - quiet, row = y / module_px - quiet;
      if (column >= 0 && row >= 0 && column < m.columns && row < m.rows && m.at(column, row))
        for (int c = 0; c < 3; ++c) r.rgba[(std::size_t(y) * r.width + x) * 4 + c] = 0;
    }
  return r;
}

const std::string kUtf8 = "MÜLLER-LÜDENSCHEIDT, ANNA-LENA ÅSA 证件样本 ß·€";

TEST(Barcode, Utf8TextComesBackByteForByteInEverySymbology) {
  const Bytes bytes(kUtf8.begin(), kUtf8.end());
  for (Symbology s : {Symbology::datamatrix, Symbology::qr, Symbology::pdf417, Symbology::aztec}) {
    const ModuleMatrix m = encode_barcode(bytes, s, "test");
    ASSERT_GT(m.columns, 0) << to_string(s);
    const auto decoded = read_barcode(draw(m, 4, 4), {s});
    ASSERT_TRUE(decoded) << to_string(s);
    EXPECT_EQ(decoded->symbology, s);
    EXPECT_EQ(std::string(decoded->bytes.begin(), decoded->bytes.end()), kUtf8) << to_string(s);
  }
}

TEST(Barcode, EveryByteValueComesBack) {
  Bytes bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(std::uint8_t(i));
  for (Symbology s : {Symbology::datamatrix, Symbology::qr}) {
    const auto decoded = read_barcode(draw(encode_barcode(bytes, s, "test"), 3, 3), {s});
    ASSERT_TRUE(decoded) << to_string(s);
    EXPECT_EQ(decoded->bytes, bytes) << to_string(s);
  }
}

TEST(Barcode, DataMatrixTakesTheSmallestIso16022SymbolThatHoldsTheCodewords) {
  // 44 bytes in Base 256 are 46 codewords (latch, length, 44): ISO/IEC 16022 table 7 gives the
  // 16 x 48 rectangle 49 data codewords, the next square (22 x 22) 50. 100 bytes (102
  // codewords) need the 40 x 40 square (114; 36 x 36 holds 86).
  ModuleMatrix m = encode_barcode(Bytes(44, 0xAB), Symbology::datamatrix, "test");
  EXPECT_EQ(m.columns, 48);
  EXPECT_EQ(m.rows, 16);
  m = encode_barcode(Bytes(100, 0xAB), Symbology::datamatrix, "test");
  EXPECT_EQ(m.columns, 40);
  EXPECT_EQ(m.rows, 40);
  EXPECT_THROW(encode_barcode(Bytes{}, Symbology::datamatrix, "x"), Error);
  EXPECT_THROW(encode_barcode(Bytes(5000, 1), Symbology::qr, "x"), Error);
}

TEST(Barcode, NothingToReadIsNoResult) {
  Raster blank;
  blank.width = blank.height = 200;
  blank.rgba.assign(200 * 200 * 4, 255);
  EXPECT_FALSE(read_barcode(blank, {Symbology::datamatrix, Symbology::qr}));
}

TEST(BarcodeModule, SnapsToWholeDevicePixels) {
  EXPECT_EQ(barcode_module_px(0.254, 300), 3);  // 0.254 mm = 1/100 inch
  EXPECT_EQ(barcode_module_px(0.254, 600), 6);
  EXPECT_EQ(barcode_module_px(0.3, 300), 4);     // 3.54 px
  EXPECT_EQ(barcode_module_px(0.2, 300), 2);     // 2.36 px
  EXPECT_EQ(barcode_module_px(0.3386, 600), 8);  // TR-03137's inkjet minimum
  EXPECT_EQ(barcode_module_px(0.01, 300), 1);    // never less than one pixel
}

Face face_with(const Barcode& code) {
  Face face;
  Item background;
  Shape grey;
  grey.path.rounded_rect({0, 0, 85.6, 53.98}, 0);
  grey.fill = Rgba{0.8, 0.6, 0.4, 1};
  background.content = grey;
  face.items.push_back(background);
  Item item;
  item.panel = Panel::k;
  item.content = code;
  face.items.push_back(item);
  return face;
}

TEST(BarcodeRender, ModulesAreCrispAndTheQuietZoneIsWhite) {
  // Long enough for a square symbol: ZXing 1.4's reader misses small rectangular ones.
  const std::string text =
      "cardface renders identity-card faces and reads their seals back: 0123456789";
  const Bytes bytes(text.begin(), text.end());
  const ModuleMatrix m = encode_barcode(bytes, Symbology::datamatrix, "test");
  ASSERT_EQ(m.columns, m.rows);
  // An awkward module (0.27 mm = 3.19 px at 300 dpi) at an awkward place.
  Barcode code{m.columns, m.rows, m.dark, {40.13, 20.07, m.columns * 0.27, m.rows * 0.27}, 0.27, 2};
  for (int dpi : {300, 600}) {
    const Raster r = decode_image(encode_png(rasterize(face_with(code), {dpi, false})), "face");
    const int px = barcode_module_px(0.27, dpi);
    // The symbol's centre lands where the Scene put it, within a pixel.
    const double cx = (code.box.x + code.box.width / 2) / 25.4 * dpi;
    const double cy = (code.box.y + code.box.height / 2) / 25.4 * dpi;
    const int left = int(std::lround(cx - m.columns * px / 2.0));
    const int top = int(std::lround(cy - m.rows * px / 2.0));
    auto at = [&](int x, int y) { return r.rgba[(std::size_t(y) * r.width + x) * 4]; };
    for (int row = 0; row < m.rows; ++row)
      for (int column = 0; column < m.columns; ++column)
        for (int dy = 0; dy < px; ++dy)
          for (int dx = 0; dx < px; ++dx)
            ASSERT_EQ(at(left + column * px + dx, top + row * px + dy), m.at(column, row) ? 0 : 255)
                << dpi << " dpi, module " << column << "," << row;
    // Two modules of white on every side; beyond them the background.
    for (int k = 1; k <= 2 * px; ++k) {
      EXPECT_EQ(at(left - k, top + 5), 255);
      EXPECT_EQ(at(left + m.columns * px - 1 + k, top + 5), 255);
      EXPECT_EQ(at(left + 5, top - k), 255);
      EXPECT_EQ(at(left + 5, top + m.rows * px - 1 + k), 255);
    }
    EXPECT_EQ(at(left - 2 * px - 2, top + 5), 204);
    const auto decoded = read_barcode(r, {Symbology::datamatrix});
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->bytes, bytes);
  }
}

fs::path write_template(const std::string& name, const std::string& elements) {
  return test::write_template_dir(
      name, R"({"name": "t", "card_types": ["fprc-2023"], "sides": {"back": {"elements": [)" +
                elements + "]}}}");
}

Card specimen() {
  return load_card(kRoot / "samples/zhengjian-yangben.json");
}

TEST(BarcodeElement, ContentBindsPlaceholdersAndIsCentredInItsBox) {
  const Template t = Template::load_dir(write_template(
      "barcode-qr",
      R"({"id": "qr", "kind": "barcode", "panel": "k", "symbology": "qr", "content": "{id_number} {name.zh}", "x": 10, "y": 10, "width": 20, "height": 20, "module": 0.4})"));
  const Scene s = compose(specimen(), t, Fonts::bundled(), {{Side::back}});
  ASSERT_EQ(s.faces[0].items.size(), 1u);
  const Item& item = s.faces[0].items[0];
  EXPECT_EQ(item.panel, Panel::k);
  const auto& code = std::get<Barcode>(item.content);
  EXPECT_DOUBLE_EQ(code.module_mm, 0.4);
  EXPECT_EQ(code.quiet_zone_modules, 2);
  EXPECT_NEAR(code.box.x + code.box.width / 2, 20, 1e-9);
  EXPECT_NEAR(code.box.y + code.box.height / 2, 20, 1e-9);
  // Read back from the drawn matrix: the expanded text, as UTF-8.
  ModuleMatrix m{code.columns, code.rows, code.modules};
  const auto decoded = read_barcode(draw(m, 4, 4), {Symbology::qr});
  ASSERT_TRUE(decoded);
  EXPECT_EQ(std::string(decoded->bytes.begin(), decoded->bytes.end()),
            "931586198001010028 证件样本");
}

TEST(BarcodeElement, TheModuleShrinksToFitButNotBelowItsMinimum) {
  const std::string base =
      R"({"kind": "barcode", "panel": "k", "content": "{surname} {given_names} {id_number}", "x": 0, "y": 0, "width": 6, "height": 6, "module": 0.5)";
  const Template shrinks =
      Template::load_dir(write_template("barcode-shrink", base + R"(, "min_module": 0.1})"));
  // The Scene is kept: `code` refers into it.
  const Scene scene = compose(specimen(), shrinks, Fonts::bundled(), {{Side::back}});
  const auto& code = std::get<Barcode>(scene.faces[0].items[0].content);
  EXPECT_NEAR((code.columns + 4) * code.module_mm, 6.0, 1e-9);
  EXPECT_LT(code.module_mm, 0.5);
  const Template too_small = Template::load_dir(write_template("barcode-small", base + "}"));
  EXPECT_NE(test::first_problem([&] {
              compose(specimen(), too_small, Fonts::bundled(), {{Side::back}});
            }).find("/sides/back/elements/0: the code needs"),
            std::string::npos);
}

TEST(BarcodeElement, TemplateFaultsNameTheJsonPath) {
  auto load = [](const std::string& name, const std::string& element) {
    return test::first_problem([&] { Template::load_dir(write_template(name, element)); });
  };
  EXPECT_NE(
      load(
          "seal-qr",
          R"({"kind": "barcode", "panel": "k", "seal": true, "symbology": "qr", "x": 0, "y": 0, "width": 9, "height": 9, "module": 0.3})")
          .find("/sides/back/elements/0/symbology: a seal is always a DataMatrix"),
      std::string::npos);
  EXPECT_NE(
      load(
          "no-content",
          R"({"kind": "barcode", "panel": "k", "x": 0, "y": 0, "width": 9, "height": 9, "module": 0.3})")
          .find("/sides/back/elements/0/content"),
      std::string::npos);
  EXPECT_NE(
      load(
          "bad-symbology",
          R"({"kind": "barcode", "panel": "k", "content": "x", "symbology": "code128", "x": 0, "y": 0, "width": 9, "height": 9, "module": 0.3})")
          .find("/sides/back/elements/0/symbology"),
      std::string::npos);
  EXPECT_NE(
      load(
          "min-module",
          R"({"kind": "barcode", "panel": "k", "content": "x", "x": 0, "y": 0, "width": 9, "height": 9, "module": 0.3, "min_module": 0.4})")
          .find("/sides/back/elements/0/min_module: must be greater than 0 and at most module"),
      std::string::npos);
}

TEST(BarcodeElement, SpecimenBacksCarryTheSealClearOfTheMrzBand) {
  for (const char* name : {"fprc-2023", "fprc-2017"}) {
    const Card card = load_card(
        kRoot / (std::string("samples/") + (name == std::string("fprc-2023")
                                                ? "wolfeschlegelsteinhausenbergerdorff.json"
                                                : "kim-min-jun.json")));
    const Scene s = compose(card, find_template(name), Fonts::bundled(), {{Side::back}});
    const Barcode* seal = nullptr;
    bool label = false;
    for (const Item& item : s.faces[0].items) {
      if (item.element == "seal") seal = std::get_if<Barcode>(&item.content);
      if (item.element == "seal/unsigned_label") label = true;
    }
    ASSERT_TRUE(seal) << name;
    EXPECT_TRUE(label) << name;  // rendered without a key: marked as unsigned
    EXPECT_DOUBLE_EQ(seal->module_mm, 0.254) << name;
    const double quiet_mm = seal->quiet_zone_modules * seal->module_mm;
    // Inside the element's box (66.0, 15.2, 17.0 x 19.0) and above the MRZ band at 34.5 mm.
    EXPECT_GE(seal->box.x - quiet_mm, 66.0) << name;
    EXPECT_LE(seal->box.x + seal->box.width + quiet_mm, 83.0) << name;
    EXPECT_GE(seal->box.y - quiet_mm, 15.2) << name;
    EXPECT_LE(seal->box.y + seal->box.height + quiet_mm, 34.5 - 2.2) << name;
  }
}

}  // namespace
}  // namespace cardface
