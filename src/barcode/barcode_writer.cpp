// ZXing-C++'s MultiFormatWriter at one pixel per module and no margin: the quiet zone and the
// module size are the renderer's business, not the encoder's.
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <stdexcept>

#include "barcode/zxing_format.h"
#include "cardface/barcode.h"
#include "cardface/error.h"

namespace cardface {

ModuleMatrix encode_barcode(std::span<const std::uint8_t> bytes, Symbology symbology,
                            const std::string& where) {
  if (bytes.empty()) throw Error(ErrorKind::data, where, "the barcode's content is empty");
  // Binary content for ZXing 1.4: one wchar_t per byte and the encoding left unset, so no
  // writer converts it or adds an ECI header (setting BINARY makes QR add one).
  std::wstring content(bytes.begin(), bytes.end());
  ZXing::BitMatrix matrix;
  try {
    matrix = ZXing::MultiFormatWriter(barcode::zxing_format(symbology))
                 .setMargin(0)
                 .encode(content, 0, 0);
  } catch (const std::exception&) {
    throw Error(ErrorKind::data, where,
                std::to_string(bytes.size()) + " bytes do not fit in a " + to_string(symbology) +
                    " symbol");
  }
  ModuleMatrix out;
  out.columns = matrix.width();
  out.rows = matrix.height();
  out.dark.resize(std::size_t(out.columns) * out.rows);
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.columns; ++x)
      out.dark[std::size_t(y) * out.columns + x] = matrix.get(x, y) ? 1 : 0;
  return out;
}

}  // namespace cardface
