// Dates in a seal (ICAO Doc 9303 Part 13): the decimal number MMDDYYYY in three bytes,
// big-endian (1957-03-25 → 03251957 → 31 9E F5).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "cardface/card.h"

namespace cardface::seal {

std::array<std::uint8_t, 3> encode_seal_date(const Date& date);
// nullopt when the bytes are not 3 or do not name a real calendar date.
std::optional<Date> decode_seal_date(std::span<const std::uint8_t> bytes);

}  // namespace cardface::seal
