// The td1 card type: a generic ICAO Doc 9303 TD1 identity card. Expected values come from
// ../shared/FACTS.md (the Doc 9303 Part 5 specimen, ERIKSSON ANNA MARIA of Utopia).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "card/card_type.h"
#include "card_records.h"
#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
using namespace test;

Json eriksson() {
  return {{"type", "td1"},
          {"document_number", "D23145890"},
          {"surname", "ERIKSSON"},
          {"given_names", "ANNA MARIA"},
          {"sex", "F"},
          {"date_of_birth", "1974-08-12"},
          {"date_of_expiry", "2012-04-15"},
          {"nationality", "UTO"},
          {"issuing_state", "UTO"},
          {"photo", "photos/s05.png"}};
}

Json with(std::string_view field, const Json& value) {
  return with_field(eriksson(), field, value);
}

Lines problems_with(std::string_view field, const Json& value) {
  return problems_in(with(field, value));
}

TEST(CardTd1, SpecimenParses) {
  const Card card = parse(eriksson());
  EXPECT_EQ(card.type, "td1");
  EXPECT_EQ(*card.text("document_number"), "D23145890");
  EXPECT_EQ(*card.text("surname"), "ERIKSSON");
  EXPECT_EQ(*card.text("given_names"), "ANNA MARIA");
  EXPECT_EQ(*card.text("sex"), "F");
  EXPECT_EQ(*card.date("date_of_birth"), (Date{1974, 8, 12}));
  EXPECT_EQ(*card.date("date_of_expiry"), (Date{2012, 4, 15}));
  EXPECT_EQ(*card.text("nationality"), "UTO");
  EXPECT_EQ(*card.text("issuing_state"), "UTO");
  EXPECT_EQ(card.photo, kSamples / "photos" / "s05.png");
  EXPECT_EQ(card.text("optional_data"), nullptr);
}

TEST(CardTd1, SampleFileParses) {
  const Card card = load_card(kSamples / "eriksson-anna-maria.json");
  EXPECT_EQ(card.type, "td1");
  EXPECT_EQ(*card.text("document_number"), "D23145890");
  EXPECT_EQ(card.photo, kSamples / "photos" / "s05.png");
}

TEST(CardTd1, DerivedKeys) {
  const Card card = parse(eriksson());
  EXPECT_EQ(text_of(card.lookup("name.en")), "ERIKSSON, ANNA MARIA");
  EXPECT_EQ(text_of(card.lookup("sex.en")), "FEMALE");
  EXPECT_EQ(text_of(card.lookup("nationality.en")), "Utopia");
  EXPECT_EQ(text_of(card.lookup("issuing_state.en")), "Utopia");
  EXPECT_EQ(card.lookup("name.zh"), std::nullopt);
  EXPECT_EQ(card.lookup("sex.zh"), std::nullopt);

  Json other = with("nationality", "SWE");
  other["sex"] = "X";
  const Card swede = parse(other);
  EXPECT_EQ(text_of(swede.lookup("nationality.en")), "Sweden");
  EXPECT_EQ(text_of(swede.lookup("sex.en")), "UNSPECIFIED");
  EXPECT_EQ(text_of(parse(with("sex", "M")).lookup("sex.en")), "MALE");
}

TEST(CardTd1, LookupKeysCoverEveryFieldAndDerivedKey) {
  const card::CardType* type = card::find_card_type("td1");
  ASSERT_NE(type, nullptr);
  const auto keys = card::lookup_keys(*type);
  for (const card::FieldSpec& f : type->fields)
    EXPECT_NE(std::find(keys.begin(), keys.end(), f.name), keys.end()) << f.name;
  for (const char* key : {"type", "name.en", "sex.en", "nationality.en", "issuing_state.en"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  EXPECT_TRUE(parse(eriksson()).knows("optional_data"));
  EXPECT_FALSE(parse(eriksson()).knows("name.zh"));
}

TEST(CardTd1, DocumentNumber) {
  EXPECT_NO_THROW(parse(with("document_number", "1234567890123456789012")));  // 22
  EXPECT_NO_THROW(parse(with("document_number", "1")));
  const Lines bad = {"document_number: must be 1 to 22 characters, each A-Z or 0-9"};
  EXPECT_EQ(problems_with("document_number", "d23145890"), bad);
  EXPECT_EQ(problems_with("document_number", "D2314-5890"), bad);
  EXPECT_EQ(problems_with("document_number", "D23145890<"), bad);
  EXPECT_EQ(problems_with("document_number", "12345678901234567890123"), bad);  // 23
  EXPECT_EQ(problems_with("document_number", ""), Lines{"document_number: must not be empty"});
  EXPECT_EQ(problems_with("document_number", Json::value_t::discarded),
            Lines{"document_number: is required"});
}

TEST(CardTd1, Sex) {
  const Lines bad = {"sex: must be \"M\", \"F\" or \"X\""};
  EXPECT_EQ(problems_with("sex", "f"), bad);
  EXPECT_EQ(problems_with("sex", "<"), bad);
  EXPECT_EQ(problems_with("sex", "FEMALE"), bad);
}

TEST(CardTd1, States) {
  for (const char* code : {"XXA", "XXB", "XXC", "XXX", "EUE", "UNO", "UNA", "UNK", "SWE"})
    EXPECT_NO_THROW(parse(with("issuing_state", code))) << code;
  EXPECT_EQ(problems_with("nationality", "QQQ"),
            Lines{"nationality: is neither an ISO 3166-1 alpha-3 code nor a code ICAO reserves "
                  "(UTO, XXA, XXB, XXC, XXX, EUE, UNO, UNA, UNK)"});
  EXPECT_EQ(problems_with("issuing_state", "QQQ"),
            Lines{"issuing_state: is neither an ISO 3166-1 alpha-3 code nor a code ICAO reserves "
                  "(UTO, XXA, XXB, XXC, XXX, EUE, UNO, UNA, UNK)"});
  const Lines shape = {"issuing_state: must be a 3-letter code in capital letters"};
  EXPECT_EQ(problems_with("issuing_state", "uto"), shape);
  EXPECT_EQ(problems_with("issuing_state", "D<<"), shape);
  EXPECT_EQ(problems_with("issuing_state", "SE"), shape);
}

TEST(CardTd1, ExpiryMustFollowBirth) {
  EXPECT_EQ(problems_with("date_of_expiry", "1970-01-01"),
            Lines{"date_of_expiry: is not after date_of_birth"});
  EXPECT_EQ(problems_with("date_of_expiry", "1974-08-12"),
            Lines{"date_of_expiry: is not after date_of_birth"});
}

TEST(CardTd1, OptionalData) {
  EXPECT_EQ(*parse(with("optional_data", "ABC<123456789<<")).text("optional_data"),
            "ABC<123456789<<");  // 15
  EXPECT_EQ(parse(with("optional_data", "")).lookup("optional_data"), std::nullopt);
  EXPECT_EQ(parse(with("optional_data", nullptr)).text("optional_data"), nullptr);
  const Lines bad = {"optional_data: must be at most 15 characters, each A-Z, 0-9 or <"};
  EXPECT_EQ(problems_with("optional_data", "ABC<1234567890<<"), bad);  // 16
  EXPECT_EQ(problems_with("optional_data", "abc"), bad);
}

TEST(CardTd1, NamesFollowTheLatinRules) {
  EXPECT_NO_THROW(parse(with("given_names", "")));
  EXPECT_EQ(problems_with("given_names", Json::value_t::discarded),
            Lines{"given_names: is required"});
  EXPECT_EQ(problems_with("surname", "").front(), "surname: must not be empty");
  EXPECT_EQ(problems_with("surname", "ERIKSSON2").size(), 1u);
  EXPECT_EQ(problems_with("surname", "ERIKSSON2").front().rfind("surname: ", 0), 0u);
}

TEST(CardTd1, EveryProblemAtOnceWithoutTheHoldersValues) {
  Json record = eriksson();
  record["document_number"] = "qwerty-77";
  record["sex"] = "MALEISH";
  record["nationality"] = "QQQ";
  record["date_of_expiry"] = "1901-02-03";
  const Lines found = problems_in(record);
  EXPECT_EQ(found, (Lines{"document_number: must be 1 to 22 characters, each A-Z or 0-9",
                          "sex: must be \"M\", \"F\" or \"X\"",
                          "date_of_expiry: is not after date_of_birth",
                          "nationality: is neither an ISO 3166-1 alpha-3 code nor a code ICAO "
                          "reserves (UTO, XXA, XXB, XXC, XXX, EUE, UNO, UNA, UNK)"}));
  for (const std::string& line : found)
    for (const char* value : {"qwerty", "MALEISH", "QQQ", "1901"})
      EXPECT_EQ(line.find(value), std::string::npos) << line;
}

}  // namespace
}  // namespace cardface
