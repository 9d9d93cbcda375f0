// A card-type file (docs/card-types.md): read_card_type_file, as a template folder's
// card-type.json or a --types folder's file would be read.
#include <cstddef>
#include <cstdint>

#include "card/card_type.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  const auto file = fuzz::scratch_dir() / "card-type.json";
  fuzz::write_file(file, std::string_view(reinterpret_cast<const char*>(data), size));
  fuzz::only_cardface_errors([&] { card::read_card_type_file(file); });
  return 0;
}
