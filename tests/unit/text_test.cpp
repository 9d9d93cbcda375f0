#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cardface/error.h"
#include "core/utf8.h"
#include "text/fit.h"
#include "text/font_book.h"
#include "text/line_break.h"
#include "text/shape.h"

namespace cardface::text {
namespace {

const std::filesystem::path kSourceDir = CARDFACE_SOURCE_DIR;

const FontBook& book() {
  static const FontBook fonts(kSourceDir / "fonts");
  return fonts;
}

TextStyle style(std::string family = "sans", double size_pt = 10, double spacing_mm = 0) {
  return TextStyle{std::move(family), size_pt, spacing_mm, Rgba{0.1, 0.2, 0.3, 1}};
}

std::string font_name(const GlyphRun& run) {
  return run.font.file.filename().string();
}

// Runs a callable that must throw cardface::Error and returns it.
template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no cardface::Error thrown";
  return Error(ErrorKind::internal, "", "");
}

std::vector<std::string> tgscc_characters() {
  std::ifstream in(kSourceDir / "data" / "tgscc-8105.txt");
  std::vector<std::string> chars;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) chars.push_back(line);
  }
  return chars;
}

// --- FontBook -------------------------------------------------------------------------------

TEST(FontBook, LoadsTheBundledFamilies) {
  EXPECT_EQ(book().family_names(), (std::vector<std::string>{"ocrb", "sans", "sans-bold"}));
  const Family& sans = book().family("sans", "test");
  ASSERT_NE(sans.latin, nullptr);
  ASSERT_NE(sans.han, nullptr);
  EXPECT_EQ(sans.latin->ref().file.filename(), "NotoSans-Regular.ttf");
  EXPECT_EQ(sans.han->ref().file.filename(), "NotoSansSC-Regular.otf");
  EXPECT_TRUE(sans.latin->ref().file.is_absolute());
  EXPECT_EQ(sans.latin->units_per_em(), 1000);
  EXPECT_DOUBLE_EQ(sans.latin->ascender_em(), 1.069);  // hhea of Noto Sans
  EXPECT_DOUBLE_EQ(sans.latin->descender_em(), 0.293);
  const Family& bold = book().family("sans-bold", "test");
  EXPECT_EQ(bold.latin->ref().file.filename(), "NotoSans-Bold.ttf");
  EXPECT_EQ(bold.han->ref().file.filename(), "NotoSansSC-Bold.otf");
  const Family& ocrb = book().family("ocrb", "test");
  EXPECT_EQ(ocrb.latin->ref().file.filename(), "OCRB.ttf");
  EXPECT_EQ(ocrb.han, nullptr);
}

TEST(FontBook, UnknownFamilyNamesTheTemplatePath) {
  EXPECT_FALSE(book().has_family("serif"));
  const Error e = error_of([] { book().family("serif", "/front/elements/2/font"); });
  EXPECT_EQ(e.kind(), ErrorKind::tmpl);
  EXPECT_EQ(e.problems().at(0).where, "/front/elements/2/font");
  EXPECT_NE(e.problems().at(0).message.find("\"serif\""), std::string::npos);
}

TEST(FontBook, MissingConfigurationNamesTheFile) {
  const Error e = error_of([] { FontBook fonts("/nonexistent/fonts"); });
  EXPECT_EQ(e.kind(), ErrorKind::file);
  EXPECT_EQ(e.problems().at(0).where, "/nonexistent/fonts/fonts.json");
}

TEST(FontBook, BrokenFontFileNamesTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / "cardface-text-test-broken";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "fonts.json") << R"({"families": {"sans": {"latin": "Broken.ttf"}}})";
  std::ofstream(dir / "Broken.ttf") << "not a font";
  const Error e = error_of([&] { FontBook fonts(dir); });
  EXPECT_EQ(e.kind(), ErrorKind::file);
  EXPECT_EQ(e.problems().at(0).where, (dir / "Broken.ttf").string());
  std::ofstream(dir / "fonts.json") << R"({"families": {"sans": {"cyrillic": "Broken.ttf"}}})";
  EXPECT_EQ(error_of([&] { FontBook fonts(dir); }).kind(), ErrorKind::file);
  std::filesystem::remove_all(dir);
}

// --- UTF-8 and line breaks ----------------------------------------------------------------

TEST(TextUtf8, DecodesEveryLengthWithOffsets) {
  const auto cps = decode_utf8("A\u00e9\u5df4\U0002C13C", "f");
  ASSERT_EQ(cps.size(), 4u);
  EXPECT_EQ(cps[1].value, 0xE9u);
  EXPECT_EQ(cps[2].value, 0x5DF4u);
  EXPECT_EQ(cps[3].value, 0x2C13Cu);
  EXPECT_EQ(cps[3].offset, 6u);
  EXPECT_EQ(cps[3].length, 4u);
  EXPECT_EQ(code_point_name(0x41), "U+0041");
  EXPECT_EQ(code_point_name(0x1F600), "U+1F600");
  EXPECT_EQ(code_point_name(0x10FFFF), "U+10FFFF");
}

TEST(TextUtf8, RejectsInvalidSequencesNamingTheByte) {
  for (const std::string bad :
       {"A\xC0\x80", "A\xED\xA0\x80", "A\xF4\x90\x80\x80", "A\xE5\xB7", "A\x80", "A\xFF"}) {
    const Error e = error_of([&] { decode_utf8(bad, "name.en"); });
    EXPECT_EQ(e.kind(), ErrorKind::data);
    EXPECT_EQ(e.problems().at(0).where, "name.en");
    EXPECT_EQ(e.problems().at(0).message, "invalid UTF-8 at byte 1");
  }
}

TEST(TextLineBreak, SpacesHyphensAndHan) {
  // "AB  C-D 巴基(" : spaces vanish, a hyphen keeps its place, Han breaks between ideographs.
  const std::string text = "AB  C-D \u5df4\u57fa\uff08";
  const std::vector<LineBreak> breaks = line_breaks(text, "f");
  ASSERT_EQ(breaks.size(), 5u);
  EXPECT_EQ(breaks[0].line_end, 2u);  // after "AB"
  EXPECT_EQ(breaks[0].next_start, 4u);
  EXPECT_EQ(breaks[1].line_end, 6u);  // after "C-"
  EXPECT_EQ(breaks[1].next_start, 6u);
  EXPECT_EQ(breaks[2].line_end, 7u);  // the space before 巴
  EXPECT_EQ(breaks[2].next_start, 8u);
  EXPECT_EQ(breaks[3].line_end, 11u);                   // 巴|基
  EXPECT_EQ(breaks[4].line_end, 14u);                   // 基|（
  EXPECT_TRUE(line_breaks("-A B-", "f").size() == 1u);  // no break after a leading hyphen
  EXPECT_TRUE(line_breaks("A ", "f").empty());          // nor at trailing spaces
}

// --- Itemization and shaping --------------------------------------------------------------

TEST(TextShape, ItemizesHanAndLatin) {
  const Line line = shape_line(book(), "\u5df4\u57fa\u65af\u5766/PAK", style(), "nationality");
  ASSERT_EQ(line.runs.size(), 2u);
  EXPECT_EQ(line.runs[0].text, "\u5df4\u57fa\u65af\u5766/");  // the slash joins the preceding run
  EXPECT_EQ(font_name(line.runs[0]), "NotoSansSC-Regular.otf");
  EXPECT_EQ(line.runs[0].glyphs.size(), 5u);
  EXPECT_EQ(line.runs[1].text, "PAK");
  EXPECT_EQ(font_name(line.runs[1]), "NotoSans-Regular.ttf");
  EXPECT_EQ(line.runs[1].glyphs.size(), 3u);

  // Units: 10 pt = 3.5277... mm per em; Han glyphs advance 1 em, the CJK slash 0.392 em.
  const double em_mm = 10 * 25.4 / 72;
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(line.runs[0].glyphs[i].origin.x, i * em_mm, 1e-12);
    EXPECT_EQ(line.runs[0].glyphs[i].origin.y, 0);
  }
  EXPECT_NEAR(line.runs[1].glyphs[0].origin.x, 4.392 * em_mm, 1e-12);
  for (const GlyphRun& run : line.runs) {
    EXPECT_DOUBLE_EQ(run.size_mm, em_mm);
    EXPECT_EQ(run.color, (Rgba{0.1, 0.2, 0.3, 1}));
    EXPECT_EQ(run.font.face_index, 0);
    for (const Glyph& g : run.glyphs) EXPECT_NE(g.index, 0u);
  }
  EXPECT_GT(line.width_mm, line.runs[1].glyphs[2].origin.x);
}

TEST(TextShape, NeutralCharactersJoinThePrecedingRun) {
  const Line sex = shape_line(book(), "\u5973/F", style(), "sex");
  ASSERT_EQ(sex.runs.size(), 2u);
  EXPECT_EQ(sex.runs[0].text, "\u5973/");
  EXPECT_EQ(sex.runs[1].text, "F");

  const Line name = shape_line(book(), "ZHANG, \u5f20\u4e09", style(), "name");
  ASSERT_EQ(name.runs.size(), 2u);
  EXPECT_EQ(name.runs[0].text, "ZHANG, ");
  EXPECT_EQ(font_name(name.runs[0]), "NotoSans-Regular.ttf");
  EXPECT_EQ(name.runs[1].text, "\u5f20\u4e09");

  // At the start of the text there is no preceding run: the following one is taken.
  const Line year = shape_line(book(), "2023\u5e74", style(), "date");
  ASSERT_EQ(year.runs.size(), 1u);
  EXPECT_EQ(font_name(year.runs[0]), "NotoSansSC-Regular.otf");

  // A transliterated name's middle dot stays with the Han face.
  const Line dot = shape_line(book(), "\u7ea6\u7ff0\u00b7\u53f2\u5bc6\u65af", style(), "name.zh");
  ASSERT_EQ(dot.runs.size(), 1u);
}

TEST(TextShape, FallsBackToTheFamilysOtherFace) {
  // ™ follows a Han character, but the Han subset lacks it and Noto Sans has it.
  const Line line = shape_line(book(), "\u5f20\u2122", style(), "f");
  ASSERT_EQ(line.runs.size(), 2u);
  EXPECT_EQ(font_name(line.runs[0]), "NotoSansSC-Regular.otf");
  EXPECT_EQ(line.runs[1].text, "\u2122");
  EXPECT_EQ(font_name(line.runs[1]), "NotoSans-Regular.ttf");
}

TEST(TextShape, CombiningMarksStayWithTheirBase) {
  const Line line = shape_line(book(), "NGUYE\u0302\u0303N", style(), "name.en");
  ASSERT_EQ(line.runs.size(), 1u);
  for (const Glyph& g : line.runs[0].glyphs) EXPECT_NE(g.index, 0u);
}

TEST(TextShape, NonBmpHanCharacterHasAGlyph) {
  // U+2C27C, the first of the list's 196 characters outside the BMP.
  const Line line = shape_line(book(), "\U0002C27C", style(), "name.zh");
  ASSERT_EQ(line.runs.size(), 1u);
  EXPECT_EQ(font_name(line.runs[0]), "NotoSansSC-Regular.otf");
  ASSERT_EQ(line.runs[0].glyphs.size(), 1u);
  EXPECT_NE(line.runs[0].glyphs[0].index, 0u);
  EXPECT_NEAR(line.width_mm, 10 * 25.4 / 72, 1e-12);
}

TEST(TextShape, MissingCharacterNamesItAndTheField) {
  const Error e = error_of([] { shape_line(book(), "\u5f20\U0001F600", style(), "name.zh"); });
  EXPECT_EQ(e.kind(), ErrorKind::data);
  ASSERT_EQ(e.problems().size(), 1u);
  EXPECT_EQ(e.problems()[0].where, "name.zh");
  EXPECT_EQ(e.problems()[0].message, "U+1F600 is not in any font of family \"sans\"");

  // A Han character outside the standard list (and outside Noto Sans CJK SC).
  const Error rare = error_of([] { shape_line(book(), "\U0002C13C", style(), "name.zh"); });
  EXPECT_EQ(rare.problems().at(0).message, "U+2C13C is not in any font of family \"sans\"");

  // The OCR-B family has no Han face, so no fallback either.
  const Error ocrb = error_of([] { shape_line(book(), "A\u5f20", style("ocrb"), "mrz"); });
  EXPECT_EQ(ocrb.problems().at(0).message, "U+5F20 is not in any font of family \"ocrb\"");
}

TEST(TextShape, RejectsInvalidUtf8AndControlCharacters) {
  const Error utf8 = error_of([] { shape_line(book(), "AB\xFF", style(), "name.en"); });
  EXPECT_EQ(utf8.problems().at(0).where, "name.en");
  EXPECT_EQ(utf8.problems().at(0).message, "invalid UTF-8 at byte 2");
  const Error control = error_of([] { shape_line(book(), "A\nB", style(), "name.en"); });
  EXPECT_EQ(control.problems().at(0).message, "U+000A is a control character, not printable text");
}

TEST(TextShape, EmptyTextIsAnEmptyLine) {
  const Line line = shape_line(book(), "", style(), "f");
  EXPECT_TRUE(line.runs.empty());
  EXPECT_EQ(line.width_mm, 0);
}

TEST(TextShape, LetterSpacingFollowsEveryClusterButTheLast) {
  for (const std::string text : {"ZHENGJIAN", "\u8bc1\u4ef6\u6837\u672c", "\u5973/F"}) {
    const Line plain = shape_line(book(), text, style("sans", 9), "f");
    const Line spaced = shape_line(book(), text, style("sans", 9, 0.25), "f");
    std::size_t glyphs = 0;
    for (const GlyphRun& run : spaced.runs) glyphs += run.glyphs.size();
    const std::size_t clusters = decode_utf8(text, "f").size();  // one glyph per character here
    ASSERT_EQ(glyphs, clusters) << text;
    EXPECT_NEAR(spaced.width_mm - plain.width_mm, (clusters - 1) * 0.25, 1e-12) << text;
    int k = 0;
    for (std::size_t r = 0; r < spaced.runs.size(); ++r) {
      for (std::size_t i = 0; i < spaced.runs[r].glyphs.size(); ++i, ++k) {
        EXPECT_NEAR(spaced.runs[r].glyphs[i].origin.x, plain.runs[r].glyphs[i].origin.x + k * 0.25,
                    1e-12);
      }
    }
  }
}

TEST(TextShape, PositionsScaleLinearlyWithSize) {
  const std::string text = "Wavy T\u00e4nzer \u5df4\u57fa\u65af\u5766 AV";
  const Line small = shape_line(book(), text, style("sans", 7), "f");
  const Line large = shape_line(book(), text, style("sans", 17.5), "f");
  ASSERT_EQ(small.runs.size(), large.runs.size());
  EXPECT_NEAR(large.width_mm, small.width_mm * 2.5, 1e-12);
  for (std::size_t r = 0; r < small.runs.size(); ++r) {
    ASSERT_EQ(small.runs[r].glyphs.size(), large.runs[r].glyphs.size());
    EXPECT_NEAR(large.runs[r].size_mm, small.runs[r].size_mm * 2.5, 1e-12);
    for (std::size_t i = 0; i < small.runs[r].glyphs.size(); ++i) {
      EXPECT_EQ(large.runs[r].glyphs[i].index, small.runs[r].glyphs[i].index);
      EXPECT_NEAR(large.runs[r].glyphs[i].origin.x, small.runs[r].glyphs[i].origin.x * 2.5, 1e-12);
      EXPECT_NEAR(large.runs[r].glyphs[i].origin.y, small.runs[r].glyphs[i].origin.y * 2.5, 1e-12);
    }
  }
}

TEST(TextShape, EveryStandardCharacterHasAGlyphInBothWeights) {
  const std::vector<std::string> chars = tgscc_characters();
  ASSERT_EQ(chars.size(), 8105u);
  std::string all;
  for (const std::string& c : chars) all += c;
  for (const char* family : {"sans", "sans-bold"}) {
    const Line line = shape_line(book(), all, style(family), "tgscc");
    const Family& fonts = book().family(family, "tgscc");
    std::size_t glyphs = 0;
    for (const GlyphRun& run : line.runs) {
      EXPECT_EQ(run.font, fonts.han->ref());
      for (const Glyph& g : run.glyphs) EXPECT_NE(g.index, 0u);
      glyphs += run.glyphs.size();
    }
    EXPECT_EQ(glyphs, 8105u) << family;
  }
}

TEST(TextShape, OcrbCoversTheMrzAlphabetAtOnePitch) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
  const Line line = shape_line(book(), alphabet, style("ocrb"), "mrz");
  ASSERT_EQ(line.runs.size(), 1u);
  EXPECT_EQ(font_name(line.runs[0]), "OCRB.ttf");
  ASSERT_EQ(line.runs[0].glyphs.size(), alphabet.size());
  const double pitch_mm = 0.723 * 10 * 25.4 / 72;  // every OCR-B advance is 723/1000 em
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    EXPECT_NE(line.runs[0].glyphs[i].index, 0u) << alphabet[i];
    EXPECT_NEAR(line.runs[0].glyphs[i].origin.x, i * pitch_mm, 1e-9) << alphabet[i];
  }
}

TEST(TextShape, OneBookServesManyThreads) {
  const std::string text = "\u5df4\u57fa\u65af\u5766/PAK ZHENGJIAN, YANGBEN \U0002C27C";
  const Line expected = shape_line(book(), text, style("sans-bold", 8, 0.1), "f");
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const Line line = shape_line(book(), text, style("sans-bold", 8, 0.1), "f");
        for (std::size_t r = 0; r < line.runs.size(); ++r) {
          for (std::size_t g = 0; g < line.runs[r].glyphs.size(); ++g) {
            const Glyph& a = line.runs[r].glyphs[g];
            const Glyph& b = expected.runs[r].glyphs[g];
            if (a.index != b.index || !(a.origin == b.origin)) ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& w : workers) w.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

// --- Fitting ------------------------------------------------------------------------------

TEST(TextFit, KeepsTheSizeWhenItFits) {
  const Block block = fit_text(book(), "ZHENGJIAN", style("sans", 8), {.max_width_mm = 40}, "f");
  ASSERT_EQ(block.lines.size(), 1u);
  EXPECT_EQ(block.size_pt, 8);
  const double em_mm = 8 * 25.4 / 72;
  EXPECT_NEAR(block.line_advance_mm, 1.2 * em_mm, 1e-12);
  EXPECT_NEAR(block.ascent_mm, 1.069 * em_mm, 1e-12);
  EXPECT_NEAR(block.descent_mm, 0.293 * em_mm, 1e-12);
  EXPECT_EQ(fit_text(book(), "", style(), {.max_width_mm = 10}, "f").lines.size(), 0u);
}

TEST(TextFit, ShrinksToTheWidthButNotBelowTheFloor) {
  const std::string text = "ZHENGJIAN, YANGBEN MUHAMMAD";
  const double width = shape_line(book(), text, style("sans", 8), "f").width_mm;
  const FitRule rule{.max_width_mm = width * 0.8, .min_size_pt = 6};
  const Block block = fit_text(book(), text, style("sans", 8), rule, "name.en");
  ASSERT_EQ(block.lines.size(), 1u);
  EXPECT_NEAR(block.size_pt, 8 * rule.max_width_mm / width, 1e-6);
  EXPECT_NEAR(block.lines[0].width_mm, rule.max_width_mm, 1e-9);
  EXPECT_DOUBLE_EQ(block.lines[0].runs[0].size_mm, block.size_pt * 25.4 / 72);

  const FitRule too_narrow{.max_width_mm = width * 0.7, .min_size_pt = 6};  // would need 5.6 pt
  const Error e =
      error_of([&] { fit_text(book(), text, style("sans", 8), too_narrow, "name.en"); });
  EXPECT_EQ(e.kind(), ErrorKind::data);
  EXPECT_EQ(e.problems().at(0).where, "name.en");
  EXPECT_NE(e.problems().at(0).message.find("at the minimum size 6 pt"), std::string::npos);
}

TEST(TextFit, ShrinkingKeepsLetterSpacingFixed) {
  const std::string text = "PAK310080010103";
  const TextStyle spaced = style("sans", 8, 0.2);
  const double width = shape_line(book(), text, spaced, "f").width_mm;
  const FitRule rule{.max_width_mm = width - 2, .min_size_pt = 4};
  const Block block = fit_text(book(), text, spaced, rule, "f");
  ASSERT_EQ(block.lines.size(), 1u);
  EXPECT_NEAR(block.lines[0].width_mm, width - 2, 1e-9);
  const double spacing = 14 * 0.2;
  EXPECT_NEAR(block.size_pt, 8 * (width - 2 - spacing) / (width - spacing), 1e-9);
}

TEST(TextFit, NoShrinkingWithoutAFloor) {
  const Error e = error_of([] {
    fit_text(book(), "ZHENGJIAN YANGBEN", style("sans", 8), {.max_width_mm = 10}, "name.en");
  });
  EXPECT_EQ(e.problems().at(0).where, "name.en");
  EXPECT_EQ(e.problems().at(0).message, "does not fit in 10 mm at the minimum size 8 pt");
}

void expect_wrapped(const Block& block, const FitRule& rule, double size_pt) {
  ASSERT_GE(block.lines.size(), 2u);
  EXPECT_LE(static_cast<int>(block.lines.size()), rule.max_lines);
  EXPECT_GE(block.size_pt, rule.min_size_pt);
  EXPECT_LE(block.size_pt, size_pt);
  for (const Line& line : block.lines) EXPECT_LE(line.width_mm, rule.max_width_mm + 1e-9);
}

std::string text_of(const Line& line) {
  std::string text;
  for (const GlyphRun& run : line.runs) text += run.text;
  return text;
}

TEST(TextFit, WrapsLatinAtSpacesAtTheLargestSizeThatFits) {
  const std::string text = "ZHENGJIAN-YANGBEN MUHAMMAD ALI ABDULLAH";
  const FitRule rule{.max_width_mm = 30, .min_size_pt = 6, .wrap = true, .max_lines = 2};
  const Block block = fit_text(book(), text, style("sans", 9), rule, "name.en");
  expect_wrapped(block, rule, 9);
  EXPECT_EQ(block.lines.size(), 2u);
  std::string joined;
  for (const Line& line : block.lines) {
    if (!joined.empty()) joined += '|';
    joined += text_of(line);
  }
  EXPECT_EQ(joined, "ZHENGJIAN-YANGBEN|MUHAMMAD ALI ABDULLAH");
  // The size is on the 0.1 pt grid, and 0.1 pt more does not fit in two lines.
  EXPECT_NEAR(block.size_pt * 10, std::round(block.size_pt * 10), 1e-9);
  const double larger = block.size_pt + 0.1;
  const FitRule stricter{.max_width_mm = 30, .min_size_pt = larger, .wrap = true, .max_lines = 2};
  EXPECT_THROW(fit_text(book(), text, style("sans", larger), stricter, "name.en"), Error);
}

TEST(TextFit, WrapsAfterHyphensAndBetweenHan) {
  const FitRule rule{.max_width_mm = 22, .min_size_pt = 7, .wrap = true, .max_lines = 3};
  const Block dates = fit_text(book(), "2023.08.08-2033.08.07", style("sans", 9), rule, "valid");
  expect_wrapped(dates, rule, 9);
  EXPECT_EQ(text_of(dates.lines[0]), "2023.08.08-");
  EXPECT_EQ(text_of(dates.lines[1]), "2033.08.07");

  const std::string address =
      "\u5317\u4eac\u5e02\u671d\u9633\u533a\u5efa\u56fd\u95e8\u5916"
      "\u5927\u8857\u7532\u4e8c\u53f7\u9662";
  const Block han = fit_text(book(), address, style("sans", 9), rule, "address");
  expect_wrapped(han, rule, 9);
  std::string joined;
  for (const Line& line : han.lines) joined += text_of(line);
  EXPECT_EQ(joined, address);
}

TEST(TextFit, TooLongToWrapNamesTheField) {
  const FitRule rule{.max_width_mm = 20, .min_size_pt = 6, .wrap = true, .max_lines = 2};
  const Error e = error_of([&] {
    fit_text(book(), "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE", style("sans", 8), rule,
             "name.en");
  });
  EXPECT_EQ(e.kind(), ErrorKind::data);
  EXPECT_EQ(e.problems().at(0).where, "name.en");
  EXPECT_EQ(e.problems().at(0).message,
            "does not fit in 2 lines of 20 mm at the minimum size 6 pt");
}

TEST(TextFit, IsDeterministic) {
  const FitRule rule{.max_width_mm = 25, .min_size_pt = 5, .wrap = true, .max_lines = 3};
  const std::string text = "\u7ea6\u7ff0\u00b7\u53f2\u5bc6\u65af JOHN SMITH-JONES";
  const Block a = fit_text(book(), text, style("sans-bold", 9, 0.1), rule, "f");
  const Block b = fit_text(book(), text, style("sans-bold", 9, 0.1), rule, "f");
  ASSERT_EQ(a.lines.size(), b.lines.size());
  EXPECT_EQ(a.size_pt, b.size_pt);
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    ASSERT_EQ(a.lines[i].runs.size(), b.lines[i].runs.size());
    for (std::size_t r = 0; r < a.lines[i].runs.size(); ++r) {
      const GlyphRun& x = a.lines[i].runs[r];
      const GlyphRun& y = b.lines[i].runs[r];
      EXPECT_EQ(x.font, y.font);
      EXPECT_EQ(x.text, y.text);
      ASSERT_EQ(x.glyphs.size(), y.glyphs.size());
      for (std::size_t g = 0; g < x.glyphs.size(); ++g) {
        EXPECT_EQ(x.glyphs[g].index, y.glyphs[g].index);
        EXPECT_EQ(x.glyphs[g].origin, y.glyphs[g].origin);
      }
    }
  }
}

}  // namespace
}  // namespace cardface::text
