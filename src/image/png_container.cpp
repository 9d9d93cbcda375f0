#include "image/png_container.h"

#include <libdeflate.h>

#include <memory>

#include "cardface/error.h"

namespace cardface {
namespace {

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.push_back(std::uint8_t(v >> 24));
  out.push_back(std::uint8_t(v >> 16));
  out.push_back(std::uint8_t(v >> 8));
  out.push_back(std::uint8_t(v));
}

// Length, type, data, and the CRC-32 of type and data.
void chunk(std::vector<std::uint8_t>& out, const char type[5], const std::uint8_t* data,
           std::size_t size) {
  put32(out, std::uint32_t(size));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data, data + size);
  put32(out, std::uint32_t(libdeflate_crc32(0, out.data() + start, size + 4)));
}

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

std::vector<std::uint8_t> png_file(const PngHeader& header,
                                   const std::vector<std::uint8_t>& scanlines,
                                   const PngOptions& options) {
  std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
      libdeflate_alloc_compressor(options.compression));
  if (!compressor) throw Error(ErrorKind::internal, "png", "libdeflate could not allocate");
  // The compressed stream goes to a per-thread buffer (no fresh pages for every face), then
  // once into the file's bytes.
  thread_local std::vector<std::uint8_t> idat;
  idat.resize(libdeflate_zlib_compress_bound(compressor.get(), scanlines.size()));
  const std::size_t compressed = libdeflate_zlib_compress(
      compressor.get(), scanlines.data(), scanlines.size(), idat.data(), idat.size());
  if (compressed == 0) throw Error(ErrorKind::internal, "png", "libdeflate could not compress");

  std::vector<std::uint8_t> out{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  out.reserve(compressed + 128);
  std::vector<std::uint8_t> ihdr;
  put32(ihdr, std::uint32_t(header.width));
  put32(ihdr, std::uint32_t(header.height));
  ihdr.insert(ihdr.end(), {std::uint8_t(header.bit_depth), std::uint8_t(header.color_type), 0, 0,
                           0});  // deflate, adaptive filtering (per-row type), no interlace
  chunk(out, "IHDR", ihdr.data(), ihdr.size());
  if (options.srgb_chunk) {
    const std::uint8_t perceptual = 0;
    chunk(out, "sRGB", &perceptual, 1);
  }
  if (options.dpi > 0) {
    // Pixels per metre, rounded: 300 dpi -> 11811.
    const auto per_metre = std::uint32_t((std::int64_t{options.dpi} * 10000 + 127) / 254);
    std::vector<std::uint8_t> phys;
    put32(phys, per_metre);
    put32(phys, per_metre);
    phys.push_back(1);  // the unit is the metre
    chunk(out, "pHYs", phys.data(), phys.size());
  }
  chunk(out, "IDAT", idat.data(), compressed);
  chunk(out, "IEND", nullptr, 0);
  return out;
}

}  // namespace cardface
