#include "tmpl/placeholder.h"

#include <algorithm>
#include <cstdio>

#include "card/card_type.h"
#include "card/countries.h"
#include "cardface/error.h"
#include "core/json_text.h"
#include "core/utf8.h"

namespace cardface::tmpl {
namespace {

std::string encode(const std::u32string& cps) {
  std::string out;
  for (char32_t c : cps) utf8::append(out, c);
  return out;
}

// Upper case for ASCII and Latin-1 letters (the names a card prints in Latin script).
std::string upper(std::string_view text) {
  std::u32string cps = utf8::decode_lenient(text);
  for (char32_t& c : cps) {
    if (c >= 'a' && c <= 'z')
      c -= 32;
    else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
      c -= 32;
  }
  return encode(cps);
}

std::string lower(std::string_view text) {
  std::u32string cps = utf8::decode_lenient(text);
  for (char32_t& c : cps) {
    if (c >= 'A' && c <= 'Z')
      c += 32;
    else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
      c += 32;
  }
  return encode(cps);
}

// "JOHN PAUL" → "J. P."
std::string initials(std::string_view text) {
  std::string out;
  const std::u32string cps = utf8::decode_lenient(text);
  bool start = true;
  for (char32_t c : cps) {
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start) {
      if (!out.empty()) out += ' ';
      utf8::append(out, c);
      out += '.';
    }
    start = false;
  }
  return out;
}

struct FilterInfo {
  std::string_view name;
  bool takes_argument;
};

constexpr FilterInfo kFilters[] = {
    {"country_alpha2", false}, {"country_en", false}, {"country_numeric", false},
    {"country_zh", false},     {"default", true},     {"initials", false},
    {"label", true},           {"lower", false},      {"prefix", true},
    {"sex_en", false},         {"sex_zh", false},     {"state_en", false},
    {"suffix", true},          {"upper", false},
};

const FilterInfo* filter_info(std::string_view name) {
  for (const FilterInfo& f : kFilters)
    if (f.name == name) return &f;
  return nullptr;
}

std::string as_text(const FieldValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* d = std::get_if<Date>(&value)) return d->iso();
  return std::to_string(std::get<std::int64_t>(value));
}

// One filter over a value (absent: nullopt); `key` is the placeholder's, for enum labels.
std::optional<std::string> apply(const Filter& f, std::optional<std::string> value,
                                 const Card& card, const std::string& key,
                                 const std::string& where) {
  const std::string arg = f.argument.value_or("");
  if (f.name == "default") return value ? value : std::optional<std::string>(arg);
  if (!value) return std::nullopt;
  const std::string& v = *value;
  if (f.name == "upper") return upper(v);
  if (f.name == "lower") return lower(v);
  if (f.name == "initials") return initials(v);
  if (f.name == "prefix") return arg + v;
  if (f.name == "suffix") return v + arg;
  if (f.name == "sex_en") {
    if (v == "M") return std::string("MALE");
    if (v == "F") return std::string("FEMALE");
    if (v == "X") return std::string("UNSPECIFIED");
    return std::nullopt;
  }
  if (f.name == "sex_zh") {
    if (v == "M") return std::string("男");
    if (v == "F") return std::string("女");
    return std::nullopt;
  }
  if (f.name == "state_en") {
    if (const card::Country* c = card::find_country_alpha3(v)) return c->name_en;
    if (const auto name = card::icao_reserved_name(v)) return std::string(*name);
    return std::nullopt;
  }
  if (f.name.rfind("country_", 0) == 0) {
    const card::Country* c = card::find_country_alpha3(v);
    if (!c) return std::nullopt;
    if (f.name == "country_en") return c->name_en;
    if (f.name == "country_zh") return c->name_zh;
    if (f.name == "country_numeric") return c->numeric;
    return c->alpha2;
  }
  if (f.name == "label") {
    const card::CardType* type = card::find_card_type(card.type);
    const card::FieldSpec* spec = type ? type->field(key) : nullptr;
    if (!spec || spec->kind != card::FieldKind::choice)
      throw Error(ErrorKind::tmpl, where, "{" + key + "|label:...} needs an enum field");
    const card::EnumValue* entry = spec->value(v);
    if (!entry) return std::nullopt;
    const auto it = entry->labels.find(arg);
    if (it == entry->labels.end())
      throw Error(ErrorKind::tmpl, where,
                  "field \"" + key + "\" has no labels in language \"" + arg + "\"");
    return it->second;
  }
  return value;
}

}  // namespace

std::optional<std::string> format_date(const Date& date, std::string_view format) {
  static constexpr const char* kMonths[] = {"JANUARY",   "FEBRUARY", "MARCH",    "APRIL",
                                            "MAY",       "JUNE",     "JULY",     "AUGUST",
                                            "SEPTEMBER", "OCTOBER",  "NOVEMBER", "DECEMBER"};
  std::string out;
  char buf[16];
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (++i == format.size()) return std::nullopt;
    switch (format[i]) {
      case 'Y':
        std::snprintf(buf, sizeof buf, "%04d", date.year);
        break;
      case 'y':
        std::snprintf(buf, sizeof buf, "%02d", date.year % 100);
        break;
      case 'm':
        std::snprintf(buf, sizeof buf, "%02d", date.month);
        break;
      case 'd':
        std::snprintf(buf, sizeof buf, "%02d", date.day);
        break;
      case 'e':
        std::snprintf(buf, sizeof buf, "%d", date.day);
        break;
      case 'b':
        std::snprintf(buf, sizeof buf, "%.3s", kMonths[date.month - 1]);
        break;
      case 'B':
        std::snprintf(buf, sizeof buf, "%s", kMonths[date.month - 1]);
        break;
      case '%':
        std::snprintf(buf, sizeof buf, "%%");
        break;
      default:
        return std::nullopt;
    }
    out += buf;
  }
  return out;
}

ParsedText parse_text(std::string_view source) {
  ParsedText parsed;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) parsed.parts.push_back({std::move(literal), std::nullopt});
    literal.clear();
  };
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '}') {
      if (i + 1 < source.size() && source[i + 1] == '}') {
        ++i;
      } else {
        parsed.fault = "unmatched \"}\" (write \"}}\" for a brace)";
        return parsed;
      }
      literal += '}';
      continue;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < source.size() && source[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    const auto close = source.find('}', i);
    if (close == std::string_view::npos) {
      parsed.fault = "unclosed placeholder \"{\"";
      return parsed;
    }
    std::string_view inner = source.substr(i + 1, close - i - 1);
    Placeholder p;
    const auto bar = inner.find('|');
    std::string_view head = inner.substr(0, bar);
    const auto colon = head.find(':');
    p.key = std::string(head.substr(0, colon));
    if (colon != std::string_view::npos) p.format = std::string(head.substr(colon + 1));
    if (p.key.empty()) {
      parsed.fault = "empty placeholder \"{}\"";
      return parsed;
    }
    std::string_view rest = bar == std::string_view::npos ? "" : inner.substr(bar + 1);
    while (bar != std::string_view::npos) {
      const auto next = rest.find('|');
      const std::string_view one = rest.substr(0, next);
      const auto arg = one.find(':');
      Filter f{std::string(one.substr(0, arg)), std::nullopt};
      if (arg != std::string_view::npos) f.argument = std::string(one.substr(arg + 1));
      p.filters.push_back(std::move(f));
      if (next == std::string_view::npos) break;
      rest.remove_prefix(next + 1);
    }
    flush();
    parsed.parts.push_back({"", std::move(p)});
    i = close;
  }
  flush();
  return parsed;
}

std::vector<std::string> filter_problems(const Placeholder& p) {
  std::vector<std::string> out;
  for (const Filter& f : p.filters) {
    const FilterInfo* info = filter_info(f.name);
    if (!info)
      out.push_back(json_text::with_suggestion(
          "unknown filter \"" + f.name + "\" in {" + p.key + "}", f.name, filter_names()));
    else if (info->takes_argument && !f.argument)
      out.push_back("filter \"" + f.name + "\" in {" + p.key + "} needs an argument (" + f.name +
                    ":...)");
    else if (!info->takes_argument && f.argument)
      out.push_back("filter \"" + f.name + "\" in {" + p.key + "} takes no argument");
  }
  return out;
}

std::vector<std::string_view> filter_names() {
  std::vector<std::string_view> names;
  for (const FilterInfo& f : kFilters) names.push_back(f.name);
  return names;
}

std::vector<Segment> expand(std::string_view source, const Card& card, const std::string& where) {
  const ParsedText parsed = parse_text(source);
  if (!parsed.fault.empty()) throw Error(ErrorKind::tmpl, where, parsed.fault);
  std::vector<Segment> segments;
  for (const auto& [literal, placeholder] : parsed.parts) {
    if (!placeholder) {
      segments.push_back({literal, ""});
      continue;
    }
    const Placeholder& p = *placeholder;
    if (!card.knows(p.key))
      throw Error(ErrorKind::tmpl, where,
                  "unknown placeholder {" + p.key + "} for card type " + card.type);
    if (const auto problems = filter_problems(p); !problems.empty())
      throw Error(ErrorKind::tmpl, where, problems.front());
    Segment seg{"", p.key};
    std::optional<std::string> text;
    if (auto value = card.lookup(p.key)) {
      if (const Date* d = std::get_if<Date>(&*value)) {
        const std::string_view fmt = p.format ? std::string_view(*p.format) : "%Y-%m-%d";
        text = format_date(*d, fmt);
        if (!text)
          throw Error(ErrorKind::tmpl, where,
                      "bad date format in {" + p.key + ":" + *p.format + "}");
      } else if (p.format) {
        throw Error(ErrorKind::tmpl, where, "{" + p.key + "} is not a date; it takes no format");
      } else {
        text = as_text(*value);
      }
    }
    for (const Filter& f : p.filters) text = apply(f, std::move(text), card, p.key, where);
    seg.text = text.value_or("");
    segments.push_back(std::move(seg));
  }
  return segments;
}

std::string join(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.text;
  return out;
}

}  // namespace cardface::tmpl
