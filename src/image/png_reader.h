// PNG decoding with libpng into 8-bit straight RGBA.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "cardface/scene.h"

namespace cardface::image {

// `bytes` start with the PNG signature. Throws Error(ErrorKind::file, name_for_errors, ...).
Raster decode_png(std::span<const std::uint8_t> bytes, std::string_view name_for_errors);

}  // namespace cardface::image
