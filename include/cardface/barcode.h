// 2D barcodes through ZXing-C++: bytes in, a module matrix out (the writer), and an image in,
// the bytes of the code found in it out (the reader). Bytes go in and come out as bytes: UTF-8
// text decodes back identically, with no character-set guessing on either side.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

enum class Symbology { datamatrix, qr, pdf417, aztec };

const char* to_string(Symbology symbology);
// nullopt for a name that is none of "datamatrix", "qr", "pdf417", "aztec".
std::optional<Symbology> symbology_from_string(const std::string& name);

// The symbol's modules, row by row, without any quiet zone.
struct ModuleMatrix {
  int columns = 0;
  int rows = 0;
  std::vector<std::uint8_t> dark;  // columns * rows, 1 = dark module

  bool at(int column, int row) const { return dark[std::size_t(row) * columns + column] != 0; }
};

// Encodes `bytes` as they are (no ECI, no character-set conversion). PDF417 rows come out
// several modules tall, as its writer draws them. Throws Error(ErrorKind::data, where, ...)
// when the symbology cannot hold that many bytes.
ModuleMatrix encode_barcode(std::span<const std::uint8_t> bytes, Symbology symbology,
                            const std::string& where);

struct DecodedBarcode {
  Symbology symbology = Symbology::datamatrix;
  std::vector<std::uint8_t> bytes;
};

// Finds and decodes one code of the given symbologies in an image (straight RGBA; transparent
// pixels count as white paper). Tries hard: any rotation, background art, blur. nullopt when
// nothing readable is found.
std::optional<DecodedBarcode> read_barcode(const Raster& image,
                                           const std::vector<Symbology>& symbologies);

}  // namespace cardface
CARDFACE_CXX_API_END
