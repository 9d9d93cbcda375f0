// Three TD1 lines, split at the first two line feeds: check_machine_readable_zone.
#include <cstddef>
#include <cstdint>

#include "cardface/mrz.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::string_view lines[3];
  for (auto& line : lines) {
    const std::size_t end = rest.find('\n');
    line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  cardface::fuzz::only_cardface_errors(
      [&] { cardface::check_machine_readable_zone(lines[0], lines[1], lines[2]); });
  return 0;
}
