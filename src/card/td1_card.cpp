#include "card/td1_card.h"

#include <algorithm>
#include <array>
#include <utility>

#include "card/countries.h"

namespace cardface::card {
namespace {

// Codes ICAO Doc 9303 Part 3 reserves beside ISO 3166-1, with the English names cardface prints.
// UTO is the fictional state of Doc 9303's specimens.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kReservedCodes = {{
    {"UTO", "Utopia"},
    {"XXA", "Stateless person"},
    {"XXB", "Refugee"},
    {"XXC", "Refugee (other)"},
    {"XXX", "Unspecified nationality"},
    {"EUE", "European Union"},
    {"UNO", "United Nations"},
    {"UNA", "United Nations specialized agency"},
    {"UNK", "Kosovo (UNMIK)"},
}};

// Sex and the two states are `text` fields for the reader (its `sex` and `country` kinds know
// neither X nor the reserved codes); this file checks them.
std::vector<FieldSpec> td1_fields() {
  return {
      {.name = "document_number", .kind = FieldKind::text},
      {.name = "surname", .kind = FieldKind::latin_name, .max_chars = 64},
      {.name = "given_names", .kind = FieldKind::latin_name, .allow_empty = true, .max_chars = 64},
      {.name = "sex", .kind = FieldKind::text},
      {.name = "date_of_birth", .kind = FieldKind::date},
      {.name = "date_of_expiry", .kind = FieldKind::date},
      {.name = "nationality", .kind = FieldKind::text},
      {.name = "issuing_state", .kind = FieldKind::text},
      {.name = "optional_data", .kind = FieldKind::text, .required = false, .allow_empty = true},
      {.name = "photo", .kind = FieldKind::photo},
  };
}

bool only(std::string_view text, bool (*allowed)(char)) {
  return std::all_of(text.begin(), text.end(), allowed);
}
bool capital_or_digit(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool capital(char c) {
  return c >= 'A' && c <= 'Z';
}
bool mrz_character(char c) {
  return capital_or_digit(c) || c == '<';
}

std::optional<std::string_view> reserved_name(std::string_view code) {
  for (const auto& [reserved, name] : kReservedCodes)
    if (reserved == code) return name;
  return std::nullopt;
}

void check_state(const Card& card, std::string_view field, std::vector<Problem>& out) {
  const std::string* code = card.text(field);
  if (!code) return;
  if (code->size() != 3 || !only(*code, capital))
    out.push_back({std::string(field), "must be a 3-letter code in capital letters"});
  else if (!find_country_alpha3(*code) && !reserved_name(*code))
    out.push_back({std::string(field),
                   "is neither an ISO 3166-1 alpha-3 code nor a code ICAO reserves (UTO, XXA, "
                   "XXB, XXC, XXX, EUE, UNO, UNA, UNK)"});
}

void check_td1(const Card& card, std::vector<Problem>& out) {
  if (const std::string* number = card.text("document_number");
      number && (number->size() > 22 || !only(*number, capital_or_digit)))
    out.push_back({"document_number", "must be 1 to 22 characters, each A-Z or 0-9"});
  if (const std::string* sex = card.text("sex"); sex && *sex != "M" && *sex != "F" && *sex != "X")
    out.push_back({"sex", "must be \"M\", \"F\" or \"X\""});
  const Date* birth = card.date("date_of_birth");
  const Date* expiry = card.date("date_of_expiry");
  if (birth && expiry && !(*birth < *expiry))
    out.push_back({"date_of_expiry", "is not after date_of_birth"});
  check_state(card, "nationality", out);
  check_state(card, "issuing_state", out);
  if (const std::string* data = card.text("optional_data");
      data && (data->size() > 15 || !only(*data, mrz_character)))
    out.push_back({"optional_data", "must be at most 15 characters, each A-Z, 0-9 or <"});
}

std::optional<FieldValue> state_name(const Card& card, std::string_view field) {
  const std::string* code = card.text(field);
  if (!code) return std::nullopt;
  if (const Country* country = find_country_alpha3(*code)) return country->name_en;
  if (const auto name = reserved_name(*code)) return std::string(*name);
  return std::nullopt;
}

}  // namespace

CardType td1_card_type() {
  return {kTd1TypeName, td1_fields(), check_td1};
}

std::optional<FieldValue> td1_derived_value(const Card& card, std::string_view key) {
  if (key == "sex.en") {
    const std::string* sex = card.text("sex");
    if (!sex) return std::nullopt;
    if (*sex == "M") return std::string("MALE");
    if (*sex == "F") return std::string("FEMALE");
    if (*sex == "X") return std::string("UNSPECIFIED");
    return std::nullopt;
  }
  if (key == "nationality.en") return state_name(card, "nationality");
  if (key == "issuing_state.en") return state_name(card, "issuing_state");
  return std::nullopt;
}

std::vector<std::string> td1_derived_keys() {
  return {"sex.en", "nationality.en", "issuing_state.en"};
}

}  // namespace cardface::card
