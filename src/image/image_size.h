// The size check every decoder makes after reading a header and before allocating pixels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cardface/error.h"
#include "cardface/image.h"

namespace cardface::image {

inline void check_image_size(std::int64_t width, std::int64_t height, std::int64_t max_pixels,
                             std::string_view name_for_errors) {
  const std::string size = std::to_string(width) + " x " + std::to_string(height);
  if (width <= 0 || height <= 0) {
    throw Error(ErrorKind::file, std::string(name_for_errors), "image is " + size);
  }
  if (width > max_image_side || height > max_image_side) {
    const std::string side = std::to_string(max_image_side);
    throw Error(ErrorKind::file, std::string(name_for_errors),
                "image too large (" + size + "; at most " + side + " x " + side + ")");
  }
  if (width * height > max_pixels) {
    throw Error(ErrorKind::file, std::string(name_for_errors),
                "image too large (" + size + " is " + std::to_string(width * height) +
                    " pixels; at most " + std::to_string(max_pixels) + ")");
  }
}

}  // namespace cardface::image
