#include "barcode/zxing_format.h"

namespace cardface::barcode {

ZXing::BarcodeFormat zxing_format(Symbology symbology) {
  switch (symbology) {
    case Symbology::datamatrix:
      return ZXing::BarcodeFormat::DataMatrix;
    case Symbology::qr:
      return ZXing::BarcodeFormat::QRCode;
    case Symbology::pdf417:
      return ZXing::BarcodeFormat::PDF417;
    case Symbology::aztec:
      return ZXing::BarcodeFormat::Aztec;
  }
  return ZXing::BarcodeFormat::None;
}

std::optional<Symbology> symbology_of(ZXing::BarcodeFormat format) {
  for (Symbology s : {Symbology::datamatrix, Symbology::qr, Symbology::pdf417, Symbology::aztec})
    if (zxing_format(s) == format) return s;
  return std::nullopt;
}

}  // namespace cardface::barcode
