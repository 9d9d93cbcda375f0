// The MRZ as printed: positions in the Scene, in mm, against ICAO Doc 9303 Part 5 (FACTS.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/mrz.h"
#include "cardface/template.h"
#include "text/font_book.h"
#include "text/shape.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(CARDFACE_SOURCE_DIR) / "samples";

struct Printed {
  std::vector<std::string> lines;          // the characters of each MRZ line, as drawn
  std::vector<std::vector<double>> lefts;  // each glyph's ink left edge, mm
  std::vector<double> baselines;
  double size_mm = 0;
};

// Collects the MRZ glyph runs of a face and recovers each glyph's ink box from the font.
Printed printed_mrz(const Face& face, const Fonts& fonts) {
  Printed p;
  for (const Item& item : face.items) {
    if (item.element != "mrz") continue;
    const auto* run = std::get_if<GlyphRun>(&item.content);
    if (!run) continue;
    EXPECT_EQ(item.panel, Panel::k);
    const double y = run->glyphs.at(0).origin.y;
    if (p.baselines.empty() || std::abs(p.baselines.back() - y) > 1e-9) {
      p.baselines.push_back(y);
      p.lines.emplace_back();
      p.lefts.emplace_back();
    }
    p.lines.back() += run->text;
    p.size_mm = run->size_mm;
    for (const Glyph& g : run->glyphs) p.lefts.back().push_back(g.origin.x);
  }
  (void)fonts;
  return p;
}

class MrzLayout : public ::testing::TestWithParam<std::string> {};

TEST_P(MrzLayout, GlyphsSitWhereIcaoSays) {
  const Card card = load_card(kSamples / (GetParam() + ".json"));
  const Template tmpl = default_template(card.type);
  const Fonts fonts = Fonts::bundled();
  const Scene scene = compose(card, tmpl, fonts, {{Side::back}});
  const Face& face = scene.faces.at(0);
  const Printed p = printed_mrz(face, fonts);
  ASSERT_EQ(p.lines.size(), 3u);
  const auto expected = machine_readable_zone(card, tmpl);
  const text::Face& ocrb = *fonts.book().family("ocrb", "test").latin;
  // The OCR-B glyph box: advance 0.723 em; capitals from the baseline to the cap height.
  const double advance = p.size_mm * 0.723;
  const double cap = p.size_mm * ocrb.cap_height_em();
  EXPECT_NEAR(cap, 2.42, 0.01);  // OCR-B size I capital height
  for (int line = 0; line < 3; ++line) {
    EXPECT_EQ(p.lines[line], expected[line]);
    ASSERT_EQ(p.lefts[line].size(), 30u);
    // Centre of each line's capitals: the middle line 11.5 mm above the bottom edge, the
    // others 4.23 mm above and below it.
    const double centre = p.baselines[line] - cap / 2;
    EXPECT_NEAR(face.height_mm - centre, 11.5 + (1 - line) * 4.23, 0.05) << "line " << line + 1;
    for (int i = 0; i < 30; ++i) {
      // Each character's cell starts 5.0 mm + i × 2.54 mm from the left edge; the glyph's
      // advance box is centred in it.
      const double cell_left = p.lefts[line][i] - (2.54 - advance) / 2;
      EXPECT_NEAR(cell_left, 5.0 + i * 2.54, 0.05) << "line " << line + 1 << " char " << i + 1;
    }
  }
  // The MRZ lies inside the card and the clear band: nothing but the white band and the MRZ
  // itself is painted in the zone (y from the top line's top to the bottom line's bottom).
  const double zone_top = p.baselines[0] - cap - 0.3, zone_bottom = p.baselines[2] + 0.3;
  bool band = false;
  for (const Item& item : face.items) {
    if (item.element == "mrz" || item.element == "mrz-band") {
      band |= item.element == "mrz-band";
      continue;
    }
    if (auto* run = std::get_if<GlyphRun>(&item.content)) {
      for (const Glyph& g : run->glyphs)
        EXPECT_FALSE(g.origin.y > zone_top && g.origin.y - 3 < zone_bottom)
            << item.element << " draws text into the MRZ zone";
    } else if (auto* shape = std::get_if<Shape>(&item.content)) {
      double min_y = 1e9, max_y = -1e9;
      for (const PathOp& op : shape->path.ops)
        for (int k = 0; k < (op.verb == PathOp::Verb::cubic ? 3 : 1); ++k) {
          if (op.verb == PathOp::Verb::close) continue;
          min_y = std::min(min_y, op.p[k].y);
          max_y = std::max(max_y, op.p[k].y);
        }
      const bool background = min_y <= 0 && max_y >= face.height_mm;  // under the band
      EXPECT_TRUE(background || max_y < zone_top || min_y > zone_bottom)
          << item.element << " is drawn over the MRZ zone";
    }
  }
  EXPECT_TRUE(band);
}

INSTANTIATE_TEST_SUITE_P(Samples, MrzLayout,
                         ::testing::Values("zhengjian-yangben",
                                           "wolfeschlegelsteinhausenbergerdorff", "dubois-claire",
                                           "kim-min-jun", "sukarno", "eriksson-anna-maria"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// Doc 9303 Part 5 specimen: the lines from the data, exactly as the standard prints them.
TEST(MrzPrinted, Doc9303SpecimenOnIcaoTd1) {
  const Card card = load_card(kSamples / "eriksson-anna-maria.json");
  const Template tmpl = find_template("icao-td1");
  const auto lines = machine_readable_zone(card, tmpl);
  EXPECT_EQ(lines[0], "I<UTOD231458907<<<<<<<<<<<<<<<");
  EXPECT_EQ(lines[1], "7408122F1204159UTO<<<<<<<<<<<6");
  EXPECT_EQ(lines[2], "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  const Scene scene = compose(card, tmpl, Fonts::bundled(), {{Side::back}});
  const Printed p = printed_mrz(scene.faces.at(0), Fonts::bundled());
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0], "I<UTOD231458907<<<<<<<<<<<<<<<");
  EXPECT_EQ(p.lines[1], "7408122F1204159UTO<<<<<<<<<<<6");
  EXPECT_EQ(p.lines[2], "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
}

TEST(MrzPrinted, EverySampleHolderPassesTheCheck) {
  for (const auto& entry : fs::directory_iterator(kSamples)) {
    if (entry.path().extension() != ".json") continue;
    const Card card = load_card(entry.path());
    const auto lines = machine_readable_zone(card, default_template(card.type));
    EXPECT_TRUE(check_machine_readable_zone(lines[0], lines[1], lines[2]).empty())
        << entry.path().filename();
  }
}

TEST(MrzPrinted, ATemplateWithoutAnMrzSaysSo) {
  // The 2023 template prints one; a front-only template would not: check the message.
  try {
    const Card card = load_card(kSamples / "zhengjian-yangben.json");
    machine_readable_zone(card, find_template("fprc-2023"));
  } catch (...) {
    FAIL() << "fprc-2023 prints an MRZ";
  }
}

}  // namespace
}  // namespace cardface
