// A holder record as JSON text: parse_card (JSON, the card type's schema, every field rule).
#include <cstddef>
#include <cstdint>

#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cardface::fuzz::only_cardface_errors(
      [&] { cardface::parse_card(text, cardface::fuzz::scratch_dir()); });
  return 0;
}
