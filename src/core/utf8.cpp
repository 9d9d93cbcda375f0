#include "core/utf8.h"

#include <cstdio>

#include "cardface/error.h"

namespace cardface::utf8 {
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

std::optional<char32_t> next(std::string_view text, std::size_t& pos) {
  char32_t c;
  const std::size_t n = decode_one(text, pos, c);
  if (n == 0) return std::nullopt;
  pos += n;
  return c;
}

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

std::u32string decode_lenient(std::string_view text) {
  std::u32string out;
  char32_t c;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_one(text, i, c);
    out += n == 0 ? U'\uFFFD' : c;
    i += n == 0 ? 1 : n;
  }
  return out;
}

std::vector<CodePoint> decode_utf8(std::string_view text, std::string_view where) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  char32_t c;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_one(text, i, c);
    if (n == 0) {
      throw Error(ErrorKind::data, std::string(where),
                  "invalid UTF-8 at byte " + std::to_string(i));
    }
    out.push_back({c, i, n});
    i += n;
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace cardface::utf8
