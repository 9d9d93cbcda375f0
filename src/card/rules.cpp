#include "card/rules.h"

#include <algorithm>
#include <map>

#include "card/countries.h"
#include "card/pattern.h"
#include "core/json_text.h"
#include "core/limits.h"
#include "idnum/fprc_rule.h"
#include "idnum/iso7064.h"
#include "mrz/check_digit.h"

namespace cardface::card {
namespace {

using Factory = RuleCheck (*)(RuleParams&);

// Two dates in order: `faulty(a, b)` says when `field` (a) and `other` (b) are out of order,
// and the problem is `field: <words> OTHER`.
RuleCheck date_order_rule(RuleParams& p, bool (*faulty)(const Date&, const Date&),
                          const std::string& words) {
  const std::string field = p.field("field", {FieldKind::date});
  const std::string other = p.field("other", {FieldKind::date});
  return [=](const Card& card, std::vector<Problem>& out) {
    const Date* a = card.date(field);
    const Date* b = card.date(other);
    if (a && b && faulty(*a, *b)) out.push_back({field, words + " " + other});
  };
}

// {"rule": "after", "field": "valid_until", "other": "valid_from"}: field > other.
RuleCheck after_rule(RuleParams& p) {
  return date_order_rule(
      p, [](const Date& a, const Date& b) { return !(b < a); }, "is not after");
}

// field >= other.
RuleCheck not_before_rule(RuleParams& p) {
  return date_order_rule(
      p, [](const Date& a, const Date& b) { return a < b; }, "is before");
}

// field <= other.
RuleCheck not_after_rule(RuleParams& p) {
  return date_order_rule(
      p, [](const Date& a, const Date& b) { return b < a; }, "is after");
}

// The whole text matches an ECMAScript regular expression: "pattern", "message".
RuleCheck pattern_rule(RuleParams& p) {
  const std::string field = p.field("field", {FieldKind::text});
  const std::string source = p.reader().string("pattern");
  const std::string message =
      p.reader().string("message", "is not in the form the card type requires");
  const std::shared_ptr<const Pattern> pattern = compile_pattern(source, p.reader(), "pattern");
  return [=](const Card& card, std::vector<Problem>& out) {
    const std::string* text = card.text(field);
    if (!pattern || !text) return;
    const auto match = pattern->whole(*text);
    if (match == Pattern::Match::too_costly)
      out.push_back({field, too_costly_to_match()});
    else if (match == Pattern::Match::not_whole)
      out.push_back({field, message});
  };
}

// The value is one of "values": {"rule": "one_of", "field": "sex", "values": ["M", "F", "X"]}.
RuleCheck one_of_rule(RuleParams& p) {
  const std::string field = p.field("field", {FieldKind::text});
  const std::vector<std::string> values = p.reader().strings("values");
  std::string list;
  for (std::size_t i = 0; i < values.size(); ++i)
    list += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + ("\"" + values[i] + "\"");
  const std::string message = p.reader().string("message", "must be " + list);
  return [=](const Card& card, std::vector<Problem>& out) {
    const std::string* text = card.text(field);
    if (text && std::find(values.begin(), values.end(), *text) == values.end())
      out.push_back({field, message});
  };
}

// A state or nationality of ICAO Doc 9303: ISO 3166-1 alpha-3 or a code ICAO reserves.
RuleCheck icao_state_rule(RuleParams& p) {
  const std::string field = p.field("field", {FieldKind::text});
  return [=](const Card& card, std::vector<Problem>& out) {
    const std::string* code = card.text(field);
    if (!code) return;
    const bool shaped = code->size() == 3 && std::all_of(code->begin(), code->end(), [](char c) {
                          return c >= 'A' && c <= 'Z';
                        });
    if (!shaped)
      out.push_back({field, "must be a 3-letter code in capital letters"});
    else if (!find_country_alpha3(*code) && !icao_reserved_name(*code))
      out.push_back({field,
                     "is neither an ISO 3166-1 alpha-3 code nor a code ICAO reserves (UTO, XXA, "
                     "XXB, XXC, XXX, EUE, UNO, UNA, UNK)"});
  };
}

std::optional<char> luhn_check(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  int sum = 0;
  bool twice = true;  // the digit next to the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    if (*it < '0' || *it > '9') return std::nullopt;
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return char('0' + (10 - sum % 10) % 10);
}

// The last character checks the others: "scheme" iso7064_mod11_2, icao_7_3_1 or luhn.
RuleCheck check_digit_rule(RuleParams& p) {
  const std::string field = p.field("field", {FieldKind::text});
  const std::string scheme =
      p.reader().one_of("scheme", {"iso7064_mod11_2", "icao_7_3_1", "luhn"}, "");
  return [=](const Card& card, std::vector<Problem>& out) {
    const std::string* text = card.text(field);
    if (!text || text->empty()) return;
    const std::string_view body = std::string_view(*text).substr(0, text->size() - 1);
    std::optional<char> expected;
    std::string alphabet;
    if (scheme == "iso7064_mod11_2") {
      expected = idnum::iso7064_mod11_2_check(body);
      alphabet = "digits";
    } else if (scheme == "icao_7_3_1") {
      if (const auto d = mrz::check_digit(body)) expected = char('0' + *d);
      alphabet = "0-9, A-Z and <";
    } else {
      expected = luhn_check(body);
      alphabet = "digits";
    }
    if (!expected)
      out.push_back(
          {field, "must be " + alphabet + " followed by a check character (" + scheme + ")"});
    else if (text->back() != *expected)
      out.push_back(
          {field, std::string("check character is ") + text->back() + ", expected " + *expected});
  };
}

const std::map<std::string, Factory, std::less<>>& factories() {
  static const std::map<std::string, Factory, std::less<>> all = {
      {"after", after_rule},
      {"check_digit", check_digit_rule},
      {"fprc_number", idnum::fprc_number_rule},
      {"icao_state", icao_state_rule},
      {"not_after", not_after_rule},
      {"not_before", not_before_rule},
      {"one_of", one_of_rule},
      {"pattern", pattern_rule},
  };
  return all;
}

}  // namespace

std::string RuleParams::field(const std::string& key, std::initializer_list<FieldKind> kinds) {
  if (!reader_.has(key)) {
    reader_.string(key);  // noted as required
    return "";
  }
  return optional_field(key, kinds);
}

std::string RuleParams::optional_field(const std::string& key,
                                       std::initializer_list<FieldKind> kinds) {
  if (!reader_.has(key)) return reader_.string(key, "");
  const std::string name = reader_.string(key, "");
  if (name.empty()) return name;
  const auto it = std::find_if(fields_.begin(), fields_.end(),
                               [&](const FieldSpec& f) { return f.name == name; });
  if (it == fields_.end()) {
    std::vector<std::string_view> known;
    for (const FieldSpec& f : fields_) known.push_back(f.name);
    reader_.note_at(key, json_text::with_suggestion("\"" + name + "\" is not a field of this type",
                                                    name, known));
    return "";
  }
  if (kinds.size() > 0 && std::find(kinds.begin(), kinds.end(), it->kind) == kinds.end()) {
    std::string list;
    for (FieldKind k : kinds) list += (list.empty() ? "" : " or ") + std::string(kind_name(k));
    reader_.note_at(key, "field \"" + name + "\" is " + std::string(kind_name(it->kind)) +
                             "; this rule takes " + list);
    return "";
  }
  return name;
}

RuleCheck make_rule(const std::string& name, RuleParams& params) {
  const auto& all = factories();
  const auto it = all.find(name);
  if (it == all.end()) {
    params.reader().note_at(
        "rule",
        json_text::with_suggestion("\"" + name + "\" is not a known rule", name, rule_names()));
    return nullptr;
  }
  return it->second(params);
}

std::vector<std::string_view> rule_names() {
  std::vector<std::string_view> names;
  for (const auto& [name, _] : factories()) names.push_back(name);
  return names;
}

}  // namespace cardface::card
