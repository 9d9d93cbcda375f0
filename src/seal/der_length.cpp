#include "seal/der_length.h"

namespace cardface::seal {

void append_der_length(std::vector<std::uint8_t>& out, std::size_t length) {
  if (length < 0x80) {
    out.push_back(std::uint8_t(length));
  } else if (length <= 0xFF) {
    out.push_back(0x81);
    out.push_back(std::uint8_t(length));
  } else {
    out.push_back(0x82);
    out.push_back(std::uint8_t(length >> 8));
    out.push_back(std::uint8_t(length));
  }
}

std::optional<std::size_t> read_der_length(std::span<const std::uint8_t> bytes, std::size_t& pos) {
  if (pos >= bytes.size()) return std::nullopt;
  const std::uint8_t first = bytes[pos];
  if (first < 0x80) {
    ++pos;
    return first;
  }
  const std::size_t count = first & 0x7F;
  if (count < 1 || count > 2 || pos + 1 + count > bytes.size()) return std::nullopt;
  std::size_t length = 0;
  for (std::size_t i = 0; i < count; ++i) length = length << 8 | bytes[pos + 1 + i];
  if (length < (count == 1 ? 0x80u : 0x100u)) return std::nullopt;  // not the shortest form
  pos += 1 + count;
  return length;
}

}  // namespace cardface::seal
