// A PNG file around already filtered scanlines, compressed in one call by libdeflate: libpng's
// zlib streams a row at a time and is the slower half of writing a card face (measured in
// docs/batch.md). Chunks: IHDR, sRGB (when asked), pHYs (when dpi > 0), one IDAT, IEND.
#pragma once

#include <cstdint>
#include <vector>

#include "cardface/image.h"

namespace cardface {

struct PngHeader {
  int width = 0;
  int height = 0;
  int bit_depth = 8;   // 1 or 8
  int color_type = 6;  // 0 grey, 2 RGB, 6 RGBA
};

// `scanlines`: for each row, the filter type byte (0, none) and then the row's bytes.
// Compression levels 0-9 as zlib's (0 stores).
std::vector<std::uint8_t> png_file(const PngHeader& header,
                                   const std::vector<std::uint8_t>& scanlines,
                                   const PngOptions& options);

}  // namespace cardface
