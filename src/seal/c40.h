// C40 text compaction as ICAO Doc 9303 Part 13 uses it (after ISO/IEC 16022): three characters
// of `A-Z 0-9 <space>` in two bytes; `<` is written as a space.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::seal {

// Whether every character can be C40-encoded (A-Z, 0-9, space, `<`).
bool c40_encodable(std::string_view text);

// Two bytes per three characters; two left over are padded with Shift 1 (value 0), one left
// over is 0xFE followed by its ASCII code + 1. Requires c40_encodable(text).
std::vector<std::uint8_t> c40_encode(std::string_view text);

// The inverse (padding dropped; spaces stay spaces). nullopt on an odd length or a value that
// is no C40 character.
std::optional<std::string> c40_decode(std::span<const std::uint8_t> bytes);

}  // namespace cardface::seal
