// A scanned image for `verify`: the first two bytes give width and height (1-128 pixels), the
// rest are grey levels, so the DataMatrix finder and decoder see arbitrary pictures.
#include <cstddef>
#include <cstdint>

#include "cardface/scene.h"
#include "cardface/seal.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  if (size < 2) return 0;
  Raster raster;
  raster.width = 1 + data[0] % 128;
  raster.height = 1 + data[1] % 128;
  raster.rgba.assign(std::size_t(raster.width) * raster.height * 4, 255);
  for (std::size_t i = 0; i < std::size_t(raster.width) * raster.height && i + 2 < size; ++i)
    raster.rgba[i * 4] = raster.rgba[i * 4 + 1] = raster.rgba[i * 4 + 2] = data[i + 2];
  fuzz::only_cardface_errors([&] { check_seal(raster, nullptr, nullptr); });
  return 0;
}
