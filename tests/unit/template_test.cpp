#include "cardface/template.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "test_support.h"
#include "text/font_book.h"
#include "tmpl/path_data.h"
#include "tmpl/placeholder.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = CARDFACE_SOURCE_DIR;

const char* kSpecimen = R"({"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN",
  "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK",
  "id_number": "931586198001010028", "valid_from": "2023-08-08", "valid_until": "2033-08-07",
  "photo": "photos/s00.png"})";

Card specimen() {
  return parse_card(kSpecimen, kRoot / "samples");
}

// A throwaway template directory.
fs::path write_template(const std::string& name, const std::string& json) {
  return test::write_template_dir(name, json);
}

TEST(TemplatePlaceholder, ExpandsFieldsDerivedValuesAndDates) {
  const Card card = specimen();
  EXPECT_EQ(tmpl::join(tmpl::expand("{name.en}", card, "t")), "ZHENGJIAN, YANGBEN");
  EXPECT_EQ(tmpl::join(tmpl::expand("{sex.zh}/{sex}", card, "t")), "女/F");
  EXPECT_EQ(tmpl::join(tmpl::expand("{nationality.zh}/{nationality}", card, "t")), "巴基斯坦/PAK");
  EXPECT_EQ(tmpl::join(tmpl::expand("{valid_from:%Y.%m.%d}-{valid_until:%Y.%m.%d}", card, "t")),
            "2023.08.08-2033.08.07");
  EXPECT_EQ(tmpl::join(tmpl::expand("{date_of_birth:%d %b %y}", card, "t")), "01 JAN 80");
  EXPECT_EQ(tmpl::join(tmpl::expand("{{literal}} {id_number}", card, "t")),
            "{literal} 931586198001010028");
}

TEST(TemplatePlaceholder, FaultsNameTheElement) {
  const Card card = specimen();
  EXPECT_EQ(test::first_problem([&] { tmpl::expand("{surnmae}", card, "/x/text"); }).substr(0, 8),
            "/x/text:");
  EXPECT_NE(
      test::first_problem([&] { tmpl::expand("{surname:%Y}", card, "/x"); }).find("not a date"),
      std::string::npos);
  EXPECT_NE(test::first_problem([&] {
              tmpl::expand("{date_of_birth:%Q}", card, "/x");
            }).find("bad date format"),
            std::string::npos);
  EXPECT_NE(test::first_problem([&] { tmpl::expand("{surname", card, "/x"); }).find("unclosed"),
            std::string::npos);
}

TEST(TemplatePlaceholder, DateFormats) {
  const Date d{2033, 8, 7};
  EXPECT_EQ(tmpl::format_date(d, "%Y.%m.%d"), "2033.08.07");
  EXPECT_EQ(tmpl::format_date(d, "%y%m%d"), "330807");
  EXPECT_EQ(tmpl::format_date(d, "%e %B %Y"), "7 AUGUST 2033");
  EXPECT_EQ(tmpl::format_date(d, "100%%"), "100%");
  EXPECT_EQ(tmpl::format_date(d, "%"), std::nullopt);
}

TEST(TemplatePathData, ParsesAbsoluteRelativeAndCurves) {
  std::string error;
  auto p = tmpl::parse_path_data("M 1 2 l 3 0 V 5 H 0 q 1 1 2 0 z", error);
  ASSERT_TRUE(p) << error;
  ASSERT_EQ(p->ops.size(), 6u);
  EXPECT_EQ(p->ops[1].p[0], (Point{4, 2}));
  EXPECT_EQ(p->ops[2].p[0], (Point{4, 5}));
  EXPECT_EQ(p->ops[3].p[0], (Point{0, 5}));
  EXPECT_EQ(p->ops[4].verb, PathOp::Verb::cubic);
  EXPECT_EQ(p->ops[4].p[2], (Point{2, 5}));
  EXPECT_FALSE(tmpl::parse_path_data("L 1 2", error));
  EXPECT_FALSE(tmpl::parse_path_data("M 1", error));
  EXPECT_NE(error.find("expected a number"), std::string::npos);
}

TEST(TemplateLoader, BundledTemplatesLoad) {
  for (const std::string name : {"fprc-2023", "fprc-2017"}) {
    const Template t = find_template(name);
    EXPECT_EQ(t.name(), name);
    EXPECT_EQ(t.card_types(), std::vector<std::string>{name});
  }
}

TEST(TemplateLoader, FaultsNameTheJsonPath) {
  const std::string head =
      R"({"name": "t", "card_types": ["fprc-2023"], "sides": {"front": {"elements": [)";
  auto load = [&](const std::string& name, const std::string& elements) {
    return test::first_problem(
        [&] { Template::load_dir(write_template(name, head + elements + "]}}}")); });
  };
  EXPECT_NE(
      load("neg", R"({"kind": "text", "panel": "color", "x": 1, "y": 1, "text": "a", "size": -2})")
          .find(":/sides/front/elements/0/size: must be greater than 0"),
      std::string::npos);
  EXPECT_NE(
      load(
          "typo",
          R"({"kind": "rect", "panel": "color", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "#000000", "fil": "#ffffff"})")
          .find("/sides/front/elements/0/fil: unknown key"),
      std::string::npos);
  EXPECT_NE(load("panel",
                 R"({"kind": "rect", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "#000000"})")
                .find("/sides/front/elements/0/panel"),
            std::string::npos);
  EXPECT_NE(
      load(
          "color",
          R"({"kind": "rect", "panel": "k", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "red"})")
          .find("/fill: must be a colour"),
      std::string::npos);
  EXPECT_NE(
      load(
          "escape",
          R"({"kind": "image", "panel": "color", "x": 0, "y": 0, "width": 1, "height": 1, "src": "../../../samples/photos/s00.png"})")
          .find("/src: must stay inside the template directory"),
      std::string::npos);
  EXPECT_NE(
      load(
          "absolute",
          R"({"kind": "image", "panel": "color", "x": 0, "y": 0, "width": 1, "height": 1, "src": "/etc/passwd"})")
          .find("/src: must be a path relative"),
      std::string::npos);
}

TEST(TemplateLoader, UnknownTemplateListsTheBundledOnes) {
  const std::string message = test::first_problem([] { find_template("no-such-card"); });
  EXPECT_NE(message.find("unknown template \"no-such-card\""), std::string::npos);
  EXPECT_NE(message.find("fprc-2023"), std::string::npos);
}

// The baseline of the first glyph run an element produced.
double baseline_of(const Face& face, const std::string& element) {
  for (const Item& item : face.items)
    if (item.element == element)
      if (auto* run = std::get_if<GlyphRun>(&item.content)) return run->glyphs.at(0).origin.y;
  ADD_FAILURE() << "no text from " << element;
  return 0;
}

TEST(TemplateCompose, TheStackClosesUpWithoutAChineseName) {
  const Template t = find_template("fprc-2023");
  const Fonts fonts = Fonts::bundled();
  const Card with = specimen();
  std::string json = kSpecimen;
  json.erase(json.find(R"("name_zh": "证件样本",)"),
             std::string(R"("name_zh": "证件样本",)").size());
  const Card without = parse_card(json, kRoot / "samples");
  const Scene a = compose(with, t, fonts, {{Side::front}});
  const Scene b = compose(without, t, fonts, {{Side::front}});
  // English-name row: stack y 6.0 + name label 2.6 + gap 0.5 (+ the zh row 5.0 + gap 0.5) + 3.3.
  EXPECT_NEAR(baseline_of(a.faces[0], "name-en"), 6.0 + 3.1 + 5.5 + 3.3, 1e-9);
  EXPECT_NEAR(baseline_of(b.faces[0], "name-en"), 6.0 + 3.1 + 3.3, 1e-9);
  EXPECT_NEAR(baseline_of(a.faces[0], "validity") - baseline_of(b.faces[0], "validity"), 5.5, 1e-9);
}

TEST(TemplateCompose, WrongCardTypeIsATemplateError) {
  const std::string message = test::first_problem(
      [] { compose(specimen(), find_template("fprc-2017"), Fonts::bundled()); });
  EXPECT_NE(message.find("renders card types fprc-2017, not fprc-2023"), std::string::npos);
}

TEST(TemplateCompose, LongNamesStayInsideTheirWidth) {
  std::string json = kSpecimen;
  json.replace(json.find("ZHENGJIAN"), 9, "WOLFESCHLEGELSTEINHAUSENBERGERDORFF");
  json.replace(json.find("YANGBEN"), 7, "HUBERT BLAINE WOLFGANG AMADEUS");
  const Scene s = compose(parse_card(json, kRoot / "samples"), find_template("fprc-2023"),
                          Fonts::bundled(), {{Side::front}});
  double right = 0;
  int runs = 0;
  std::set<double> baselines;
  for (const Item& item : s.faces[0].items)
    if (item.element == "name-en")
      if (auto* run = std::get_if<GlyphRun>(&item.content)) {
        ++runs;
        baselines.insert(run->glyphs.front().origin.y);
        right = std::max(right, run->glyphs.back().origin.x);
      }
  EXPECT_GT(runs, 0);
  EXPECT_EQ(baselines.size(), 2u);  // too long for one line at the floor size: wrapped
  EXPECT_LT(right, 5.5 + 51);
}

// One changed character in a field must fail the golden comparison.
TEST(TemplateGolden, OneChangedCharacterFailsTheComparison) {
  const Template t = find_template("fprc-2023");
  const Fonts fonts = Fonts::bundled();
  std::string json = kSpecimen;
  json.replace(json.find("YANGBEN"), 7, "YANGBEM");
  const Scene a = compose(specimen(), t, fonts, {{Side::front}});
  const Scene b = compose(parse_card(json, kRoot / "samples"), t, fonts, {{Side::front}});
  auto raster = [](const Scene& s) {
    return decode_image(encode_png(rasterize(s.faces[0], {300, false})), "face");
  };
  const Raster ra = raster(a), rb = raster(b);
  EXPECT_TRUE(compare_images(ra, raster(a)).passed);
  const Comparison c = compare_images(ra, rb);
  EXPECT_FALSE(c.passed);
  EXPECT_GT(c.differing_pixels, 10);
}

TEST(TemplateRender, FaceSizesFollowTheDpi) {
  const Scene s = compose(specimen(), find_template("fprc-2023"), Fonts::bundled(), {{Side::back}});
  for (auto [dpi, w, h] : {std::tuple{300, 1011, 638}, {600, 2022, 1275}, {1200, 4044, 2550}}) {
    const Bitmap b = rasterize(s.faces[0], {dpi, false});
    EXPECT_EQ(b.width, w);
    EXPECT_EQ(b.height, h);
  }
}

}  // namespace
}  // namespace cardface

namespace cardface {
namespace {

const Path& personal_rosette(const Scene& s) {
  for (const Item& item : s.faces.at(0).items)
    if (item.element == "personal-rosette") return std::get<Shape>(item.content).path;
  throw std::runtime_error("no personal rosette");
}

TEST(TemplateSecurity, PersonalGuillocheDiffersByNumberAndRepeatsExactly) {
  const Template t = find_template("fprc-2023");
  const Fonts fonts = Fonts::bundled();
  const Card specimen_card = specimen();
  const Card smith = load_card(kRoot / "samples" / "smith-john-paul.json");
  const Scene a = compose(specimen_card, t, fonts, {{Side::front}});
  const Scene a2 = compose(specimen_card, t, fonts, {{Side::front}});
  const Scene b = compose(smith, t, fonts, {{Side::front}});
  const Path& pa = personal_rosette(a);
  const Path& pb = personal_rosette(b);
  ASSERT_EQ(pa.ops.size(), pb.ops.size());  // same pattern family, different parameters
  double largest_shift = 0;
  for (std::size_t i = 0; i < pa.ops.size(); ++i)
    largest_shift = std::max({largest_shift, std::abs(pa.ops[i].p[0].x - pb.ops[i].p[0].x),
                              std::abs(pa.ops[i].p[0].y - pb.ops[i].p[0].y)});
  EXPECT_GT(largest_shift, 0.2);  // mm: visibly different
  EXPECT_EQ(encode_png(rasterize(a.faces[0], {300, false})),
            encode_png(rasterize(a2.faces[0], {300, false})));
}

}  // namespace
}  // namespace cardface

namespace cardface {
namespace {

TEST(TemplateSecurity, GhostImageIsASmallScreenedCopyOfThePhoto) {
  const Scene s =
      compose(specimen(), find_template("fprc-2023"), Fonts::bundled(), {{Side::front}});
  const Image* ghost = nullptr;
  const Image* photo = nullptr;
  for (const Item& item : s.faces[0].items) {
    if (item.element == "ghost") ghost = std::get_if<Image>(&item.content);
    if (item.element == "photo") photo = std::get_if<Image>(&item.content);
  }
  ASSERT_TRUE(ghost && photo);
  EXPECT_EQ(ghost->dest, (Rect{45, 27.5, 10.5, 13.5}));
  EXPECT_LT(ghost->dest.width * ghost->dest.height, photo->dest.width * photo->dest.height / 4);
  // A raster of the box at the template's 600 dpi, with ink in it.
  EXPECT_EQ(ghost->pixels->width, pixels_for_mm(10.5, 600));
  int max_alpha = 0;
  for (std::size_t i = 3; i < ghost->pixels->rgba.size(); i += 4)
    max_alpha = std::max<int>(max_alpha, ghost->pixels->rgba[i]);
  EXPECT_GT(max_alpha, 100);
}

}  // namespace
}  // namespace cardface

namespace cardface {
namespace {

TEST(TemplateSecurity, MicrotextCapHeightAndFrameFollowTheOutline) {
  const Fonts fonts = Fonts::bundled();
  const Scene s = compose(specimen(), find_template("fprc-2023"), fonts, {{Side::front}});
  const double cap_em = fonts.book().family("sans", "test").latin->cap_height_em();
  int frame_glyphs = 0, band_glyphs = 0;
  const Rect box{58.05, 7.05, 24.4, 30.9};
  for (const Item& item : s.faces[0].items) {
    const auto* run = std::get_if<GlyphRun>(&item.content);
    if (!run) continue;
    if (item.element == "photo-microtext") {
      EXPECT_NEAR(run->size_mm * cap_em, 0.28, 1e-9);  // cap height in mm
      for (const Glyph& g : run->glyphs) {
        ++frame_glyphs;
        // On the outline: within the box, and on one of its edges or corner arcs.
        EXPECT_GE(g.origin.x, box.x - 1e-9);
        EXPECT_LE(g.origin.x, box.x + box.width + 1e-9);
        EXPECT_GE(g.origin.y, box.y - 1e-9);
        EXPECT_LE(g.origin.y, box.y + box.height + 1e-9);
        const double edge =
            std::min({std::abs(g.origin.x - box.x), std::abs(g.origin.x - box.x - box.width),
                      std::abs(g.origin.y - box.y), std::abs(g.origin.y - box.y - box.height)});
        EXPECT_LT(edge, 1.7 * (1 - std::sqrt(0.5)) + 1e-6);  // corner arcs of radius 1.7
      }
    }
    if (item.element == "rule-microtext") {
      EXPECT_NEAR(run->size_mm * cap_em, 0.30, 1e-9);
      band_glyphs += int(run->glyphs.size());
    }
  }
  // The frame's perimeter (about 108 mm) holds well over a hundred characters at this size.
  EXPECT_GT(frame_glyphs, 150);
  EXPECT_GT(band_glyphs, 60);
}

}  // namespace
}  // namespace cardface

namespace cardface {
namespace {

TEST(TemplatePrint, BleedAndOverlayFreeReachTheScene) {
  const fs::path dir = write_template("print-keys", R"({
    "name": "print-keys", "card_types": ["fprc-2023"],
    "sides": {"front": {"elements": [
      {"id": "bg", "kind": "rect", "panel": "color", "bleed": true,
       "x": -3, "y": -3, "width": 91.6, "height": 59.98, "fill": "#ffffff"},
      {"id": "chip", "kind": "rect", "panel": "overlay_free",
       "x": 10, "y": 15, "width": 12, "height": 10, "fill": "#000000"},
      {"id": "label", "kind": "rect", "panel": "k", "x": 5, "y": 5, "width": 5, "height": 2,
       "fill": "#000000"}]}}})");
  ComposeOptions options;
  options.sides = {Side::front};
  const Scene scene = compose(specimen(), Template::load_dir(dir), Fonts::bundled(), options);
  const auto& items = scene.faces.at(0).items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].bleed);
  EXPECT_EQ(items[1].panel, Panel::overlay_free);
  EXPECT_FALSE(items[1].bleed);
  EXPECT_EQ(items[2].panel, Panel::k);
  const fs::path bad = write_template("print-bad-bleed", R"({
    "name": "b", "card_types": ["fprc-2023"], "sides": {"front": {"elements": [
      {"kind": "rect", "panel": "color", "bleed": "yes", "x": 0, "y": 0, "width": 1,
       "height": 1, "fill": "#000000"}]}}})");
  EXPECT_NE(
      test::first_problem([&] { Template::load_dir(bad); }).find("/sides/front/elements/0/bleed"),
      std::string::npos);
}

}  // namespace
}  // namespace cardface
