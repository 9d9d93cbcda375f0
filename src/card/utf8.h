// UTF-8 decoding for the checks on the holder's text. Strict: no overlong forms, no surrogates,
// nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cardface::card::utf8 {

// Byte offset of the first byte that does not start a valid sequence; npos when all is valid.
std::size_t first_invalid(std::string_view text);

// The code points of valid UTF-8; nullopt when invalid.
std::optional<std::u32string> decode(std::string_view text);

// "U+0007", "U+1F600": how messages name a character without printing it.
std::string code_point_label(char32_t c);

}  // namespace cardface::card::utf8
