// Scene face → pixels. One Cairo image surface per face; the card's trim size exactly
// (no bleed in raster output), transparent outside the rounded corners.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct RasterOptions {
  int dpi = 600;
  bool show_uv = false;       // tint the uv panel violet over the face (a preview, not for print)
  bool debug_layout = false;  // element boxes, baselines, trim, ICAO MRZ zone (docs/print.md)
};

// Cairo's ARGB32: native-endian 0xAARRGGBB words, premultiplied alpha, `stride` bytes a row.
// The raw face bitmap for issuance apps that drive a printer SDK themselves.
struct Bitmap {
  int width = 0;
  int height = 0;
  int stride = 0;
  int dpi = 0;
  std::vector<std::uint8_t> data;
};

// Pixels for a length at a resolution: round(mm / 25.4 × dpi). 85.60 mm at 600 dpi = 2022.
int pixels_for_mm(double mm, int dpi);

// The module size a raster backend draws a barcode with: round(module_mm / 25.4 × dpi) whole
// device pixels, at least 1 (0.254 mm: 3 px at 300 dpi, 6 px at 600 dpi).
int barcode_module_px(double module_mm, int dpi);

// Throws Error(ErrorKind::internal) when Cairo fails, Error(ErrorKind::file) when a font
// file the scene names cannot be opened.
Bitmap rasterize(const Face& face, const RasterOptions& options);

// PNG bytes with pHYs = the bitmap's dpi and an sRGB chunk; zlib level `compression` (0-9).
std::vector<std::uint8_t> encode_png(const Bitmap& bitmap, int compression = 1);

}  // namespace cardface
CARDFACE_CXX_API_END
