// A CSV batch file (header row, quoted cells over line breaks).
#include "fuzz_batch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cardface::fuzz::read_batch(data, size, "batch.csv");
  return 0;
}
