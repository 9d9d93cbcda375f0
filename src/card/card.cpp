#include "cardface/card.h"

#include <algorithm>

#include "card/card_type.h"

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
        spec && spec->kind == card::FieldKind::boolean && it->second == FieldValue(std::string("false")))
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

}  // namespace cardface
