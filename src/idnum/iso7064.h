// ISO 7064 MOD 11-2, the check character of China's 18-character citizen (GB 11643) and
// foreign permanent resident ID numbers.
#pragma once

#include <optional>
#include <string_view>

namespace cardface::idnum {

// The check character ('0'-'9' or 'X') for a string of digits; nullopt when it is empty or
// holds anything but digits. For the 17 leading digits of an ID number the weights are
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 (2^(n-i+1) mod 11 in general).
std::optional<char> iso7064_mod11_2_check(std::string_view digits);

}  // namespace cardface::idnum
