#include "card/utf8.h"

#include <cstdio>

namespace cardface::card::utf8 {
namespace {

// Decodes one sequence at `i`; returns its length, 0 when invalid.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t length;
  char32_t min;
  if (b0 < 0x80) {
    out = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2, min = 0x80, out = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, min = 0x800, out = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, out = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    out = (out << 6) | (byte(i + k) & 0x3F);
  }
  if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::size_t first_invalid(std::string_view text) {
  char32_t c;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_one(text, i, c);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::optional<std::u32string> decode(std::string_view text) {
  std::u32string out;
  char32_t c;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_one(text, i, c);
    if (n == 0) return std::nullopt;
    out += c;
    i += n;
  }
  return out;
}

std::string code_point_label(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace cardface::card::utf8
