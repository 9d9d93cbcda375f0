// Lengths in the message and signature zones: ASN.1 DER definite lengths, as ICAO Doc 9303
// Part 13 writes them (0-127 in one byte; 0x81 nn; 0x82 nn nn).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cardface::seal {

void append_der_length(std::vector<std::uint8_t>& out, std::size_t length);

// Reads a length at `pos` and advances past it; nullopt when truncated or not minimal.
std::optional<std::size_t> read_der_length(std::span<const std::uint8_t> bytes, std::size_t& pos);

}  // namespace cardface::seal
