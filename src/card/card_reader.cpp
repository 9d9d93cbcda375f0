// parse_card and load_card: JSON → the card type's schema → Card, every problem at once.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "card/card_type.h"
#include "card/countries.h"
#include "card/name_rules.h"
#include "card/pattern.h"
#include "cardface/card.h"
#include "cardface/error.h"
#include "core/json_text.h"
#include "core/limits.h"
#include "core/utf8.h"

namespace cardface {
namespace {

using Json = nlohmann::ordered_json;  // keeps the record's order for the problems we report
using card::CardType;
using card::FieldKind;
using card::FieldSpec;

struct ParsedJson {
  Json value;
  std::vector<std::string> duplicate_keys;  // top-level keys given more than once
};

ParsedJson parse_json(std::string_view text, const std::string& where) {
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos)
    throw Error(ErrorKind::data, where,
                "is not valid UTF-8 (" + json_text::position(text, bad) + ")");
  ParsedJson parsed;
  std::set<std::string> keys;
  const auto note_duplicates = [&](int depth, Json::parse_event_t event, Json& value) {
    if (event == Json::parse_event_t::key && depth == 1 && value.is_string() &&
        !keys.insert(value.get<std::string>()).second)
      parsed.duplicate_keys.push_back(value.get<std::string>());
    return true;
  };
  parsed.value = json_text::parse<Json>(text, ErrorKind::data, where, note_duplicates);
  return parsed;
}

std::string known_types() {
  std::string list;
  for (const std::string& name : card_types()) list += (list.empty() ? "" : ", ") + name;
  return list;
}

// What a text field's character class allows, and the sentence for a character outside it.
bool in_class(const std::string& characters, char32_t c) {
  const bool digit = c >= '0' && c <= '9', capital = c >= 'A' && c <= 'Z';
  if (characters == "digits") return digit;
  if (characters == "capitals_digits") return digit || capital;
  if (characters == "mrz") return digit || capital || c == '<';
  if (characters == "ascii") return c >= 0x20 && c < 0x7F;
  return true;
}

std::string class_sentence(const std::string& characters) {
  if (characters == "digits") return "must hold only digits 0-9";
  if (characters == "capitals_digits") return "must hold only A-Z and 0-9";
  if (characters == "mrz") return "must hold only A-Z, 0-9 and <";
  return "must hold only printable ASCII characters";
}

std::string unknown_field_message(std::string_view key, const CardType& type) {
  std::vector<std::string_view> known = {"type"};
  for (const FieldSpec& f : type.fields) known.push_back(f.name);
  return json_text::with_suggestion("unknown field", key, known);
}

// A key as a problem's `where`: keys are the record's structure, not the holder's data, but
// keep control characters and runaway lengths out of reports.
std::string printable_key(std::string_view key) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const unsigned char c = key[i];
    if ((c & 0xC0) != 0x80 && ++chars > 64) return out + "…";
    out += c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c);
  }
  return out.empty() ? "(empty key)" : out;
}

std::string date_problem(std::string_view s) {
  const bool shaped =
      s.size() == 10 && s[4] == '-' && s[7] == '-' &&
      std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  return shaped ? "is not a real calendar date" : "must be a date written YYYY-MM-DD";
}

// Reads one field by its kind into `card`; appends its problems instead when it has any.
void read_field(const FieldSpec& spec, const Json& value, const std::filesystem::path& base_dir,
                Card& card, std::vector<Problem>& problems) {
  const std::string name(spec.name);
  std::vector<std::string> found;
  const auto report = [&] {
    for (std::string& m : found) problems.push_back({name, std::move(m)});
  };

  if (spec.kind == FieldKind::integer) {
    if (value.is_number_float()) {
      found.push_back("must be a whole number");
    } else if (!value.is_number_integer()) {
      found.push_back(std::string("must be an integer, got ") + value.type_name());
    } else {
      // Positive JSON integers arrive as unsigned; beyond int64 they are out of any range.
      const bool fits =
          !value.is_number_unsigned() || value.get<std::uint64_t>() <= std::uint64_t{INT64_MAX};
      const std::int64_t number = fits ? value.get<std::int64_t>() : 0;
      if (!fits || number < spec.min || number > spec.max)
        found.push_back("must be between " + std::to_string(spec.min) + " and " +
                        std::to_string(spec.max));
      else
        card.fields[name] = number;
    }
    return report();
  }

  if (spec.kind == FieldKind::boolean) {
    if (!value.is_boolean())
      found.push_back(std::string("must be true or false, got ") + value.type_name());
    else
      card.fields[name] = std::string(value.get<bool>() ? "true" : "false");
    return report();
  }

  if (!value.is_string()) {
    found.push_back(std::string("must be a string, got ") + value.type_name());
    return report();
  }
  const std::string& text = value.get_ref<const std::string&>();
  if (text.empty()) {
    if (spec.allow_empty) {
      card.fields[name] = text;
      return;
    }
    found.push_back(spec.required ? "must not be empty"
                                  : "must not be empty; leave the field out when there is none");
    return report();
  }

  // Length first, so a runaway value costs one pass over its bytes, not every rule's.
  if (const std::size_t max_bytes = spec.max_chars ? spec.max_chars * 4 : limits::field_bytes;
      text.size() > max_bytes) {
    const std::size_t chars = std::count_if(text.begin(), text.end(), [](unsigned char c) {
      return (c & 0xC0) != 0x80;  // the record is valid UTF-8: count lead bytes
    });
    if (spec.max_chars && chars > spec.max_chars) {
      found.push_back("is " + std::to_string(chars) + " characters long; at most " +
                      std::to_string(spec.max_chars));
      return report();
    }
    if (!spec.max_chars) {
      found.push_back("is " + std::to_string(text.size()) + " bytes long; at most " +
                      std::to_string(limits::field_bytes));
      return report();
    }
  }
  switch (spec.kind) {
    case FieldKind::text:
      found = card::plain_text_problems(text, spec.max_chars);
      if (found.empty() && !spec.characters.empty()) {
        const std::u32string cps = utf8::decode_lenient(text);
        const auto bad = std::find_if(cps.begin(), cps.end(),
                                      [&](char32_t c) { return !in_class(spec.characters, c); });
        if (bad != cps.end())
          found.push_back(class_sentence(spec.characters) + " (" + utf8::code_point_name(*bad) +
                          " is not)");
      }
      if (found.empty() && spec.compiled) {
        const auto match = spec.compiled->whole(text);
        if (match == card::Pattern::Match::too_costly)
          found.push_back(card::too_costly_to_match());
        else if (match == card::Pattern::Match::not_whole)
          found.push_back(spec.pattern_message);
      }
      break;
    case FieldKind::choice:
      if (!spec.value(text)) {
        std::string list;
        std::vector<std::string_view> codes;
        for (const card::EnumValue& v : spec.values) {
          list += (list.empty() ? "" : ", ") + ("\"" + v.code + "\"");
          codes.push_back(v.code);
        }
        // The codes are the type's, not the holder's: a suggestion quotes only them.
        found.push_back(json_text::with_suggestion("must be one of " + list, text, codes));
      }
      break;
    case FieldKind::latin_name:
      found = card::latin_name_problems(text, spec.max_chars);
      break;
    case FieldKind::han_name:
      found = card::han_name_problems(text, spec.max_chars);
      break;
    case FieldKind::sex:
      if (text != "M" && text != "F") found.push_back("must be \"M\" or \"F\"");
      break;
    case FieldKind::country: {
      const bool shaped = text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) {
                            return c >= 'A' && c <= 'Z';
                          });
      if (!shaped)
        found.push_back("must be an ISO 3166-1 alpha-3 code (3 capital letters)");
      else if (!card::find_country_alpha3(text))
        found.push_back("is not an ISO 3166-1 alpha-3 code");
      break;
    }
    case FieldKind::date:
      if (const auto date = Date::parse_iso(text)) {
        card.fields[name] = *date;
        return;
      }
      found.push_back(date_problem(text));
      break;
    case FieldKind::photo: {
      found = card::plain_text_problems(text, 0);
      if (!found.empty()) break;
      // Absolute, so the card means the same file whatever the working directory later is.
      std::error_code ec;
      std::filesystem::path resolved = base_dir / text;
      if (const auto absolute = std::filesystem::absolute(resolved, ec); !ec) resolved = absolute;
      resolved = resolved.lexically_normal();
      const auto status = std::filesystem::status(resolved, ec);
      if (!std::filesystem::exists(status))
        found.push_back("file not found (relative paths start at the data file's directory)");
      else if (!std::filesystem::is_regular_file(status))
        found.push_back("is not a regular file");
      if (!found.empty()) break;
      card.photo = resolved;
      card.fields[name] = resolved.string();
      return;
    }
    case FieldKind::integer:
    case FieldKind::boolean:
      break;
  }
  if (found.empty())
    card.fields[name] = text;
  else
    report();
}

Card read_card(std::string_view json_text, const std::filesystem::path& base_dir,
               const std::string& where) {
  if (json_text.size() > limits::record_bytes)
    throw Error(ErrorKind::data, where,
                "the record is " + std::to_string(json_text.size()) + " bytes; at most " +
                    std::to_string(limits::record_bytes));
  const ParsedJson parsed = parse_json(json_text, where);
  const Json& record = parsed.value;
  if (!record.is_object())
    throw Error(ErrorKind::data, where,
                std::string("the record must be a JSON object, got ") + record.type_name());

  std::vector<Problem> problems;
  for (const std::string& key : parsed.duplicate_keys)
    problems.push_back({printable_key(key), "appears more than once"});

  const auto type_it = record.find("type");
  const CardType* type = nullptr;
  if (type_it == record.end())
    problems.push_back({"type", "is required; known types: " + known_types()});
  else if (!type_it->is_string())
    problems.push_back({"type", std::string("must be a string, got ") + type_it->type_name()});
  else if (!(type = card::find_card_type(type_it->get_ref<const std::string&>())))
    problems.push_back({"type", "is not a known card type; known types: " + known_types()});
  if (!type) throw Error(ErrorKind::data, std::move(problems));

  for (const auto& [key, value] : record.items())
    if (key != "type" && !type->field(key))
      problems.push_back({printable_key(key), unknown_field_message(key, *type)});

  Card card;
  card.type = type->name;
  for (const FieldSpec& spec : type->fields) {
    const auto it = record.find(spec.name);
    if (it == record.end() || (it->is_null() && !spec.required)) {
      if (spec.required) problems.push_back({std::string(spec.name), "is required"});
      continue;
    }
    read_field(spec, *it, base_dir, card, problems);
  }
  for (const card::RuleCheck& rule : type->rules) rule(card, problems);
  if (!problems.empty()) throw Error(ErrorKind::data, std::move(problems));
  return card;
}

}  // namespace

Card parse_card(std::string_view json_text, const std::filesystem::path& base_dir) {
  return read_card(json_text, base_dir, "(json)");
}

Card load_card(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw Error(ErrorKind::file, file.string(), "cannot read: is a directory");
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error(ErrorKind::file, file.string(),
                std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::file, file.string(), "cannot read: input error");
  return read_card(text.str(), file.parent_path(), file.string());
}

}  // namespace cardface
