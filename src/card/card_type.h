// A card type is data (docs/card-types.md): the fields its record has (name, kind, required,
// limits), the rules across fields by name with their parameters, the values a template may
// derive, and the seal's content. Bundled types are card-types/*.json; a template folder may
// carry its own card-type.json; `--types DIR` adds a folder. The reader (card_reader.cpp)
// applies the schema; rules that need code are C++ functions the type file names (rules.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface::card {

class Pattern;  // card/pattern.h

// What a field holds and which checks the reader applies; the stored type is in brackets.
enum class FieldKind {
  text,        // printable text, see plain_text_problems(); optionally a character class and
               // a pattern [std::string]
  latin_name,  // a name in Latin script, see latin_name_problems() [std::string]
  han_name,    // a name in Chinese characters, see han_name_problems() [std::string]
  sex,         // "M" or "F" [std::string]
  country,     // an ISO 3166-1 alpha-3 code of the country table [std::string]
  date,        // "YYYY-MM-DD", a real calendar date [Date]
  integer,     // a whole number in [min, max] [std::int64_t]
  photo,       // a file relative to the data file's directory, which must exist
               // [std::string, the resolved path; also Card::photo]
  choice,      // "enum" in a type file: one of listed codes, each with labels per language
               // [std::string, the code]
  boolean,     // JSON true or false [std::string "true" / "false"; false looks up as absent]
};

// The name a type file writes for a kind ("enum" for choice).
std::string_view kind_name(FieldKind kind);

struct EnumValue {
  std::string code;
  std::map<std::string, std::string> labels;  // language ("en", "zh") → label
};

struct FieldSpec {
  std::string name;
  FieldKind kind = FieldKind::text;
  bool required = true;           // optional fields may be left out or given as null
  bool allow_empty = false;       // string kinds: "" is a value, not a problem
  std::size_t max_chars = 0;      // string kinds: at most this many code points; 0: no limit
  std::int64_t min = 0, max = 0;  // integer kind
  std::string characters;         // text: "", "digits", "capitals_digits", "mrz", "latin"
  std::string pattern;            // text: an ECMAScript regular expression the whole must match
  std::shared_ptr<const Pattern> compiled;  // the pattern, compiled once (card/pattern.h)
  std::string pattern_message;    // what to say when it does not ("must match the pattern")
  std::vector<EnumValue> values;  // choice

  const EnumValue* value(std::string_view code) const;
};

// One rule of a type file, ready to run: it appends its problems, each naming a field. Runs
// after every field was read and sees only the fields that passed their own checks.
using RuleCheck = std::function<void(const Card& card, std::vector<Problem>& problems)>;

// Where the seal's content comes from (docs/card-types.md, docs/seal.md).
struct SealFeatureSpec {
  enum class Encoding { type_code, c40, utf8, date };
  std::uint8_t tag = 0;
  std::string field;  // the record's field ("type" for type_code)
  Encoding encoding = Encoding::utf8;
  bool optional = false;  // left out of the message zone when the record has no value
  std::uint8_t code = 0;  // type_code: this type's code
};

struct SealProfile {
  std::string issuing_country;  // 3 characters
  std::string signer;           // 4 characters
  std::string issue_date;       // a date field: the header's issue date
  std::uint8_t feature_reference = 0;
  std::uint8_t document_category = 0;
  std::vector<SealFeatureSpec> features;  // in message-zone order
};

struct CardType {
  std::string name;
  std::string description;
  std::filesystem::path source;  // the type file
  std::vector<FieldSpec> fields;
  std::vector<RuleCheck> rules;
  std::vector<std::string> rule_names;         // for `cardface types NAME`
  std::map<std::string, std::string> derived;  // key → placeholder text
  std::optional<SealProfile> seal;

  const FieldSpec* field(std::string_view name) const;
};

// Reads one type file. Throws Error(ErrorKind::tmpl) listing every fault, each as
// FILE:/json/path.
std::shared_ptr<const CardType> read_card_type_file(const std::filesystem::path& file);

// The known types: the bundled folder (read on first use), then what add_card_types added.
// Thread-safe. Sorted by name.
std::vector<std::shared_ptr<const CardType>> known_card_types();
const CardType* find_card_type(std::string_view name);
std::shared_ptr<const CardType> find_card_type_shared(std::string_view name);

// Adds a type. A name already known from another file with other content is an error naming
// both files; the same content again is no change.
void add_card_type(std::shared_ptr<const CardType> type);
// Adds every *.json of `dir`, or, for a template folder (one with template.json), its
// card-type.json. Error naming the folder when it has neither.
void add_card_types(const std::filesystem::path& dir);

// A value derived from a card's fields by its type's `derived` table. nullopt when the key is
// none of them or it expands to "".
std::optional<FieldValue> derived_value(const CardType& type, const Card& card,
                                        std::string_view key);

// Every key Card::lookup may answer for a card of this type: `type`, the field names, and the
// derived keys. For checking a template's placeholders.
std::vector<std::string> lookup_keys(const CardType& type);

}  // namespace cardface::card
