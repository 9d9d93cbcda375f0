// UTF-8 decoding for the MRZ code: names arrive as UTF-8 and MRZ lines are checked per character.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace cardface::mrz::utf8 {

// Decodes the code point at `pos` and advances `pos` past it; nullopt (and `pos` unchanged) on
// an invalid, overlong or truncated sequence, a surrogate, or a value above U+10FFFF.
inline std::optional<char32_t> next(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return text[pos++];
  std::size_t length;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0)
    length = 2, value = lead & 0x1F, minimum = 0x80;
  else if ((lead & 0xF0) == 0xE0)
    length = 3, value = lead & 0x0F, minimum = 0x800;
  else if ((lead & 0xF8) == 0xF0)
    length = 4, value = lead & 0x07, minimum = 0x10000;
  else
    return std::nullopt;
  if (pos + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return std::nullopt;
  pos += length;
  return value;
}

// Every character of `text`; an invalid byte becomes U+FFFD, so positions stay countable.
inline std::u32string decode_lenient(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) {
    if (auto c = next(text, pos)) {
      out += *c;
    } else {
      out += U'\uFFFD';
      ++pos;
    }
  }
  return out;
}

// "U+0416": how messages name a character without printing it.
inline std::string code_point_label(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace cardface::mrz::utf8
