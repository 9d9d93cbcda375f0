// Text for the JUnit file, the report and the details of an outcome.
#pragma once

#include <string>

namespace cardface::golden {

// `&<>"'` as entities (valid in XML and HTML alike); control characters XML 1.0 forbids dropped.
std::string escaped_markup(const std::string& text);

// `value` with `decimals` digits after the point ("59.33").
std::string decimal_text(double value, int decimals);

}  // namespace cardface::golden
