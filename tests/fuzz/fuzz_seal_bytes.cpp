// The bytes a seal's DataMatrix holds: parse_seal, its fields, and the check verify makes.
#include <cstddef>
#include <cstdint>

#include "cardface/seal.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  fuzz::only_cardface_errors([&] {
    const Seal seal = parse_seal({data, size});
    seal_fields(seal);
    seal_disagreements(seal, fuzz::specimen_card());
  });
  fuzz::only_cardface_errors([&] {
    check_seal_bytes({data, size}, nullptr, &fuzz::specimen_card());
  });
  return 0;
}
