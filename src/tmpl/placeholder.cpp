#include "tmpl/placeholder.h"

#include <cstdio>

#include "cardface/error.h"

namespace cardface::tmpl {

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

std::vector<Segment> expand(std::string_view source, const Card& card, const std::string& where) {
  std::vector<Segment> segments;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) segments.push_back({std::move(literal), ""});
    literal.clear();
  };
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '}') {
      if (i + 1 < source.size() && source[i + 1] == '}')
        ++i;
      else
        throw Error(ErrorKind::tmpl, where, "unmatched \"}\" (write \"}}\" for a brace)");
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
    if (close == std::string_view::npos)
      throw Error(ErrorKind::tmpl, where, "unclosed placeholder \"{\"");
    const std::string_view inner = source.substr(i + 1, close - i - 1);
    const auto colon = inner.find(':');
    const std::string key(inner.substr(0, colon));
    if (key.empty()) throw Error(ErrorKind::tmpl, where, "empty placeholder \"{}\"");
    if (!card.knows(key))
      throw Error(ErrorKind::tmpl, where,
                  "unknown placeholder {" + key + "} for card type " + card.type);
    flush();
    Segment seg{"", key};
    if (auto value = card.lookup(key)) {
      if (const Date* d = std::get_if<Date>(&*value)) {
        const std::string_view fmt =
            colon == std::string_view::npos ? "%Y-%m-%d" : inner.substr(colon + 1);
        auto text = format_date(*d, fmt);
        if (!text)
          throw Error(ErrorKind::tmpl, where, "bad date format in {" + std::string(inner) + "}");
        seg.text = *text;
      } else if (colon != std::string_view::npos) {
        throw Error(ErrorKind::tmpl, where, "{" + key + "} is not a date; it takes no format");
      } else if (const auto* s = std::get_if<std::string>(&*value)) {
        seg.text = *s;
      } else {
        seg.text = std::to_string(std::get<std::int64_t>(*value));
      }
    }
    segments.push_back(std::move(seg));
    i = close;
  }
  flush();
  return segments;
}

std::string join(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.text;
  return out;
}

}  // namespace cardface::tmpl
