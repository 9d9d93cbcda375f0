// UTF-8 decoding for shaping and line breaking: code points with their byte ranges.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::text {

struct CodePoint {
  char32_t value = 0;
  std::size_t offset = 0;  // byte offset in the UTF-8 text
  std::size_t length = 0;  // bytes
};

// Strict RFC 3629 decoding (no overlong forms, surrogates or values over U+10FFFF).
// Throws Error(ErrorKind::data, where, "invalid UTF-8 at byte N").
std::vector<CodePoint> decode_utf8(std::string_view utf8, std::string_view where);

void append_utf8(std::string& out, char32_t cp);

// "U+0041", "U+1F600": at least four hex digits, as the Unicode standard writes them.
std::string code_point_name(char32_t cp);

}  // namespace cardface::text
