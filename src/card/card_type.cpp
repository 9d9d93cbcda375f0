#include "card/card_type.h"

#include <algorithm>

#include "card/countries.h"
#include "card/fprc.h"
#include "card/td1_card.h"

namespace cardface::card {
namespace {

// Splits "nationality.zh" into a field of `kind` and its suffix; nullopt when it is not one.
std::optional<std::pair<std::string_view, std::string_view>> split(const CardType& type,
                                                                   std::string_view key,
                                                                   FieldKind kind) {
  const std::size_t dot = key.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const FieldSpec* spec = type.field(key.substr(0, dot));
  if (!spec || spec->kind != kind) return std::nullopt;
  return std::pair{key.substr(0, dot), key.substr(dot + 1)};
}

std::optional<FieldValue> non_empty(const std::string* text) {
  if (!text || text->empty()) return std::nullopt;
  return *text;
}

}  // namespace

const FieldSpec* CardType::field(std::string_view field_name) const {
  const auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const FieldSpec& f) { return f.name == field_name; });
  return it == fields.end() ? nullptr : &*it;
}

const std::vector<CardType>& card_type_registry() {
  static const std::vector<CardType> types = [] {
    std::vector<CardType> all = {fprc2017_card_type(), fprc2023_card_type(), td1_card_type()};
    std::sort(all.begin(), all.end(),
              [](const CardType& a, const CardType& b) { return a.name < b.name; });
    return all;
  }();
  return types;
}

const CardType* find_card_type(std::string_view name) {
  for (const CardType& type : card_type_registry())
    if (type.name == name) return &type;
  return nullptr;
}

std::optional<FieldValue> derived_value(const CardType& type, const Card& card,
                                        std::string_view key) {
  if (key == "name.en" && type.field("surname")) {
    const std::string* surname = card.text("surname");
    if (!surname || surname->empty()) return std::nullopt;
    const std::string* given = card.text("given_names");
    return given && !given->empty() ? *surname + ", " + *given : *surname;
  }
  if (key == "name.zh" && type.field("name_zh")) return non_empty(card.text("name_zh"));
  if (type.name == kTd1TypeName) return td1_derived_value(card, key);

  if (const auto sex = split(type, key, FieldKind::sex)) {
    const std::string* value = card.text(sex->first);
    if (!value || (*value != "M" && *value != "F")) return std::nullopt;
    const bool male = *value == "M";
    if (sex->second == "en") return std::string(male ? "MALE" : "FEMALE");
    if (sex->second == "zh") return std::string(male ? "男" : "女");
    return std::nullopt;
  }
  if (const auto country = split(type, key, FieldKind::country)) {
    const std::string* code = card.text(country->first);
    const Country* c = code ? find_country_alpha3(*code) : nullptr;
    if (!c) return std::nullopt;
    if (country->second == "en") return c->name_en;
    if (country->second == "zh") return c->name_zh;
    if (country->second == "numeric") return c->numeric;
    if (country->second == "alpha2") return c->alpha2;
  }
  return std::nullopt;
}

std::vector<std::string> lookup_keys(const CardType& type) {
  std::vector<std::string> keys = {"type"};
  if (type.field("surname")) keys.push_back("name.en");
  if (type.field("name_zh")) keys.push_back("name.zh");
  for (const FieldSpec& f : type.fields) {
    const std::string name(f.name);
    keys.push_back(name);
    if (f.kind == FieldKind::sex)
      for (const char* suffix : {".en", ".zh"}) keys.push_back(name + suffix);
    if (f.kind == FieldKind::country)
      for (const char* suffix : {".en", ".zh", ".numeric", ".alpha2"})
        keys.push_back(name + suffix);
  }
  if (type.name == kTd1TypeName)
    for (std::string& key : td1_derived_keys()) keys.push_back(std::move(key));
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace cardface::card
