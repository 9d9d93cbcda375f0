// A card type is data: the fields its record has (name, kind, required, limits) and one
// function for the rules across fields. The reader (card_reader.cpp) applies the schema;
// adding a card type is a schema plus a check function, registered in card_type.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface::card {

// What a field holds and which checks the reader applies; the stored type is in brackets.
enum class FieldKind {
  text,        // printable text, see plain_text_problems() [std::string]
  latin_name,  // a name in Latin script, see latin_name_problems() [std::string]
  han_name,    // a name in Chinese characters, see han_name_problems() [std::string]
  sex,         // "M" or "F" [std::string]
  country,     // an ISO 3166-1 alpha-3 code of the country table [std::string]
  date,        // "YYYY-MM-DD", a real calendar date [Date]
  integer,     // a whole number in [min, max] [std::int64_t]
  photo,       // a file relative to the data file's directory, which must exist
               // [std::string, the resolved path; also Card::photo]
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind = FieldKind::text;
  bool required = true;           // optional fields may be left out or given as null
  bool allow_empty = false;       // string kinds: "" is a value, not a problem
  std::size_t max_chars = 0;      // string kinds: at most this many code points; 0: no limit
  std::int64_t min = 0, max = 0;  // integer kind
};

struct CardType {
  std::string_view name;
  std::vector<FieldSpec> fields;
  // Rules across fields (dates in order, the ID number agreeing with the data). Runs after
  // every field was read and sees only the fields that passed their own checks.
  void (*check)(const Card& card, std::vector<Problem>& problems) = nullptr;

  const FieldSpec* field(std::string_view name) const;
};

// Every card type this build knows, sorted by name.
const std::vector<CardType>& card_type_registry();
const CardType* find_card_type(std::string_view name);

// A value derived from a card's fields: `name.en` (SURNAME, GIVEN NAMES), `name.zh`, and for
// each field F of kind sex `F.en` (MALE/FEMALE) and `F.zh` (男/女), of kind country `F.en`,
// `F.zh`, `F.numeric`, `F.alpha2`. nullopt when the key is none of these or its source is absent.
std::optional<FieldValue> derived_value(const CardType& type, const Card& card,
                                        std::string_view key);

// Every key Card::lookup may answer for a card of this type: `type`, the field names, and the
// derived keys above. For checking a template's placeholders.
std::vector<std::string> lookup_keys(const CardType& type);

}  // namespace cardface::card
