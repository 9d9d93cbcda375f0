// Text with bound values: `{surname}`, `{date_of_birth:%Y.%m.%d}`, `{{` for a literal brace.
#pragma once

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

// Expands `source` against the card. Absent values expand to "". A malformed placeholder or
// date format is Error(ErrorKind::tmpl, where, ...).
std::vector<Segment> expand(std::string_view source, const Card& card, const std::string& where);

std::string join(const std::vector<Segment>& segments);

// strftime-like formatting of a date: %Y %y %m %d %e %b (JAN) %B (JANUARY) %%.
// nullopt when the format holds an unknown directive.
std::optional<std::string> format_date(const Date& date, std::string_view format);

}  // namespace cardface::tmpl
