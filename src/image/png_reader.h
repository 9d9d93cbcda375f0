// PNG decoding with libpng into 8-bit straight RGBA.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "cardface/scene.h"

namespace cardface::image {

// `bytes` start with the PNG signature. Throws Error(ErrorKind::file, name_for_errors, ...).
// Images of more than `max_pixels` are refused from the header, before pixels are allocated.
Raster decode_png(std::span<const std::uint8_t> bytes, std::string_view name_for_errors,
                  std::int64_t max_pixels);

}  // namespace cardface::image
