// Card types as data (docs/card-types.md): a type file read into fields, rules, derived values
// and a seal profile; every fault of a type file or template reported at once with file and
// JSON path; placeholder filters; one template for several types.
#include "card/card_type.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/template.h"
#include "test_support.h"
#include "tmpl/placeholder.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = CARDFACE_SOURCE_DIR;

std::vector<std::string> all_problems(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    std::vector<std::string> out;
    for (const Problem& p : e.problems()) out.push_back(p.where + ": " + p.message);
    return out;
  }
  return {"(no error)"};
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CARDFACE_BINARY_DIR) / "test-card-types" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

TEST(CardTypeFiles, BundledTypesAreTheFilesInCardTypes) {
  const auto names = card_types();
  for (const char* name : {"fprc-2017", "fprc-2023", "td1"})
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  for (const CardTypeSummary& t : card_type_summaries())
    if (t.name == "fprc-2023") {
      EXPECT_EQ(t.source, kRoot / "card-types" / "fprc-2023.json");
    }
}

TEST(CardTypeFiles, EveryFaultNamesFileAndJsonPath) {
  const fs::path dir = scratch("faulty-type");
  write(dir / "bad.json", R"({
  "name": "bad",
  "fields": [
    {"name": "a", "kind": "txt"},
    {"name": "d", "kind": "date", "requird": false}
  ],
  "rules": [
    {"rule": "aftr", "field": "d", "other": "d"},
    {"rule": "after", "field": "d", "other": "nowhere"}
  ]
})");
  const std::string file = (dir / "bad.json").string();
  EXPECT_EQ(
      all_problems([&] { card::read_card_type_file(dir / "bad.json"); }),
      (std::vector<std::string>{
          file + ":/fields/0/kind: must be one of \"text\", \"latin_name\", \"han_name\", \"sex\", "
                 "\"country\", \"date\", \"integer\", \"photo\", \"enum\", \"boolean\"; did you "
                 "mean \"text\"?",
          file + ":/fields/1/requird: unknown key; did you mean \"required\"?",
          file + ":/rules/0/rule: \"aftr\" is not a known rule; did you mean \"after\"?",
          file + ":/rules/1/other: \"nowhere\" is not a field of this type",
      }));
}

TEST(CardTypeFiles, SyntaxErrorGivesLineAndColumn) {
  const fs::path dir = scratch("syntax-type");
  write(dir / "t.json", "{\n  \"name\": \"t\",\n  \"fields\": [}\n");
  const std::string message =
      test::first_problem([&] { card::read_card_type_file(dir / "t.json"); });
  EXPECT_NE(message.find("line 3, column 14"), std::string::npos) << message;
}

// Patterns are bounded before std::regex sees them (docs/limits.md): libstdc++'s compiler
// overflows on a huge repeat count (the fuzzer's find), builds a state per repeat, and matches
// by recursion.
TEST(CardTypeFiles, PatternsAreBoundedBeforeTheyAreCompiled) {
  const fs::path dir = scratch("patterns");
  write(dir / "p.json", R"json({
  "name": "patterned",
  "fields": [
    {"name": "a", "kind": "text", "pattern": "x{1777777777777777777}"},
    {"name": "b", "kind": "text", "pattern": "[0-9]{2,1001}"},
    {"name": "c", "kind": "text", "pattern": ")"}
  ],
  "rules": [{"rule": "pattern", "field": "a", "pattern": "(ab){3}\\{99999}|.{0,5000}"}]
})json");
  const std::string file = (dir / "p.json").string();
  EXPECT_EQ(all_problems([&] { card::read_card_type_file(dir / "p.json"); }),
            (std::vector<std::string>{
                file + ":/fields/0/pattern: repeats something more than 1000 times "
                       "(docs/limits.md)",
                file + ":/fields/1/pattern: repeats something more than 1000 times "
                       "(docs/limits.md)",
                file + ":/fields/2/pattern: is not a valid regular expression (at character 0: "
                       "unmatched closing parenthesis)",
                file + ":/rules/0/pattern: repeats something more than 1000 times "
                       "(docs/limits.md)",
            }));
  write(dir / "long.json",
        R"({"name": "long", "fields": [{"name": "a", "kind": "text", "pattern": ")" +
            std::string(513, 'a') + R"("}]})");
  EXPECT_EQ(test::first_problem([&] { card::read_card_type_file(dir / "long.json"); }),
            (dir / "long.json").string() +
                ":/fields/0/pattern: is longer than 512 characters (docs/limits.md)");
}

// Matching is bounded too: a value over the length limit is never matched, and a pattern that
// backtracks exponentially stops at PCRE2's match limit, refused, in bounded time.
TEST(CardTypeFiles, AValueThatCannotBeMatchedWithinTheLimitsIsRefused) {
  const fs::path dir = scratch("pattern-value");
  write(dir / "t.json", R"({"name": "test-patterned", "fields": [
    {"name": "a", "kind": "text", "max_chars": 20000, "pattern": "(a|b)*"},
    {"name": "b", "kind": "text", "max_chars": 20000, "required": false}],
  "rules": [{"rule": "pattern", "field": "b", "pattern": "(a|a)*", "message": "only a"}]})");
  add_card_types(dir);
  auto record = [](const std::string& a, const std::string& b) {
    return R"({"type": "test-patterned", "a": ")" + a + R"(", "b": ")" + b + R"("})";
  };
  const std::string longest(4096, 'a'), longer(4097, 'a');
  const std::string costly =
      "could not be checked against its pattern within its limits (over "
      "4096 bytes, or a pattern that backtracks too much; docs/limits.md)";
  EXPECT_NO_THROW(parse_card(record(longest, "aaaa"), "."));
  EXPECT_EQ(test::first_problem([&] { parse_card(record(longer, "a"), "."); }), "a: " + costly);
  EXPECT_EQ(test::first_problem([&] { parse_card(record("ab", std::string(40, 'a') + "b"), "."); }),
            "b: " + costly);
  EXPECT_EQ(test::first_problem([&] { parse_card(record("ab", "ab"), "."); }), "b: only a");
  EXPECT_EQ(test::first_problem([&] { parse_card(record("abc", "a"), "."); }),
            "a: is not in the form the card type requires");
}

TEST(CardTypeFiles, TheSameNameFromAnotherFileIsRefused) {
  const fs::path dir = scratch("twice");
  write(dir / "fprc-2023.json",
        R"({"name": "fprc-2023", "fields": [{"name": "a", "kind": "text"}]})");
  EXPECT_EQ(test::first_problem([&] { add_card_types(dir); }),
            (dir / "fprc-2023.json").string() +
                ":/name: card type \"fprc-2023\" is already "
                "defined by " +
                (kRoot / "card-types" / "fprc-2023.json").string());
}

// A type with every new kind, added from a folder as `--types DIR` does.
class NewKinds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path dir = scratch("new-kinds");
    write(dir / "member.json", R"({
  "name": "test-member",
  "fields": [
    {"name": "full_name", "kind": "latin_name"},
    {"name": "level", "kind": "enum", "values": [
      {"code": "GOLD", "labels": {"en": "Gold", "zh": "金卡"}},
      {"code": "SILVER", "labels": {"en": "Silver", "zh": "银卡"}}]},
    {"name": "member_number", "kind": "text", "characters": "digits", "max_chars": 11},
    {"name": "code", "kind": "text", "pattern": "[A-Z]{2}-[0-9]{3}", "pattern_message": "must look like AB-123", "required": false},
    {"name": "visitor", "kind": "boolean", "required": false},
    {"name": "nationality", "kind": "country", "required": false},
    {"name": "joined", "kind": "date"}
  ],
  "rules": [{"rule": "check_digit", "field": "member_number", "scheme": "luhn"}],
  "derived": {"level.zh": "{level|label:zh}", "short": "{full_name|initials}"}
})");
    add_card_types(dir);
  }
  static Card card(const std::string& extra) {
    return parse_card(R"({"type": "test-member", "full_name": "JOHN PAUL", "level": "GOLD",
                          "member_number": "79927398713", "joined": "2020-02-29")" +
                          extra + "}",
                      ".");
  }
};

TEST_F(NewKinds, GoodRecordAndItsDerivedValues) {
  const Card c = card(R"(, "visitor": false, "nationality": "PAK")");
  EXPECT_EQ(std::get<std::string>(*c.lookup("level.zh")), "金卡");
  EXPECT_EQ(std::get<std::string>(*c.lookup("short")), "J. P.");
  EXPECT_FALSE(c.lookup("visitor"));  // false reads as absent
  EXPECT_TRUE(card(R"(, "visitor": true)").lookup("visitor"));
  auto text = [&](const char* source) { return tmpl::join(tmpl::expand(source, c, "/t")); };
  EXPECT_EQ(text("{full_name|lower}"), "john paul");
  EXPECT_EQ(text("{nationality|country_zh} {nationality|country_numeric}"), "巴基斯坦 586");
  EXPECT_EQ(text("{code|default:N/A}"), "N/A");
  EXPECT_EQ(text("{level|label:en|upper}"), "GOLD");
  EXPECT_EQ(text("{joined:%d.%m.%Y}"), "29.02.2020");
  EXPECT_EQ(test::first_problem([&] { text("{full_name|shout}"); }),
            "/t: unknown filter \"shout\" in {full_name}");
  EXPECT_EQ(test::first_problem([&] { text("{full_name|defualt:x}"); }),
            "/t: unknown filter \"defualt\" in {full_name}; did you mean \"default\"?");
}

TEST_F(NewKinds, BadRecordsNameTheField) {
  EXPECT_EQ(all_problems([&] {
              parse_card(R"({"type": "test-member", "full_name": "A", "level": "GLOD",
                           "member_number": "79927398710", "code": "ab-123", "visitor": "yes",
                           "joined": "2020-02-30"})",
                         ".");
            }),
            (std::vector<std::string>{
                "level: must be one of \"GOLD\", \"SILVER\"; did you mean \"GOLD\"?",
                "code: must look like AB-123",
                "visitor: must be true or false, got string",
                "joined: is not a real calendar date",
                "member_number: check character is 0, expected 3",
            }));
  EXPECT_EQ(test::first_problem([&] {
              parse_card(R"({"type": "test-member", "full_name": "A", "level": "GOLD",
                           "member_number": "7992739871X", "joined": "2020-02-29"})",
                         ".");
            }),
            "member_number: must hold only digits 0-9 (U+0058 is not)");
}

TEST(TemplateFaults, FiveFaultsInOneRun) {
  const fs::path dir = test::write_template_dir("five-faults", R"({
  "name": "five",
  "card_types": ["td1"],
  "sides": {"front": {"elements": [
    {"kind": "rect", "panel": "color", "x": 0, "y": 0, "widht": 10, "height": 5, "fill": "#ffffff"},
    {"kind": "text", "panel": "color", "x": 1, "y": 2, "text": "A", "size": 5, "colour": "#000000"},
    {"kind": "txt", "panel": "color", "x": 1, "y": 2},
    {"kind": "rect", "panel": "color", "x": 0, "y": 0, "width": 10, "height": 5, "fill": "#12"},
    {"kind": "text", "panel": "color", "x": "left", "y": 2, "text": "B", "size": 5}
  ]}}
})");
  const std::string file = (dir / "template.json").string();
  EXPECT_EQ(all_problems([&] { Template::load_dir(dir); }),
            (std::vector<std::string>{
                file + ":/sides/front/elements/0/widht: unknown key; did you mean \"width\"?",
                file + ":/sides/front/elements/0/width: is required",
                file + ":/sides/front/elements/1/colour: unknown key; did you mean \"color\"?",
                file + ":/sides/front/elements/2/kind: must be one of \"rect\", \"ellipse\", "
                       "\"line\", \"path\", \"image\", \"photo\", \"text\", \"mrz\", "
                       "\"guilloche\", \"stars\", \"ghost\", \"microtext\", \"relief\", \"wall\", "
                       "\"group\", \"stack\", \"barcode\"; did you mean \"text\"?",
                file + ":/sides/front/elements/3/fill: must be a colour \"#rrggbb\" or "
                       "\"#rrggbbaa\"",
                file + ":/sides/front/elements/4/x: must be a number",
            }));
}

TEST(TemplateFaults, SyntaxErrorGivesLineAndColumn) {
  const fs::path dir =
      test::write_template_dir("syntax", "{\n  \"name\": \"x\",\n  \"sides\": {,}\n}");
  const std::string message = test::first_problem([&] { Template::load_dir(dir); });
  EXPECT_EQ(message.rfind((dir / "template.json").string() + ": is not valid JSON: ", 0), 0u)
      << message;
  EXPECT_NE(message.find("(line 3, column 13)"), std::string::npos) << message;
}

TEST(TemplateFaults, AFolderWithoutTemplateJsonSaysSo) {
  const fs::path dir = scratch("no-template");
  EXPECT_EQ(test::first_problem([&] { find_template(dir.string()); }),
            dir.string() + ": no template.json in this directory");
}

TEST(TemplateFaults, ComposeFaultsNameTheTemplateFile) {
  const fs::path dir = test::write_template_dir("compose-fault", R"({
  "name": "compose-fault", "card_types": ["td1"],
  "sides": {"front": {"elements": [
    {"kind": "text", "panel": "color", "x": 1, "y": 2, "text": "{nosuch}", "size": 5}]}}
})");
  const Card card = load_card(kRoot / "samples/eriksson-anna-maria.json");
  EXPECT_EQ(test::first_problem([&] { compose(card, Template::load_dir(dir), Fonts::bundled()); }),
            (dir / "template.json").string() +
                ":/sides/front/elements/0/text: unknown placeholder {nosuch} for card type td1");
}

TEST(TemplateFaults, ALiteralMrzSettingIsTheTemplatesFault) {
  const fs::path dir = test::write_template_dir("mrz-literal", R"({
  "name": "mrz-literal", "card_types": ["td1"],
  "sides": {"back": {"elements": [
    {"kind": "mrz", "panel": "color", "issuing_state": "U1O", "document_number": "{document_number}",
     "nationality": "{nationality}", "sex": "{sex}", "surname": "{surname}",
     "given_names": "{given_names}"}]}}
})");
  const Card card = load_card(kRoot / "samples/eriksson-anna-maria.json");
  ComposeOptions options;
  options.sides = {Side::back};
  const std::string message = test::first_problem(
      [&] { compose(card, Template::load_dir(dir), Fonts::bundled(), options); });
  EXPECT_EQ(message.rfind(
                (dir / "template.json").string() + ":/sides/back/elements/0/issuing_state: ", 0),
            0u)
      << message;
}

TEST(TemplateForSeveralTypes, AConditionOnAFieldOneTypeLacksIsAbsentThere) {
  // name_zh is a field of fprc-2023, not of td1: for a td1 card the element is hidden.
  const fs::path dir = test::write_template_dir("two-types", R"({
  "name": "two-types", "card_types": ["fprc-2023", "td1"],
  "sides": {"front": {"elements": [
    {"id": "zh", "kind": "text", "panel": "color", "if": "name_zh", "x": 1, "y": 5, "text": "{name.en}", "size": 6},
    {"id": "no-zh", "kind": "text", "panel": "color", "unless": "name_zh", "x": 1, "y": 9, "text": "{surname}", "size": 6}]}}
})");
  const Template t = Template::load_dir(dir);
  ComposeOptions options;
  options.sides = {Side::front};
  auto ids = [&](const Card& card) {
    std::vector<std::string> out;
    const Scene scene = compose(card, t, Fonts::bundled(), options);
    for (const Item& item : scene.faces.at(0).items) out.push_back(item.element);
    return out;
  };
  EXPECT_EQ(ids(load_card(kRoot / "samples/eriksson-anna-maria.json")),
            std::vector<std::string>{"no-zh"});
  EXPECT_EQ(ids(load_card(kRoot / "samples/zhengjian-yangben.json")).front(), "zh");
}

}  // namespace
}  // namespace cardface
