#include "idnum/iso7064.h"

namespace cardface::idnum {

std::optional<char> iso7064_mod11_2_check(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  // Horner's rule over the pure system: (sum + digit) * 2, all mod 11, leaves sum = S * 2 mod 11
  // with S the weighted sum; the check value c makes S + c = 1 (mod 11).
  int sum = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    sum = (sum + (c - '0')) * 2 % 11;
  }
  const int check = (12 - sum) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

}  // namespace cardface::idnum
