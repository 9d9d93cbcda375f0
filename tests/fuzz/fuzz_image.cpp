// PNG and JPEG bytes: decode_image with a photo's pixel budget (as a holder's photo is read).
#include <cstddef>
#include <cstdint>

#include "cardface/image.h"
#include "core/limits.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cardface::fuzz::only_cardface_errors([&] {
    cardface::decode_image({data, size}, "fuzz", cardface::limits::photo_pixels);
  });
  return 0;
}
