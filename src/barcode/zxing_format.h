// Our symbology names ↔ ZXing-C++'s BarcodeFormat, shared by the writer and the reader.
#pragma once

#include <ZXing/BarcodeFormat.h>

#include "cardface/barcode.h"

namespace cardface::barcode {

ZXing::BarcodeFormat zxing_format(Symbology symbology);
std::optional<Symbology> symbology_of(ZXing::BarcodeFormat format);

}  // namespace cardface::barcode
