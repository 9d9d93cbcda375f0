// SVG path data (`M 1 2 L 3 4 Z`) as a template's "d" or "clip" holds it.
#include <cstddef>
#include <cstdint>

#include "fuzz_target.h"
#include "tmpl/path_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cardface::fuzz::only_cardface_errors([&] {
    std::string error;
    cardface::tmpl::parse_path_data(text, error);
  });
  return 0;
}
