// Layout checks: each planted fault of tests/lint/broken is found, alone, on the right element
// with the right rule; the clean test template and the bundled templates with their sample
// records are clean; measured values follow the standards' formulas.
#include "cardface/lint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/fonts.h"
#include "cardface/renderer.h"
#include "cardface/template.h"

namespace fs = std::filesystem;
using namespace cardface;

namespace {

const fs::path source_dir = CARDFACE_SOURCE_DIR;

std::vector<Finding> lint_dir(const fs::path& dir, const fs::path& record, int dpi) {
  const Template tmpl = Template::load_dir(dir);
  const Scene scene = compose(load_card(record), tmpl, Fonts::bundled());
  LintOptions options;
  options.dpi = dpi;
  return lint(scene, options);
}

std::string all(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += describe(f) + "\n";
  return out;
}

// WCAG 2: relative luminance of an sRGB hex colour, and the contrast ratio of two.
double wcag_luminance(const std::string& hex) {
  auto channel = [&](int i) {
    const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

const fs::path td1_record = source_dir / "samples/eriksson-anna-maria.json";

}  // namespace

TEST(Lint, CleanTestTemplateIsClean) {
  EXPECT_EQ(all(lint_dir(source_dir / "tests/lint/clean", td1_record, 600)), "");
}

TEST(Lint, EachBrokenTemplateIsFlaggedOnceWithItsElementAndRule) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests/lint/broken")) {
    const nlohmann::json expect =
        nlohmann::json::parse(std::ifstream(entry.path() / "expect.json"));
    const auto findings = lint_dir(entry.path(), td1_record, expect["dpi"].get<int>());
    SCOPED_TRACE(entry.path().filename().string());
    ASSERT_EQ(findings.size(), 1u) << all(findings);
    EXPECT_EQ(to_string(findings[0].side), expect["side"].get<std::string>());
    EXPECT_EQ(findings[0].element, expect["element"].get<std::string>());
    EXPECT_EQ(findings[0].rule, expect["rule"].get<std::string>());
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(Lint, BundledTemplatesAreCleanForTheirSampleRecords) {
  int linted = 0;
  for (const std::string& name : bundled_templates()) {
    const Template tmpl = find_template(name);
    for (const auto& entry : fs::directory_iterator(source_dir / "samples")) {
      if (entry.path().extension() != ".json") continue;
      const Card card = load_card(entry.path());
      const auto& types = tmpl.card_types();
      if (std::find(types.begin(), types.end(), card.type) == types.end()) continue;
      SCOPED_TRACE(name + " " + entry.path().filename().string());
      EXPECT_EQ(all(lint(compose(card, tmpl, Fonts::bundled()))), "");
      ++linted;
    }
  }
  EXPECT_GE(linted, 11);
}

TEST(Lint, TextContrastIsTheWcagRatioAgainstThePaperUnderIt) {
  // The name in #d8dde6 on the paper #f4f1ea: WCAG (L1 + 0.05) / (L2 + 0.05).
  const double expected = (wcag_luminance("#f4f1ea") + 0.05) / (wcag_luminance("#d8dde6") + 0.05);
  const auto findings =
      lint_dir(source_dir / "tests/lint/broken/text-low-contrast", td1_record, 600);
  ASSERT_EQ(findings.size(), 1u);
  char text[16];
  std::snprintf(text, sizeof text, "%.2f:1", expected);
  EXPECT_NE(findings[0].reason.find(text), std::string::npos) << findings[0].reason;
}

TEST(Lint, MrzPrintContrastOnNavyIsBelowDoc9303) {
  // PCS = (Rb - Ri) / Rb with the navy band's reflectance and black ink at 5 %.
  const double band = wcag_luminance("#14213d");
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", (band - 0.05) / band);
  const auto findings = lint_dir(source_dir / "tests/lint/broken/mrz-on-navy", td1_record, 600);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].reason.find(std::string("signal ") + text), std::string::npos)
      << findings[0].reason;
}

TEST(Lint, ModuleSizeIsMeasuredInDevicePixelsAtTheOutputDpi) {
  const fs::path dir = source_dir / "tests/lint/broken/module-below-dot-pitch";
  // 0.07 mm at 300 dpi is 0.83 px; at 600 dpi 1.65 px, no longer below one dot.
  const auto at_300 = lint_dir(dir, td1_record, 300);
  ASSERT_EQ(at_300.size(), 1u);
  EXPECT_NE(at_300[0].reason.find("0.83 device pixels at 300 dpi"), std::string::npos);
  for (const Finding& f : lint_dir(dir, td1_record, 600)) EXPECT_NE(f.rule, "barcode-module");
}

TEST(Lint, DescribeNamesLineSideElementRuleAndSeverity) {
  Finding f{Side::back, "mrz", "mrz-contrast", Severity::error, "print contrast 0.10", {}, 7};
  EXPECT_EQ(describe(f), "line 7: back mrz: mrz-contrast (error): print contrast 0.10");
}

// Every golden case that renders one card (tests/golden/<feature>/<case>/case.json) at its dpi.
TEST(Lint, NoGoldenCaseIsFlagged) {
  int linted = 0;
  for (const auto& feature : fs::directory_iterator(source_dir / "tests/golden")) {
    if (!feature.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(feature.path())) {
      const fs::path case_file = entry.path() / "case.json";
      if (!fs::exists(case_file)) continue;
      const nlohmann::json c = nlohmann::json::parse(std::ifstream(case_file));
      if (c.contains("print") || !c["data"].is_string()) continue;
      const std::string t = c.value("template", "");
      if (t.find("lint/broken/") != std::string::npos) continue;  // a planted fault, shown
      // A template folder is loaded before the record: it may bring the record's card type.
      std::optional<Template> folder;
      if (t.find('/') != std::string::npos) folder = Template::load_dir(entry.path() / t);
      const Card card = load_card(entry.path() / c["data"].get<std::string>());
      const Template tmpl = folder ? *folder : t.empty() ? default_template(card.type) : find_template(t);
      LintOptions options;
      options.dpi = c.value("dpi", 600);
      ComposeOptions compose_options;
      if (c.contains("sides")) {
        compose_options.sides.clear();
        for (const auto& side : c["sides"])
          compose_options.sides.push_back(side == "front" ? Side::front : Side::back);
      }
      SCOPED_TRACE(case_file.string());
      EXPECT_EQ(all(lint(compose(card, tmpl, Fonts::bundled(), compose_options), options)), "");
      ++linted;
    }
  }
  EXPECT_GE(linted, 20);
}

// A render's checks (Renderer::lint: the pixel pass from the cached shared layers) find what
// lint finds, but for the contrast of the template's own texts before the card's first item.
TEST(Lint, RendererLintFindsWhatLintFindsOnTheCardsOwnItems) {
  int compared = 0, personal_pixel_findings = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests/lint/broken")) {
    const nlohmann::json expect =
        nlohmann::json::parse(std::ifstream(entry.path() / "expect.json"));
    const Renderer renderer(Template::load_dir(entry.path()));
    const Scene scene = renderer.compose(load_card(td1_record));
    LintOptions options;
    options.dpi = expect["dpi"].get<int>();
    SCOPED_TRACE(entry.path().filename().string());
    std::string expected;
    for (const Finding& f : lint(scene, options)) {
      bool leading_static_text = false;
      for (const Face& face : scene.faces) {
        if (face.side != f.side || f.rule != "text-contrast") continue;
        for (const Item& item : face.items) {
          if (item.personal) break;  // past the leading run
          leading_static_text = leading_static_text || item.element == f.element;
        }
      }
      if (!leading_static_text) expected += describe(f) + "\n";
      if (!leading_static_text && (f.rule == "text-contrast" || f.rule == "mrz-contrast" ||
                                   f.rule == "barcode-decode"))
        ++personal_pixel_findings;
    }
    EXPECT_EQ(all(renderer.lint(scene, options)), expected);
    EXPECT_EQ(all(renderer.lint(scene, options)), expected);  // the layers cached now
    ++compared;
  }
  EXPECT_GE(compared, 10);
  EXPECT_GE(personal_pixel_findings, 3);  // text contrast, MRZ on navy, an unreadable code
}
