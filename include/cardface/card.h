// The holder's record: typed, validated data of one card type. The engine knows no country;
// the card type's rules (src/card/card_type, src/card/fprc) decide which fields exist and what is
// valid.
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cardface/export.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // YYYY-MM-DD
  // Parses YYYY-MM-DD strictly; nullopt when malformed or not a real calendar date.
  static std::optional<Date> parse_iso(std::string_view text);
};

using FieldValue = std::variant<std::string, Date, std::int64_t>;

struct Card {
  std::string type;                          // "fprc-2023", "fprc-2017", ...
  std::map<std::string, FieldValue> fields;  // by data field name, validated
  std::filesystem::path photo;               // resolved against the data file; empty if none

  const std::string* text(std::string_view name) const;
  const Date* date(std::string_view name) const;
  const std::int64_t* integer(std::string_view name) const;

  // A value a template may bind: a data field (`surname`) or a value the card type derives
  // from them (`name.en`, `sex.zh`, `nationality.zh`). nullopt when absent or empty.
  std::optional<FieldValue> lookup(std::string_view key) const;
  // Whether `key` is a field or derived value of this card's type, present or not: a
  // template placeholder with an unknown key is a template error, not an empty string.
  bool knows(std::string_view key) const;
};

// Reads and validates one record. Relative photo paths resolve against `base_dir`.
// Throws Error(ErrorKind::data) listing every problem, each naming its field.
Card parse_card(std::string_view json_text, const std::filesystem::path& base_dir);

// Reads DATA.json from disk (Error(ErrorKind::file) when unreadable), then parse_card.
Card load_card(const std::filesystem::path& file);

// Card types known now, e.g. {"fprc-2017", "fprc-2023", "td1"}: the bundled card-types/
// folder, the types added by add_card_types, and every card-type.json of a template folder
// loaded so far (docs/card-types.md).
std::vector<std::string> card_types();

// Adds every *.json of DIR as a card type, or, for a template folder, its card-type.json.
// Throws Error(ErrorKind::tmpl) naming the type file and JSON path of each fault.
void add_card_types(const std::filesystem::path& dir);

struct CardTypeSummary {
  std::string name;
  std::string description;
  std::filesystem::path source;  // the type file
};
std::vector<CardTypeSummary> card_type_summaries();

// What a record of the type holds, as text for a person: fields with kind and limits, rules,
// derived values, seal. Error(ErrorKind::data, "type", ...) for an unknown name.
std::string describe_card_type(const std::string& name);

}  // namespace cardface
CARDFACE_CXX_API_END
