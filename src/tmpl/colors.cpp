#include "tmpl/colors.h"

namespace cardface::tmpl {

std::optional<Rgba> parse_color(std::string_view text) {
  if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
  double channel[4] = {0, 0, 0, 1};
  for (std::size_t i = 1, c = 0; i < text.size(); i += 2, ++c) {
    int value = 0;
    for (std::size_t j = i; j < i + 2; ++j) {
      const char ch = text[j];
      int nibble;
      if (ch >= '0' && ch <= '9')
        nibble = ch - '0';
      else if (ch >= 'a' && ch <= 'f')
        nibble = ch - 'a' + 10;
      else if (ch >= 'A' && ch <= 'F')
        nibble = ch - 'A' + 10;
      else
        return std::nullopt;
      value = value * 16 + nibble;
    }
    channel[c] = value / 255.0;
  }
  return Rgba{channel[0], channel[1], channel[2], channel[3]};
}

}  // namespace cardface::tmpl
