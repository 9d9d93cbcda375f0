// Symbology names as templates and the verify report write them.
#include "cardface/barcode.h"

namespace cardface {

const char* to_string(Symbology symbology) {
  switch (symbology) {
    case Symbology::datamatrix:
      return "datamatrix";
    case Symbology::qr:
      return "qr";
    case Symbology::pdf417:
      return "pdf417";
    case Symbology::aztec:
      return "aztec";
  }
  return "?";
}

std::optional<Symbology> symbology_from_string(const std::string& name) {
  for (Symbology s : {Symbology::datamatrix, Symbology::qr, Symbology::pdf417, Symbology::aztec})
    if (name == to_string(s)) return s;
  return std::nullopt;
}

}  // namespace cardface
