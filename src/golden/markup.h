// Text for XML and HTML documents (the JUnit file, the report).
#pragma once

#include <string>

namespace cardface::golden {

// `&<>"'` as entities (valid in XML and HTML alike); control characters XML 1.0 forbids dropped.
std::string escaped_markup(const std::string& text);

}  // namespace cardface::golden
