// Text with bound values: `{surname}`, `{date_of_birth:%Y.%m.%d}`, filters after a bar
// (`{surname|upper}`, `{nationality|country_zh}`, `{name_zh|default:—}`), `{{` for a brace.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/card.h"

namespace cardface::tmpl {

// One piece of expanded text and the key it came from (empty for literal text).
struct Segment {
  std::string text;
  std::string key;
};

struct Filter {
  std::string name;
  std::optional<std::string> argument;  // after the first ':' (`default:N/A`)
};

// One `{...}`: key, date format (after ':'), filters (after '|'), as written.
struct Placeholder {
  std::string key;
  std::optional<std::string> format;
  std::vector<Filter> filters;
};

// Literal text (key empty) and placeholders, in order; or the fault as a sentence.
struct ParsedText {
  std::vector<std::pair<std::string, std::optional<Placeholder>>> parts;
  std::string fault;  // empty when well-formed
};
ParsedText parse_text(std::string_view source);

// Faults of one placeholder that need no card: an unknown filter, a filter without its
// argument. Sentences; empty when none.
std::vector<std::string> filter_problems(const Placeholder& placeholder);

// Names of every filter (docs/card-types.md), sorted.
std::vector<std::string_view> filter_names();

// Expands `source` against the card. Absent values expand to "" (or a `default:`). A
// malformed placeholder, filter or date format is Error(ErrorKind::tmpl, where, ...).
std::vector<Segment> expand(std::string_view source, const Card& card, const std::string& where);

std::string join(const std::vector<Segment>& segments);

// strftime-like formatting of a date: %Y %y %m %d %e %b (JAN) %B (JANUARY) %%.
// nullopt when the format holds an unknown directive.
std::optional<std::string> format_date(const Date& date, std::string_view format);

}  // namespace cardface::tmpl
