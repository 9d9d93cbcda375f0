// UTF-8 for the whole library: strict RFC 3629 decoding (no overlong forms, no surrogates, nothing
// above U+10FFFF), a lenient decode for checks that must count positions, encoding, and the
// "U+XXXX" label messages use to name a character without printing it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::utf8 {

// Decodes the code point at `pos` and advances `pos` past it; nullopt (and `pos` unchanged) on
// an invalid, overlong or truncated sequence, a surrogate, or a value above U+10FFFF.
std::optional<char32_t> next(std::string_view text, std::size_t& pos);

// Byte offset of the first byte that does not start a valid sequence; npos when all is valid.
std::size_t first_invalid(std::string_view text);

// The code points of valid UTF-8; nullopt when invalid.
std::optional<std::u32string> decode(std::string_view text);

// Every character of `text`; an invalid byte becomes U+FFFD, so positions stay countable.
std::u32string decode_lenient(std::string_view text);

struct CodePoint {
  char32_t value = 0;
  std::size_t offset = 0;  // byte offset in the UTF-8 text
  std::size_t length = 0;  // bytes
};

// Strict decoding that keeps each code point's byte range.
// Throws Error(ErrorKind::data, where, "invalid UTF-8 at byte N").
std::vector<CodePoint> decode_utf8(std::string_view text, std::string_view where);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// "U+0041", "U+1F600", "U+10FFFF": uppercase, at least four hex digits, as the Unicode standard
// writes them.
std::string code_point_name(char32_t cp);

}  // namespace cardface::utf8
