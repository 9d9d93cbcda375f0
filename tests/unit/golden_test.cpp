// Golden case files: discovery, the strict reader's messages, JUnit escaping. The rendering
// and comparing are tested end to end (tests/golden/user_repository_test.sh, the suite itself).
#include "cardface/golden.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace cardface::golden {
namespace {
namespace fs = std::filesystem;
using test::first_problem;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CARDFACE_BINARY_DIR) / "test-golden" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path write_case(const fs::path& dir, const std::string& json) {
  fs::create_directories(dir);
  std::ofstream(dir / "case.json") << json;
  std::ofstream(dir / "card.json") << "{}";
  return dir;
}

TEST(GoldenCases, TheProjectsOwnCasesAllRead) {
  const auto cases = discover_cases({fs::path(CARDFACE_SOURCE_DIR) / "tests/golden"});
  ASSERT_GE(cases.size(), 34u);
  int sheets = 0, crops = 0;
  for (const CaseRef& ref : cases) {
    const GoldenCase gc = read_case(ref);
    sheets += gc.kind == CaseKind::impose || gc.kind == CaseKind::proof;
    crops += gc.crop.has_value();
  }
  EXPECT_GE(sheets, 3);
  EXPECT_GE(crops, 3);
  EXPECT_EQ(cases.front().name, "barcode/symbologies");  // sorted, named from the root
}

TEST(GoldenCases, ACaseNamedItselfIsCalledByItsFolderAndItsSubfoldersAreNotSearched) {
  const fs::path root = scratch("discover");
  write_case(root / "one", R"({"data": "card.json"})");
  write_case(root / "one" / "template" / "inner", R"({"data": "card.json"})");
  write_case(root / "group" / "two", R"({"data": "card.json"})");
  const auto all = discover_cases({root});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "group/two");
  EXPECT_EQ(all[1].name, "one");
  const auto single = discover_cases({root / "group" / "two"});
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].name, "two");
  EXPECT_EQ(first_problem([&] { discover_cases({root / "none"}); }),
            (root / "none").string() + ": is not a folder");
}

std::string problem_of(const std::string& json) {
  const fs::path dir = write_case(scratch("read") / "c", json);
  return first_problem([&] { read_case({"c", dir}); });
}

TEST(GoldenCases, AFaultyCaseFileNamesTheFileTheKeyAndWhatIsWrong) {
  const std::string file = (scratch("read") / "c" / "case.json").string();
  EXPECT_EQ(problem_of(R"({"data": "card.json", "dpl": 300})"),
            file +
                ": dpl: unknown key (known: description, data, template, dpi, sides, crop_mm, "
                "tolerance, print, sheet, panels, debug_layout)");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "tolerance": {"max": 1}})"),
            file + ": tolerance/max: unknown key (known: max_channel_delta, max_differing_pixels)");
  EXPECT_EQ(problem_of(R"({"dpi": 300})"),
            file + ": data: missing: the record file (or, for sheets, files)");
  EXPECT_EQ(problem_of(R"({"data": "nobody.json"})"),
            file + ": data: no record file " + (scratch("read") / "c" / "nobody.json").string());
  EXPECT_EQ(problem_of(R"({"data": "card.json", "dpi": 30})"),
            file + ": dpi: must be a whole number from 50 to 4800");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "sides": ["front", "front"]})"),
            file + ": sides/1: names \"front\" twice");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "sides": ["top"]})"),
            file + ": sides/0: is \"top\", must be one of: back, front");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "crop_mm": [1, 2, 3]})"),
            file + ": crop_mm: must be [x, y, width, height] in mm");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "sheet": "a4"})"),
            file + ": sheet: is for \"print\": \"impose\" cases only");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "panels": "evolis", "dpi": 600})"),
            file + ": dpi: panels are drawn at the printer's own dpi");
  EXPECT_EQ(problem_of(R"({"data": ["card.json"], "print": "poster"})"),
            file + ": print: is \"poster\", must be one of: impose, proof");
  EXPECT_EQ(problem_of(R"([1, 2])"), file + ": must hold a JSON object");
  EXPECT_EQ(problem_of(R"({"data": "card.json", "crop_mm": [0, 0, 10, 5], "dpi": 1200})"),
            "(no error)");
}

TEST(GoldenCases, JUnitEscapesNamesAndMessages) {
  CaseOutcome failing;
  failing.ref = {"a&b/<c>", "tests/x"};
  failing.status = CaseOutcome::Status::broken;
  failing.message = "tests/x/case.json: data: \"quoted\"";
  CaseOutcome passing;
  passing.ref = {"plain", "tests/y"};
  const fs::path file = scratch("junit") / "out.xml";
  write_junit({failing, passing}, file);
  std::ifstream in(file);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(xml.find(R"(tests="2" failures="0" errors="1")"), std::string::npos) << xml;
  EXPECT_NE(xml.find(R"(name="a&amp;b/&lt;c&gt;")"), std::string::npos) << xml;
  EXPECT_NE(xml.find(R"(<error message="tests/x/case.json: data: &quot;quoted&quot;">)"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<testcase classname="golden" name="plain")"), std::string::npos) << xml;
}

}  // namespace
}  // namespace cardface::golden
