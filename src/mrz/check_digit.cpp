#include "mrz/check_digit.h"

namespace cardface::mrz {

std::optional<int> check_digit(std::string_view chars) {
  static constexpr int kWeights[] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char c = chars[i];
    int value;
    if (c >= '0' && c <= '9')
      value = c - '0';
    else if (c >= 'A' && c <= 'Z')
      value = c - 'A' + 10;
    else if (c == '<')
      value = 0;
    else
      return std::nullopt;
    sum += value * kWeights[i % 3];
  }
  return sum % 10;
}

}  // namespace cardface::mrz
