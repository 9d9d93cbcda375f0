// ZXing-C++'s ReadBarcode over a luminance copy of the image, composited on white paper.
#include <ZXing/ReadBarcode.h>

#include "barcode/zxing_format.h"
#include "cardface/barcode.h"

namespace cardface {

std::optional<DecodedBarcode> read_barcode(const Raster& image,
                                           const std::vector<Symbology>& symbologies) {
  if (image.width <= 0 || image.height <= 0) return std::nullopt;
  // Rec. 601 luma over white: the card's transparent corners read as paper, not as black.
  std::vector<std::uint8_t> luma(std::size_t(image.width) * image.height);
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
  const ZXing::Result result = ZXing::ReadBarcode(
      ZXing::ImageView(luma.data(), image.width, image.height, ZXing::ImageFormat::Lum), hints);
  if (!result.isValid()) return std::nullopt;
  const auto symbology = barcode::symbology_of(result.format());
  if (!symbology) return std::nullopt;
  const ZXing::ByteArray& bytes = result.bytes();
  return DecodedBarcode{*symbology, std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
}

}  // namespace cardface
