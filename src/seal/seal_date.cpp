#include "seal/seal_date.h"

#include <cstdio>

namespace cardface::seal {

std::array<std::uint8_t, 3> encode_seal_date(const Date& date) {
  const std::uint32_t n = std::uint32_t(date.month) * 1000000u + std::uint32_t(date.day) * 10000u +
                          std::uint32_t(date.year);
  return {std::uint8_t(n >> 16), std::uint8_t(n >> 8), std::uint8_t(n)};
}

std::optional<Date> decode_seal_date(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != 3) return std::nullopt;
  const std::uint32_t n =
      (std::uint32_t(bytes[0]) << 16) | (std::uint32_t(bytes[1]) << 8) | bytes[2];
  const int month = int(n / 1000000u), day = int(n / 10000u % 100u), year = int(n % 10000u);
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return Date::parse_iso(iso);  // rejects month 13, February 30, ...
}

}  // namespace cardface::seal
