// ICAO Doc 9303 Part 3 check digit: weights 7, 3, 1 repeating; 0-9 = value, A-Z = 10-35,
// '<' = 0; sum mod 10. Also used by the 15-character FPRC 2017 card number.
#pragma once

#include <optional>
#include <string_view>

namespace cardface::mrz {

// nullopt when `chars` holds anything but 0-9, A-Z and '<'.
std::optional<int> check_digit(std::string_view chars);

}  // namespace cardface::mrz
