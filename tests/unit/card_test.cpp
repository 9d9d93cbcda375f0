// Card data: JSON reading, the fprc-2023 / fprc-2017 rules, lookups. Expected values come from
// ../shared/FACTS.md and the brief's rules, not from what the code prints.
#include "cardface/card.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "card/card_type.h"
#include "card_records.h"
#include "cardface/error.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
using namespace test;

// ../shared/samples/cards.jsonl, verbatim.
const char* const kSampleLines[] = {
    R"({"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN", "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK", "id_number": "931586198001010028", "valid_from": "2023-08-08", "valid_until": "2033-08-07", "photo": "photos/s00.png"})",
    R"({"type": "fprc-2023", "surname": "SMITH", "given_names": "JOHN PAUL", "name_zh": "史约翰", "sex": "M", "date_of_birth": "1980-01-01", "nationality": "USA", "id_number": "911840198001010013", "valid_from": "2024-03-01", "valid_until": "2034-02-28", "photo": "photos/s01.png"})",
    R"({"type": "fprc-2023", "surname": "MÜLLER-LÜDENSCHEIDT", "given_names": "ANNA-LENA ÅSA", "sex": "F", "date_of_birth": "1985-03-14", "nationality": "DEU", "id_number": "931276198503140245", "valid_from": "2024-01-15", "valid_until": "2034-01-14", "photo": "photos/s02.png"})",
    R"({"type": "fprc-2023", "surname": "OKONKWO", "given_names": "CHIDINMA ADAEZE", "sex": "F", "date_of_birth": "1992-11-30", "nationality": "NGA", "id_number": "944566199211300027", "valid_from": "2025-06-01", "valid_until": "2035-05-31", "photo": "photos/s03.png"})",
    R"({"type": "fprc-2023", "surname": "WOLFESCHLEGELSTEINHAUSENBERGERDORFF", "given_names": "HUBERT BLAINE", "sex": "M", "date_of_birth": "1964-07-08", "nationality": "GBR", "id_number": "911826196407081130", "valid_from": "2024-12-01", "valid_until": "2034-11-30", "photo": "photos/s04.png"})",
    R"({"type": "fprc-2023", "surname": "YAMADA", "given_names": "HANAKO", "name_zh": "山田花子", "sex": "F", "date_of_birth": "1990-02-28", "nationality": "JPN", "id_number": "921392199002280088", "valid_from": "2024-04-10", "valid_until": "2034-04-09", "photo": "photos/s05.png"})",
    R"({"type": "fprc-2023", "surname": "SUKARNO", "given_names": "", "sex": "M", "date_of_birth": "1971-12-25", "nationality": "IDN", "id_number": "944360197112250054", "valid_from": "2025-01-02", "valid_until": "2035-01-01", "photo": "photos/s06.png"})",
    R"({"type": "fprc-2023", "surname": "DUBOIS", "given_names": "CLAIRE", "name_zh": "杜克莱尔", "sex": "F", "date_of_birth": "1978-09-02", "nationality": "FRA", "id_number": "FRA310078090226", "valid_from": "2024-09-20", "valid_until": "2034-09-19", "photo": "photos/s07.png"})",
    R"({"type": "fprc-2017", "surname": "KIM", "given_names": "MIN-JUN", "name_zh": "金敏俊", "sex": "M", "date_of_birth": "1988-05-17", "nationality": "KOR", "id_number": "KOR110088051719", "valid_from": "2019-05-20", "valid_until": "2029-05-19", "photo": "photos/s08.png"})",
    R"({"type": "fprc-2023", "surname": "TREMBLAY", "given_names": "MARIE-ÈVE", "name_zh": "唐美怡", "sex": "F", "date_of_birth": "1975-10-10", "nationality": "CAN", "id_number": "93112419751010078X", "valid_from": "2024-02-01", "valid_until": "2034-01-31", "photo": "photos/s09.png"})",
};

Json sample(int i) {
  return Json::parse(kSampleLines[i]);
}
Json specimen() {
  return sample(0);
}

// The specimen with one field changed (or removed, for kRemove).
Json with(std::string_view field, const Json& value) {
  return with_field(specimen(), field, value);
}

Lines problems_with(std::string_view field, const Json& value) {
  return problems_in(with(field, value));
}

Lines surname_problems(const std::string& surname) {
  Lines lines = problems_with("surname", surname);
  return lines;
}

Lines name_zh_problems(const std::string& name) {
  return problems_with("name_zh", name);
}

// --- Samples and the values a template binds ---

TEST(CardSamples, EverySampleParses) {
  for (int i = 0; i < 10; ++i) {
    SCOPED_TRACE(kSampleLines[i]);
    const Card card = parse_card(kSampleLines[i], kSamples);
    const Json record = sample(i);
    EXPECT_EQ(card.type, record["type"]);
    EXPECT_EQ(card.photo, kSamples / "photos" / ("s0" + std::to_string(i) + ".png"));
    EXPECT_EQ(*card.text("surname"), record["surname"]);
    EXPECT_EQ(*card.text("given_names"), record["given_names"]);
    EXPECT_EQ(*card.text("id_number"), record["id_number"]);
    EXPECT_EQ(card.date("date_of_birth")->iso(), record["date_of_birth"]);
    EXPECT_EQ(card.date("valid_until")->iso(), record["valid_until"]);
    EXPECT_EQ(card.text("name_zh") != nullptr, record.contains("name_zh"));
  }
}

TEST(CardSamples, OfficialSpecimen) {
  const Card card = parse(specimen());
  EXPECT_EQ(card.type, "fprc-2023");
  EXPECT_EQ(*card.text("surname"), "ZHENGJIAN");
  EXPECT_EQ(*card.text("sex"), "F");
  EXPECT_EQ(*card.date("date_of_birth"), (Date{1980, 1, 1}));
  EXPECT_EQ(*card.date("valid_from"), (Date{2023, 8, 8}));
  EXPECT_EQ(*card.date("valid_until"), (Date{2033, 8, 7}));
  EXPECT_EQ(card.text("date_of_birth"), nullptr);  // accessors are typed
  EXPECT_EQ(card.date("surname"), nullptr);
  EXPECT_EQ(card.integer("renewal_count"), nullptr);
  EXPECT_EQ(card.text("no_such_field"), nullptr);
  EXPECT_EQ(*card.text("photo"), (kSamples / "photos/s00.png").string());
}

TEST(CardLookup, DerivedKeys) {
  const Card card = parse(specimen());
  EXPECT_EQ(text_of(card.lookup("name.en")), "ZHENGJIAN, YANGBEN");
  EXPECT_EQ(text_of(card.lookup("name.zh")), "证件样本");
  EXPECT_EQ(text_of(card.lookup("sex")), "F");
  EXPECT_EQ(text_of(card.lookup("sex.en")), "FEMALE");
  EXPECT_EQ(text_of(card.lookup("sex.zh")), "女");
  EXPECT_EQ(text_of(card.lookup("nationality")), "PAK");
  EXPECT_EQ(text_of(card.lookup("nationality.zh")), "巴基斯坦");
  EXPECT_EQ(text_of(card.lookup("nationality.en")), "Pakistan");
  EXPECT_EQ(text_of(card.lookup("nationality.numeric")), "586");
  EXPECT_EQ(text_of(card.lookup("nationality.alpha2")), "PK");
  EXPECT_EQ(text_of(card.lookup("id_number")), "931586198001010028");
  EXPECT_EQ(text_of(card.lookup("type")), "fprc-2023");
  EXPECT_EQ(std::get<Date>(*card.lookup("date_of_birth")), (Date{1980, 1, 1}));
}

TEST(CardLookup, MaleHolder) {
  const Card card = parse(sample(1));
  EXPECT_EQ(text_of(card.lookup("sex.en")), "MALE");
  EXPECT_EQ(text_of(card.lookup("sex.zh")), "男");
  EXPECT_EQ(text_of(card.lookup("nationality.zh")), "美国");
  EXPECT_EQ(text_of(card.lookup("name.en")), "SMITH, JOHN PAUL");
}

TEST(CardLookup, AbsentAndEmptyValuesAreNullopt) {
  const Card card = parse(sample(6));  // SUKARNO: no given names, no Chinese name
  EXPECT_EQ(text_of(card.lookup("name.en")), "SUKARNO");
  EXPECT_EQ(card.lookup("given_names"), std::nullopt);
  EXPECT_EQ(card.lookup("name_zh"), std::nullopt);
  EXPECT_EQ(card.lookup("name.zh"), std::nullopt);
  EXPECT_EQ(card.lookup("renewal_count"), std::nullopt);
  EXPECT_EQ(card.lookup("no_such_key"), std::nullopt);
  EXPECT_EQ(card.lookup("sex.fr"), std::nullopt);
  EXPECT_EQ(card.lookup("surname.en"), std::nullopt);
  EXPECT_EQ(card.lookup(""), std::nullopt);
}

TEST(CardLookup, HandMadeCard) {
  Card card;
  card.type = "fprc-2017";
  card.fields["surname"] = std::string("KIM");
  card.fields["nationality"] = std::string("KOR");
  EXPECT_EQ(text_of(card.lookup("name.en")), "KIM");
  EXPECT_EQ(text_of(card.lookup("nationality.zh")), "韩国");
  EXPECT_EQ(card.lookup("sex.en"), std::nullopt);
  card.type = "unknown";  // fields still answer; derived keys need a known type
  EXPECT_EQ(text_of(card.lookup("surname")), "KIM");
  EXPECT_EQ(card.lookup("name.en"), std::nullopt);
}

TEST(CardLookup, RenewalCount) {
  const Card card = parse(with("renewal_count", 3));
  EXPECT_EQ(*card.integer("renewal_count"), 3);
  EXPECT_EQ(std::get<std::int64_t>(*card.lookup("renewal_count")), 3);
  EXPECT_EQ(*parse(with("renewal_count", 0)).integer("renewal_count"), 0);
  EXPECT_EQ(*parse(with("renewal_count", 99)).integer("renewal_count"), 99);
  EXPECT_EQ(parse(with("renewal_count", nullptr)).integer("renewal_count"), nullptr);
}

TEST(CardLookup, KeysOfTheType) {
  const auto keys = card::lookup_keys(*card::find_card_type("fprc-2023"));
  for (const char* key :
       {"type", "surname", "given_names", "name_zh", "name.en", "name.zh", "sex", "sex.en",
        "sex.zh", "date_of_birth", "nationality", "nationality.en", "nationality.zh",
        "nationality.numeric", "id_number", "valid_from", "valid_until", "photo", "renewal_count"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
}

TEST(CardTypes, Known) {
  EXPECT_EQ(card_types(), (Lines{"fprc-2017", "fprc-2023", "td1"}));
}

// --- The record's structure ---

TEST(CardJson, Malformed) {
  const Lines lines = problems_in_text(R"({"type": "fprc-2023", "surname": "ZHENGJIAN)");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "(json): is not valid JSON: invalid string: missing closing quote at /surname (line 1, "
            "column 44)");
  // After a complete value the fault is the object's: the path stops there.
  EXPECT_EQ(problems_in_text(R"({"type": "fprc-2023",})"),
            Lines{"(json): is not valid JSON: unexpected '}'; expected string literal at / (line "
                  "1, column 22)"});
  EXPECT_EQ(problems_in_text(""),
            Lines{"(json): is not valid JSON: unexpected end of input; expected '[', '{', or a "
                  "literal at / (line 1, column 1)"});
  EXPECT_EQ(problems_in_text("{\"surname\":\n  tru}"),
            Lines{"(json): is not valid JSON: invalid literal at /surname (line 2, column 6)"});
}

// nlohmann-json throws out_of_range (406), not parse_error, for a number beyond double: it is
// still a cardface::Error, with the JSON path, and the number is not quoted.
TEST(CardJson, NumberOutOfRangeIsAnErrorWithItsPath) {
  EXPECT_EQ(problems_in_text(R"({"type": "fprc-2023", "sex": 1e400})"),
            Lines{"(json): is not valid JSON: number out of range at /sex (line 1, column 34)"});
  EXPECT_EQ(problems_in_text("[0, [1, -1e400]]"),
            Lines{"(json): is not valid JSON: number out of range at /1/1 (line 1, column 14)"});
}

TEST(CardJson, MalformedDoesNotQuoteTheRecord) {
  for (const char* text :
       {R"({"surname": "ZHENGJIAN)", R"({"surname": ZHENGJIAN})",
        "{\"surname\": \"ZHENG\x01JIAN\"}", R"({"surname": "ZHENGJIAN\ud800"})"}) {
    const Lines lines = problems_in_text(text);
    ASSERT_EQ(lines.size(), 1u) << text;
    EXPECT_EQ(lines[0].find("ZHENG"), std::string::npos) << lines[0];
    EXPECT_EQ(lines[0].rfind("(json): is not valid JSON: ", 0), 0u) << lines[0];
  }
}

TEST(CardJson, InvalidUtf8) {
  EXPECT_EQ(problems_in_text("{\"a\": \"\xFF\"}"),
            Lines{"(json): is not valid UTF-8 (line 1, column 8)"});
  EXPECT_EQ(problems_in_text("{\"a\":\n \"\xC3\xA9\xC3\x28\"}"),  // é, then a broken é
            Lines{"(json): is not valid UTF-8 (line 2, column 4)"});
  EXPECT_EQ(problems_in_text("{\"a\": \"\xED\xA0\x80\"}"),  // an encoded surrogate
            Lines{"(json): is not valid UTF-8 (line 1, column 8)"});
  EXPECT_EQ(problems_in_text("{\"a\": \"\xC0\xAF\"}"),  // overlong '/'
            Lines{"(json): is not valid UTF-8 (line 1, column 8)"});
}

TEST(CardJson, TopLevelMustBeAnObject) {
  EXPECT_EQ(problems_in_text("[]"), Lines{"(json): the record must be a JSON object, got array"});
  EXPECT_EQ(problems_in_text("\"fprc-2023\""),
            Lines{"(json): the record must be a JSON object, got string"});
  EXPECT_EQ(problems_in_text(std::string(100000, '[') + std::string(100000, ']')),
            Lines{"(json): the record must be a JSON object, got array"});
}

TEST(CardJson, Type) {
  EXPECT_EQ(problems_with("type", kRemove),
            Lines{"type: is required; known types: fprc-2017, fprc-2023, td1"});
  EXPECT_EQ(problems_with("type", "td9"),
            Lines{"type: is not a known card type; known types: fprc-2017, fprc-2023, td1"});
  EXPECT_EQ(problems_with("type", 2023), Lines{"type: must be a string, got number"});
}

TEST(CardJson, UnknownFields) {
  Json record = specimen();
  record["surnmae"] = "ZHENGJIAN";
  record["nationalty"] = "PAK";
  record["Sex"] = "F";
  record["colour"] = "blue";
  record["photograph"] = "x";
  EXPECT_EQ(
      problems_in(record),  // nlohmann::json sorts keys
      (Lines{"Sex: unknown field; did you mean \"sex\"?", "colour: unknown field",
             "nationalty: unknown field; did you mean \"nationality\"?",
             "photograph: unknown field", "surnmae: unknown field; did you mean \"surname\"?"}));
}

TEST(CardJson, UnknownFieldNamesArePrintable) {
  Json record = specimen();
  record["bad\u0007key"] = 1;
  record[std::string(100, 'k')] = 1;
  EXPECT_EQ(problems_in(record),
            (Lines{"bad?key: unknown field", std::string(64, 'k') + "…: unknown field"}));
}

TEST(CardJson, DuplicateKeys) {
  std::string text = specimen().dump();
  text.insert(1, R"("sex": "M", )");
  EXPECT_EQ(problems_in_text(text), Lines{"sex: appears more than once"});
}

TEST(CardJson, MissingFields) {
  for (const char* field : {"surname", "given_names", "sex", "date_of_birth", "nationality",
                            "id_number", "valid_from", "valid_until", "photo"}) {
    const Lines lines = problems_with(field, kRemove);
    ASSERT_FALSE(lines.empty()) << field;
    EXPECT_EQ(lines[0], std::string(field) + ": is required");
  }
  // Optional fields may be left out or null.
  EXPECT_NO_THROW(parse(with("name_zh", kRemove)));
  EXPECT_NO_THROW(parse(with("name_zh", nullptr)));
  EXPECT_NO_THROW(parse(with("renewal_count", kRemove)));
}

TEST(CardJson, WrongJsonTypes) {
  EXPECT_EQ(problems_with("sex", 1), Lines{"sex: must be a string, got number"});
  EXPECT_EQ(problems_with("surname", nullptr), Lines{"surname: must be a string, got null"});
  EXPECT_EQ(problems_with("given_names", Json::array()),
            Lines{"given_names: must be a string, got array"});
  EXPECT_EQ(problems_with("name_zh", Json::object()),
            Lines{"name_zh: must be a string, got object"});
  EXPECT_EQ(problems_with("valid_from", 20230808),
            Lines{"valid_from: must be a string, got number"});
  EXPECT_EQ(problems_with("photo", true), Lines{"photo: must be a string, got boolean"});
  EXPECT_EQ(problems_with("renewal_count", "3"),
            Lines{"renewal_count: must be an integer, got string"});
  EXPECT_EQ(problems_with("renewal_count", 1.5), Lines{"renewal_count: must be a whole number"});
  EXPECT_EQ(problems_with("renewal_count", -1), Lines{"renewal_count: must be between 0 and 99"});
  EXPECT_EQ(problems_with("renewal_count", 100), Lines{"renewal_count: must be between 0 and 99"});
  EXPECT_EQ(problems_with("renewal_count", 18446744073709551615ull),
            Lines{"renewal_count: must be between 0 and 99"});
}

// --- Dates ---

TEST(CardDates, MustBeRealCalendarDates) {
  EXPECT_EQ(problems_with("valid_from", "2023-02-29"),
            Lines{"valid_from: is not a real calendar date"});
  EXPECT_EQ(problems_with("valid_until", "2033-04-31"),
            Lines{"valid_until: is not a real calendar date"});
  EXPECT_EQ(problems_with("valid_from", "2023/08/08"),
            Lines{"valid_from: must be a date written YYYY-MM-DD"});
  EXPECT_EQ(problems_with("valid_from", "2023-8-8"),
            Lines{"valid_from: must be a date written YYYY-MM-DD"});
  EXPECT_EQ(problems_with("valid_from", ""), Lines{"valid_from: must not be empty"});
  EXPECT_NO_THROW(parse(with("valid_from", "2024-02-29")));
}

TEST(CardDates, Order) {
  EXPECT_EQ(problems_with("valid_until", "2023-08-08"),
            Lines{"valid_until: is not after valid_from"});
  EXPECT_EQ(problems_with("valid_until", "2020-01-01"),
            Lines{"valid_until: is not after valid_from"});
  EXPECT_EQ(problems_with("valid_from", "1979-12-31"), Lines{"date_of_birth: is after valid_from"});
  EXPECT_NO_THROW(parse(with("valid_from", "1980-01-01")));  // issued on the day of birth
}

// --- Sex and nationality ---

TEST(CardFields, Sex) {
  for (const char* value : {"m", "X", "MALE", "男", " F"})
    EXPECT_EQ(problems_with("sex", value), Lines{"sex: must be \"M\" or \"F\""}) << value;
}

TEST(CardFields, Nationality) {
  EXPECT_EQ(problems_with("nationality", "XXX"),
            Lines{"nationality: is not an ISO 3166-1 alpha-3 code"});
  EXPECT_EQ(problems_with("nationality", "pak"),
            Lines{"nationality: must be an ISO 3166-1 alpha-3 code (3 capital letters)"});
  EXPECT_EQ(problems_with("nationality", "PK"),
            Lines{"nationality: must be an ISO 3166-1 alpha-3 code (3 capital letters)"});
}

// --- ID number ---

TEST(CardIdNumber, WrongCheckCharacter) {
  EXPECT_EQ(problems_with("id_number", "931586198001010029"),
            Lines{"id_number: check character is 9, expected 8"});
  Json canada = sample(9);
  canada["id_number"] = "931124197510100783";
  EXPECT_EQ(problems_in(canada), Lines{"id_number: check character is 3, expected X"});
}

TEST(CardIdNumber, BirthDateDisagrees) {
  EXPECT_EQ(problems_with("date_of_birth", "1980-01-02"),
            Lines{"id_number: birth date in the number disagrees with date_of_birth"});
  EXPECT_EQ(problems_with("date_of_birth", "1981-01-01"),
            Lines{"id_number: birth date in the number disagrees with date_of_birth"});
}

TEST(CardIdNumber, SexDisagrees) {
  EXPECT_EQ(problems_with("sex", "M"), Lines{"id_number: sex in the number disagrees with sex"});
}

TEST(CardIdNumber, NationalityDisagrees) {
  EXPECT_EQ(problems_with("nationality", "USA"),
            Lines{"id_number: nationality in the number disagrees with nationality"});
}

TEST(CardIdNumber, NationalityCodeNotInTheTable) {
  EXPECT_EQ(problems_with("id_number", "931999198001010021"),
            Lines{"id_number: nationality code in the number (positions 4-6) is not an ISO "
                  "3166-1 numeric code"});
}

TEST(CardIdNumber, NumberProblemsCarryTheFieldName) {
  EXPECT_EQ(problems_with("id_number", "93158619800101002"),
            Lines{"id_number: is 17 characters long; expected 18 (2023 card) or 15 (2017 card)"});
  EXPECT_EQ(problems_with("id_number", "916586198001010029"),
            Lines{"id_number: positions 2-3 are not a province-level code (GB/T 2260)"});
  EXPECT_EQ(problems_with("id_number", "11010519491231002X"),
            Lines{"id_number: does not start with 9, the mark of a foreigner's number"});
  EXPECT_EQ(problems_with("id_number", ""), Lines{"id_number: must not be empty"});
  EXPECT_EQ(problems_with("id_number", "9315861980010100\a8"),
            Lines{"id_number: contains a control character (U+0007)"});
}

TEST(CardIdNumber, EveryDisagreementAtOnce) {
  Json record = specimen();
  record["id_number"] = "911840198101020013";  // USA, 1981-01-02, male, wrong check (is 3)
  EXPECT_EQ(problems_in(record),
            (Lines{"id_number: check character is 3, expected 6",
                   "id_number: birth date in the number disagrees with date_of_birth",
                   "id_number: sex in the number disagrees with sex",
                   "id_number: nationality in the number disagrees with nationality"}));
}

TEST(CardIdNumber, OldNumberOnThe2023Card) {
  const Card dubois = parse(sample(7));
  EXPECT_EQ(*dubois.text("id_number"), "FRA310078090226");
  EXPECT_NO_THROW(parse(with("id_number", "PAK310080010103")));  // the specimen's old number

  Json record = sample(7);
  record["sex"] = "M";
  record["nationality"] = "DEU";
  record["date_of_birth"] = "1978-09-03";
  EXPECT_EQ(problems_in(record),
            (Lines{"id_number: birth date in the number disagrees with date_of_birth",
                   "id_number: sex in the number disagrees with sex",
                   "id_number: nationality in the number disagrees with nationality"}));

  // The 2017 number has no century: 1878 and 1978 both write 78.
  record = sample(7);
  record["date_of_birth"] = "1878-09-02";
  EXPECT_NO_THROW(parse(record));

  EXPECT_EQ(problems_with("id_number", "PAK310080010104"),
            Lines{"id_number: check digit is 4, expected 3"});
  record = specimen();
  record["id_number"] = "XXX310080010101";
  EXPECT_EQ(problems_in(record), Lines{"id_number: nationality code in the number (positions 1-3) "
                                       "is not an ISO 3166-1 alpha-3 code"});
}

TEST(CardIdNumber, Fprc2017TakesOnlyThe15CharacterNumber) {
  EXPECT_NO_THROW(parse(sample(8)));
  Json record = specimen();
  record["type"] = "fprc-2017";
  EXPECT_EQ(problems_in(record),
            Lines{"id_number: has 18 characters, the 2023 card's form; a fprc-2017 card has a "
                  "15-character number"});
  record["id_number"] = "PAK310080010103";
  EXPECT_NO_THROW(parse(record));
}

// --- Latin names ---

TEST(CardLatinName, Accepted) {
  for (const char* name :
       {"MÜLLER-LÜDENSCHEIDT", "O'BRIEN", "O’BRIEN", "ST. JOHN", "José", "JOSE\u0301",
        "NGUYE\u0323\u0302N", "ĐẶNG", "ØSTERGÅRD", "ŁUKASZ", "ẞTRASSE", "DE LA CRUZ", "ÇELİK"}) {
    Json record = specimen();
    record["surname"] = name;
    EXPECT_NO_THROW(parse(record)) << name;
  }
  EXPECT_NO_THROW(parse(with("given_names", "")));
}

TEST(CardLatinName, Emoji) {
  EXPECT_EQ(surname_problems("ZHENG😀JIAN"), Lines{"surname: contains an emoji (U+1F600)"});
  EXPECT_EQ(surname_problems("ZHENGJIAN 🇨🇳"), Lines{"surname: contains an emoji (U+1F1E8)"});
  EXPECT_EQ(problems_with("given_names", "YANG❤️BEN"),
            Lines{"given_names: contains an emoji (U+2764)"});
}

TEST(CardLatinName, ControlAndInvisibleCharacters) {
  EXPECT_EQ(surname_problems("ZHENG\u0007JIAN"),
            Lines{"surname: contains a control character (U+0007)"});
  EXPECT_EQ(surname_problems("ZHENG\tJIAN"),
            Lines{"surname: contains a control character (U+0009)"});
  EXPECT_EQ(surname_problems(std::string("ZHENG\0JIAN", 10)),
            Lines{"surname: contains a control character (U+0000)"});
  EXPECT_EQ(surname_problems("ZHENG\u200BJIAN"),
            Lines{"surname: contains an invisible formatting character (U+200B)"});
  EXPECT_EQ(surname_problems("ZHENG\u00ADJIAN"),  // soft hyphen
            Lines{"surname: contains an invisible formatting character (U+00AD)"});
  EXPECT_EQ(surname_problems("ZHENG\uE000JIAN"),
            Lines{"surname: contains an unassigned or private-use character (U+E000)"});
}

TEST(CardLatinName, Length) {
  EXPECT_EQ(surname_problems(std::string(3000, 'A')),
            Lines{"surname: is 3000 characters long; at most 64"});
  EXPECT_EQ(surname_problems(std::string(65, 'A')),
            Lines{"surname: is 65 characters long; at most 64"});
  EXPECT_NO_THROW(parse(with("surname", std::string(64, 'A'))));
  std::string umlauts;  // 64 characters, 128 bytes: code points count, not bytes
  for (int i = 0; i < 64; ++i) umlauts += "Ü";
  EXPECT_NO_THROW(parse(with("surname", umlauts)));
  EXPECT_EQ(problems_with("given_names", std::string(65, 'B')),
            Lines{"given_names: is 65 characters long; at most 64"});
}

TEST(CardLatinName, Spaces) {
  EXPECT_EQ(surname_problems(" ZHENGJIAN"), Lines{"surname: starts with a space"});
  EXPECT_EQ(surname_problems("ZHENGJIAN "), Lines{"surname: ends with a space"});
  EXPECT_EQ(surname_problems("ZHENG  JIAN"), Lines{"surname: contains two spaces in a row"});
  EXPECT_EQ(surname_problems("ZHENG\u00A0JIAN"),
            Lines{"surname: contains a space other than U+0020 (U+00A0)"});
  EXPECT_EQ(surname_problems(" "),
            (Lines{"surname: starts with a space", "surname: ends with a space",
                   "surname: contains no letter"}));
  EXPECT_EQ(surname_problems(""), Lines{"surname: must not be empty"});
}

TEST(CardLatinName, OtherCharacters) {
  EXPECT_EQ(surname_problems("ZHENGJIAN2"), Lines{"surname: contains a digit (U+0032)"});
  EXPECT_EQ(surname_problems("ZHENG1JIAN2"), Lines{"surname: contains a digit (U+0031)"});
  EXPECT_EQ(surname_problems("ИВАНОВ"),
            Lines{"surname: contains a Cyrillic letter (U+0418); only Latin letters are allowed"});
  EXPECT_EQ(surname_problems("ZHENGJIANΑ"),  // Greek capital alpha
            Lines{"surname: contains a Greek letter (U+0391); only Latin letters are allowed"});
  EXPECT_EQ(surname_problems("郑"),
            Lines{"surname: contains a Chinese (Han) letter (U+90D1); only Latin letters are "
                  "allowed"});
  EXPECT_EQ(surname_problems("ZHENG, JIAN"),
            Lines{"surname: contains a punctuation mark that is not allowed (U+002C); only "
                  "hyphen, apostrophe and period are"});
  EXPECT_EQ(surname_problems("ZHENG+JIAN"), Lines{"surname: contains a symbol (U+002B)"});
  EXPECT_EQ(surname_problems("ＺＨＥＮＧ"),
            Lines{"surname: contains a letter form not used in names (U+FF3A)"});
  EXPECT_EQ(surname_problems("ZHENGJIAN\uFB01"),
            Lines{"surname: contains a letter form not used in names (U+FB01)"});
  EXPECT_EQ(surname_problems("-"), Lines{"surname: contains no letter"});
}

TEST(CardLatinName, CombiningMarks) {
  EXPECT_EQ(surname_problems("\u0301ZHENG"),
            Lines{"surname: contains a combining mark that follows no letter (U+0301)"});
  EXPECT_EQ(surname_problems("ZHENG \u0301JIAN"),
            Lines{"surname: contains a combining mark that follows no letter (U+0301)"});
  EXPECT_EQ(surname_problems("ZHE\u0483NG"),
            Lines{"surname: contains a combining mark that is not a Latin diacritic (U+0483)"});
  EXPECT_EQ(surname_problems("ZHE\u0301\u0302\u0303NG"),
            Lines{"surname: has a letter with more than 2 combining marks"});
}

TEST(CardLatinName, EachKindOnceInOrder) {
  EXPECT_EQ(
      surname_problems("1😀2😀\u0007"),
      (Lines{"surname: contains a digit (U+0031)", "surname: contains an emoji (U+1F600)",
             "surname: contains a control character (U+0007)", "surname: contains no letter"}));
}

// --- Chinese names ---

TEST(CardChineseName, Accepted) {
  for (const char* name : {"证件样本", "阿卜杜拉·穆罕默德", "佐々木", "史", "〇一"}) {
    Json record = specimen();
    record["name_zh"] = name;
    EXPECT_NO_THROW(parse(record)) << name;
  }
}

TEST(CardChineseName, EmptyIsAProblem) {
  EXPECT_EQ(name_zh_problems(""),
            Lines{"name_zh: must not be empty; leave the field out when there is none"});
}

TEST(CardChineseName, Separators) {
  EXPECT_EQ(name_zh_problems("约翰•史密斯"),
            Lines{"name_zh: separates names with (U+2022); write the middle dot U+00B7"});
  EXPECT_EQ(name_zh_problems("约翰・史密斯"),
            Lines{"name_zh: separates names with (U+30FB); write the middle dot U+00B7"});
  EXPECT_EQ(name_zh_problems("·约翰"), Lines{"name_zh: starts with the middle dot"});
  EXPECT_EQ(name_zh_problems("约翰·"), Lines{"name_zh: ends with the middle dot"});
  EXPECT_EQ(name_zh_problems("约翰··史密斯"), Lines{"name_zh: contains two middle dots in a row"});
}

TEST(CardChineseName, OtherCharacters) {
  EXPECT_EQ(name_zh_problems("史 约翰"),
            Lines{"name_zh: contains a space (U+0020); Chinese names are written without spaces"});
  EXPECT_EQ(name_zh_problems("John"),
            Lines{"name_zh: contains a Latin letter (U+004A); only Chinese characters and the "
                  "middle dot U+00B7 are allowed"});
  EXPECT_EQ(name_zh_problems("山田はなこ"),
            Lines{"name_zh: contains a Hiragana letter (U+306F); only Chinese characters and the "
                  "middle dot U+00B7 are allowed"});
  EXPECT_EQ(name_zh_problems("史约翰1"), Lines{"name_zh: contains a digit (U+0031)"});
  EXPECT_EQ(name_zh_problems("史约翰。"),
            Lines{"name_zh: contains a character that is not a Chinese character (U+3002); only "
                  "Chinese characters and the middle dot U+00B7 are allowed"});
  EXPECT_EQ(name_zh_problems("史\u0007约翰"),
            Lines{"name_zh: contains a control character (U+0007)"});
  EXPECT_EQ(name_zh_problems("史约翰😀"), Lines{"name_zh: contains an emoji (U+1F600)"});
}

TEST(CardChineseName, AtMost15Characters) {
  std::string fifteen, sixteen;
  for (int i = 0; i < 15; ++i) fifteen += "阿";
  sixteen = fifteen + "阿";
  EXPECT_NO_THROW(parse(with("name_zh", fifteen)));
  EXPECT_EQ(name_zh_problems(sixteen), Lines{"name_zh: is 16 characters long; at most 15"});
}

// --- Photo ---

TEST(CardPhoto, ResolvedAgainstTheBaseDirectory) {
  EXPECT_EQ(parse(with("photo", "./photos/../photos/s03.png")).photo, kSamples / "photos/s03.png");
  const fs::path absolute = kSamples / "photos/s05.png";
  EXPECT_EQ(parse(with("photo", absolute.string())).photo, absolute);
}

TEST(CardPhoto, MustBeAnExistingFile) {
  EXPECT_EQ(problems_with("photo", "photos/none.png"),
            Lines{"photo: file not found (relative paths start at the data file's directory)"});
  EXPECT_EQ(problems_with("photo", "photos"), Lines{"photo: is not a regular file"});
  EXPECT_EQ(problems_with("photo", ""), Lines{"photo: must not be empty"});
  EXPECT_EQ(problems_with("photo", "photos/s00.png\u0007"),
            Lines{"photo: contains a control character (U+0007)"});
}

// --- All problems at once, and no personal data in them ---

TEST(CardProblems, EveryProblemAtOnce) {
  const std::string text = R"({
    "type": "fprc-2023", "surnmae": "ZHENGJIAN", "given_names": "YANG😀BEN",
    "name_zh": "证件 样本", "sex": 1, "date_of_birth": "1980-01-01", "nationality": "XXX",
    "id_number": "931586198001010029", "valid_from": "2023-02-29", "valid_until": "2033-08-07",
    "photo": "photos/missing.png", "renewal_count": 100})";
  EXPECT_EQ(
      problems_in_text(text),
      (Lines{"surnmae: unknown field; did you mean \"surname\"?", "surname: is required",
             "given_names: contains an emoji (U+1F600)",
             "name_zh: contains a space (U+0020); Chinese names are written without spaces",
             "sex: must be a string, got number", "nationality: is not an ISO 3166-1 alpha-3 code",
             "valid_from: is not a real calendar date",
             "photo: file not found (relative paths start at the data file's directory)",
             "renewal_count: must be between 0 and 99",
             "id_number: check character is 9, expected 8"}));
}

TEST(CardProblems, WhatListsEveryProblem) {
  Json record = specimen();
  record["sex"] = "M";
  record["valid_until"] = "2023-08-08";
  try {
    parse(record);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "valid_until: is not after valid_from\n"
                 "id_number: sex in the number disagrees with sex");
  }
}

// A record full of distinctive wrong values: no problem may quote one of them.
TEST(CardProblems, MessagesDoNotEchoTheHoldersValues) {
  const Json record = {
      {"type", "fprc-2023"},
      {"surname", "QWERTYSUR😀"},
      {"given_names", "ASDFGIVEN\u0007"},
      {"name_zh", "证件样本Zxcvname"},
      {"sex", "MALEISH"},
      {"date_of_birth", "1999-99-99"},
      {"nationality", "QQQ"},
      {"id_number", "931586198001010029"},
      {"valid_from", "2023-02-29"},
      {"valid_until", "20330807"},
      {"photo", "photos/secret-holder-name.png"},
      {"renewal_count", 54321},
      {"surnmae", "LKJHSURNMAE"},
  };
  try {
    parse(record);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.problems().size(), 12u) << what;  // the 11 fields and surnmae
    for (const auto& [key, value] : record.items()) {
      if (key == "type") continue;
      const std::string shown = value.is_string() ? value.get<std::string>() : value.dump();
      for (const std::string& fragment :
           {shown, shown.substr(0, 6), shown.size() > 6 ? shown.substr(shown.size() - 6) : ""}) {
        if (fragment.size() < 3) continue;
        EXPECT_EQ(what.find(fragment), std::string::npos) << fragment << " in\n" << what;
      }
    }
    for (const char* fragment : {"QWERTY", "ASDF", "Zxcv", "MALEISH", "QQQ", "1999", "secret",
                                 "54321", "LKJH", "931586198001010029"})
      EXPECT_EQ(what.find(fragment), std::string::npos) << fragment << " in\n" << what;
  }
}

// --- load_card ---

class CardFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cardface-card-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "faces");
    fs::copy_file(kSamples / "photos/s00.png", dir_ / "faces/holder.png");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }

  fs::path dir_;
};

TEST_F(CardFile, PhotoResolvesAgainstTheFilesDirectory) {
  Json record = specimen();
  record["photo"] = "faces/holder.png";
  const Card card = load_card(write("card.json", record.dump()));
  EXPECT_EQ(card.photo, dir_ / "faces/holder.png");
  EXPECT_EQ(*card.text("surname"), "ZHENGJIAN");
}

TEST_F(CardFile, Unreadable) {
  for (const fs::path& file : {dir_ / "missing.json", dir_ / "faces"}) {
    try {
      load_card(file);
      FAIL() << "no error for " << file;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::file);
      EXPECT_EQ(e.problems().at(0).where, file.string());
      EXPECT_EQ(e.problems().at(0).message.rfind("cannot read: ", 0), 0u)
          << e.problems().at(0).message;
    }
  }
}

TEST_F(CardFile, MalformedJsonNamesTheFile) {
  const fs::path file = write("card.json", "{\"type\": ");
  try {
    load_card(file);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data);
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].where, file.string());
    EXPECT_EQ(e.problems()[0].message.rfind("is not valid JSON: ", 0), 0u);
  }
}

TEST_F(CardFile, FieldProblemsNameTheField) {
  Json record = specimen();
  record["photo"] = "faces/holder.png";
  record["sex"] = "M";
  try {
    load_card(write("card.json", record.dump()));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.problems().at(0).where, "id_number");
  }
}

}  // namespace
}  // namespace cardface
