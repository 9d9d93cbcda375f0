#include "seal/c40.h"

namespace cardface::seal {
namespace {

// C40 basic set: 3 space, 4-13 digits, 14-39 letters; 0 (Shift 1) pads a last pair.
int c40_value(char c) {
  if (c == ' ' || c == '<') return 3;
  if (c >= '0' && c <= '9') return 4 + (c - '0');
  if (c >= 'A' && c <= 'Z') return 14 + (c - 'A');
  return -1;
}

std::optional<char> c40_char(int value) {
  if (value == 3) return ' ';
  if (value >= 4 && value <= 13) return char('0' + value - 4);
  if (value >= 14 && value <= 39) return char('A' + value - 14);
  return std::nullopt;
}

}  // namespace

bool c40_encodable(std::string_view text) {
  for (char c : text)
    if (c40_value(c) < 0) return false;
  return true;
}

std::vector<std::uint8_t> c40_encode(std::string_view text) {
  std::vector<std::uint8_t> out;
  std::size_t i = 0;
  for (; i + 1 < text.size(); i += 3) {
    const int u1 = c40_value(text[i]), u2 = c40_value(text[i + 1]);
    const int u3 = i + 2 < text.size() ? c40_value(text[i + 2]) : 0;
    const int packed = 1600 * u1 + 40 * u2 + u3 + 1;
    out.push_back(std::uint8_t(packed / 256));
    out.push_back(std::uint8_t(packed % 256));
  }
  if (i < text.size()) {  // one character left: unlatch, then DataMatrix ASCII (code + 1)
    const char c = text[i] == '<' ? ' ' : text[i];
    out.push_back(0xFE);
    out.push_back(std::uint8_t(c + 1));
  }
  return out;
}

std::optional<std::string> c40_decode(std::span<const std::uint8_t> bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    if (bytes[i] == 0xFE) {
      if (i + 2 != bytes.size() || bytes[i + 1] < 1) return std::nullopt;
      const char c = char(bytes[i + 1] - 1);
      if (!c40_char(c40_value(c)) || c == '<') return std::nullopt;
      out.push_back(c);
      continue;
    }
    const int packed = bytes[i] * 256 + bytes[i + 1] - 1;
    if (packed < 0 || packed >= 64000) return std::nullopt;
    const int u[3] = {packed / 1600, (packed / 40) % 40, packed % 40};
    for (int k = 0; k < 3; ++k) {
      if (u[k] == 0 && k == 2 && i + 2 == bytes.size()) break;  // Shift 1 pads the last pair
      const auto c = c40_char(u[k]);
      if (!c) return std::nullopt;
      out.push_back(*c);
    }
  }
  return out;
}

}  // namespace cardface::seal
