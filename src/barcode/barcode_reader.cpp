// ZXing-C++'s ReadBarcode over a luminance copy of the image, composited on white paper.
// ZXing 1.4's DataMatrix detector misses a small symbol in a large image more often than not
// (a 13 mm seal on a whole card face), so when the whole image gives nothing, overlapping
// square windows of decreasing size are searched too.
#include <ZXing/ReadBarcode.h>

#include <algorithm>

#include "barcode/zxing_format.h"
#include "cardface/barcode.h"

namespace cardface {
namespace {

std::optional<DecodedBarcode> decoded(const ZXing::Result& result) {
  if (!result.isValid()) return std::nullopt;
  const auto symbology = barcode::symbology_of(result.format());
  if (!symbology) return std::nullopt;
  const ZXing::ByteArray& bytes = result.bytes();
  return DecodedBarcode{*symbology, std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
}

}  // namespace

std::optional<DecodedBarcode> read_barcode(const Raster& image,
                                           const std::vector<Symbology>& symbologies) {
  if (image.width <= 0 || image.height <= 0) return std::nullopt;
  const int width = image.width, height = image.height;
  // Rec. 601 luma over white: the card's transparent corners read as paper, not as black.
  std::vector<std::uint8_t> luma(std::size_t(width) * height);
  for (std::size_t i = 0; i < luma.size(); ++i) {
    const std::uint8_t* p = image.rgba.data() + i * 4;
    const int a = p[3];
    const int y = (299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000;
    luma[i] = std::uint8_t((y * a + 255 * (255 - a) + 127) / 255);
  }
  ZXing::BarcodeFormats formats;
  for (Symbology s : symbologies) formats |= barcode::zxing_format(s);
  const auto hints = ZXing::DecodeHints()
                         .setFormats(formats)
                         .setTryHarder(true)
                         .setTryRotate(true)
                         .setTryDownscale(true);
  auto read = [&](int x, int y, int w, int h) {
    return decoded(ZXing::ReadBarcode(ZXing::ImageView(luma.data() + std::size_t(y) * width + x, w,
                                                       h, ZXing::ImageFormat::Lum, width),
                                      hints));
  };
  if (auto found = read(0, 0, width, height)) return found;
  // Windows of 3/4, 1/2 and 1/3 of the shorter side, each a quarter of its size apart.
  const int shorter = std::min(width, height);
  for (int divisor : {4, 6, 9}) {
    const int side = shorter * 3 / divisor;
    if (side < 32) break;
    const int step = std::max(1, side / 4);
    for (int y = 0;; y = std::min(y + step, height - side)) {
      for (int x = 0;; x = std::min(x + step, width - side)) {
        if (auto found = read(x, y, side, side)) return found;
        if (x == width - side) break;
      }
      if (y == height - side) break;
    }
  }
  return std::nullopt;
}

}  // namespace cardface
