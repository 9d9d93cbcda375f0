#include "cardface/card.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "card/card_type.h"
#include "cardface/error.h"

namespace cardface {
namespace {

template <typename T>
const T* field_as(const std::map<std::string, FieldValue>& fields, std::string_view name) {
  const auto it = fields.find(std::string(name));
  return it == fields.end() ? nullptr : std::get_if<T>(&it->second);
}

}  // namespace

const std::string* Card::text(std::string_view name) const {
  return field_as<std::string>(fields, name);
}

const Date* Card::date(std::string_view name) const {
  return field_as<Date>(fields, name);
}

const std::int64_t* Card::integer(std::string_view name) const {
  return field_as<std::int64_t>(fields, name);
}

std::optional<FieldValue> Card::lookup(std::string_view key) const {
  if (key == "type") return type.empty() ? std::nullopt : std::optional<FieldValue>(type);
  const card::CardType* card_type = card::find_card_type(type);
  if (const auto it = fields.find(std::string(key)); it != fields.end()) {
    if (const auto* s = std::get_if<std::string>(&it->second); s && s->empty()) return std::nullopt;
    // A boolean that is false reads as absent, so `"if": "visitor"` means "when true".
    if (const card::FieldSpec* spec = card_type ? card_type->field(key) : nullptr;
        spec && spec->kind == card::FieldKind::boolean &&
        it->second == FieldValue(std::string("false")))
      return std::nullopt;
    return it->second;
  }
  if (card_type) return card::derived_value(*card_type, *this, key);
  return std::nullopt;
}

bool Card::knows(std::string_view key) const {
  const card::CardType* card_type = card::find_card_type(type);
  if (!card_type) return fields.count(std::string(key)) > 0;
  const auto keys = card::lookup_keys(*card_type);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> card_types() {
  std::vector<std::string> names;
  for (const auto& t : card::known_card_types()) names.push_back(t->name);
  return names;
}

void add_card_types(const std::filesystem::path& dir) {
  card::add_card_types(dir);
}

std::vector<CardTypeSummary> card_type_summaries() {
  std::vector<CardTypeSummary> out;
  for (const auto& t : card::known_card_types())
    out.push_back({t->name, t->description, t->source});
  return out;
}

std::string describe_card_type(const std::string& name) {
  const card::CardType* type = card::find_card_type(name);
  if (!type) {
    std::string known;
    for (const std::string& n : card_types()) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::data, "type", "is not a known card type; known types: " + known);
  }
  std::ostringstream out;
  out << type->name << "  (" << type->source.string() << ")\n";
  if (!type->description.empty()) out << type->description << "\n";
  out << "\nfields:\n";
  for (const card::FieldSpec& f : type->fields) {
    std::string notes = f.required ? "required" : "optional";
    if (f.allow_empty) notes += ", may be \"\"";
    if (f.max_chars) notes += ", at most " + std::to_string(f.max_chars) + " characters";
    if (f.kind == card::FieldKind::integer)
      notes += ", " + std::to_string(f.min) + " to " + std::to_string(f.max);
    if (!f.characters.empty()) notes += ", characters: " + f.characters;
    if (!f.pattern.empty()) notes += ", pattern: " + f.pattern;
    out << "  " << std::left << std::setw(18) << f.name << " " << std::setw(11)
        << card::kind_name(f.kind) << " " << notes << "\n";
    for (const card::EnumValue& v : f.values) {
      out << "      " << v.code;
      for (const auto& [lang, label] : v.labels) out << "  " << lang << ": " << label;
      out << "\n";
    }
  }
  if (!type->rule_names.empty()) {
    out << "\nrules:";
    for (const std::string& r : type->rule_names) out << " " << r;
    out << "\n";
  }
  if (!type->derived.empty()) {
    out << "\nderived:\n";
    for (const auto& [key, source] : type->derived)
      out << "  " << std::left << std::setw(22) << key << " " << source << "\n";
  }
  if (type->seal) {
    char header[64];
    std::snprintf(header, sizeof header, "feature reference 0x%02X, document category 0x%02X",
                  type->seal->feature_reference, type->seal->document_category);
    out << "\nseal: " << header << ", issuer " << type->seal->issuing_country << " "
        << type->seal->signer << "\n";
    for (const card::SealFeatureSpec& f : type->seal->features) {
      std::snprintf(header, sizeof header, "  0x%02X ", f.tag);
      out << header << f.field << (f.optional ? " (optional)" : "") << "\n";
    }
  }
  return out.str();
}

}  // namespace cardface
