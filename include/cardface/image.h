// Image files in and out: decoding PNG and JPEG (photos, template assets, golden references)
// into straight-alpha RGBA, the print-ready PNG writer, and the golden-image comparison.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// Decoded images larger than this on either side are refused before any pixel is allocated.
inline constexpr int max_image_side = 20000;

// Reads a PNG or a JPEG, chosen by the file's first bytes (never its extension), into 8-bit
// straight RGBA. PNG: every colour type and bit depth (16-bit rounded down to 8, palette, grey
// and tRNS expanded, interlaced). JPEG: grey, RGB/YCbCr and CMYK/YCCK (naive conversion);
// EXIF orientation and ICC profiles are ignored, as are PNG gAMA/cHRM/iCCP.
// Throws Error(ErrorKind::file, <path>, ...) when the file cannot be read or decoded.
Raster read_image(const std::filesystem::path& file);

// The same for bytes already in memory; `name_for_errors` becomes the error's `where`.
Raster decode_image(std::span<const std::uint8_t> bytes, std::string_view name_for_errors);

// With a pixel budget: an image of more than `max_pixels` (width x height) is refused from its
// header, before any pixel is allocated. Without one, the general limit applies (100 million
// pixels; photos and template assets have smaller ones: docs/limits.md).
Raster read_image(const std::filesystem::path& file, std::int64_t max_pixels);
Raster decode_image(std::span<const std::uint8_t> bytes, std::string_view name_for_errors,
                    std::int64_t max_pixels);

enum class PixelFormat {
  rgba8,         // R, G, B, A bytes, straight alpha
  cairo_argb32,  // native-endian 32-bit 0xAARRGGBB, premultiplied (CAIRO_FORMAT_ARGB32)
};

// Pixels owned by someone else (a Raster, a Cairo image surface): nothing is copied.
struct PixelView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes from one row to the next, at least width * 4
  PixelFormat format = PixelFormat::rgba8;
};

PixelView pixel_view(const Raster& raster);

struct PngOptions {
  int dpi = 0;             // written as pHYs in pixels per metre; 0: no pHYs chunk
  int compression = 1;     // zlib level 0-9; filter NONE at every level (faster, and smaller
                           // on card art than adaptive filtering)
  bool srgb_chunk = true;  // an sRGB chunk, rendering intent perceptual
};

// PNG bytes, 8-bit RGBA; colour type RGB when every pixel is opaque (fewer bytes, same
// pixels once decoded). No time or text chunks: the same pixels and options give the same
// bytes. Throws Error(ErrorKind::internal, "png", ...) on a malformed view or options.
std::vector<std::uint8_t> encode_png(const PixelView& pixels, const PngOptions& options = {});

// Opaque pixels already in a PNG's own layout: 1 byte a pixel (grey, 0 black) or 3 (RGB).
struct PlaneView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes from one row to the next, at least width * channels
  int channels = 1;
};

// PNG bytes for card-printer panels: grey at `bit_depth` 8, or 1 (a byte of 128 or more is
// white, below it black); RGB at 8 bits a channel (24-bit). Deterministic like encode_png.
// Throws Error(ErrorKind::internal, "png", ...) on a malformed view or options.
std::vector<std::uint8_t> encode_plane_png(const PlaneView& pixels, int bit_depth,
                                           const PngOptions& options = {});

// Writes to a temporary file beside `file`, then renames it over `file`: a failed write
// leaves neither a partial file nor the temporary. Throws Error(ErrorKind::file, <path>, ...).
void write_png_file(const PixelView& pixels, const std::filesystem::path& file,
                    const PngOptions& options = {});

// Golden-image tolerance, after Skia Gold's "fuzzy" and WPT's fuzzy(maxDifference, total).
struct Tolerance {
  int max_channel_delta = 16;  // a pixel differs when any channel (RGBA) differs by more
  std::int64_t max_differing_pixels = 0;
};

struct Comparison {
  bool same_size = false;
  int largest_delta = 0;  // the largest channel difference, over the pixels both images have
  std::int64_t differing_pixels = 0;  // beyond tolerance; with sizes differing, also every
                                      // pixel of the larger canvas not in both images
  bool passed = false;
  std::string summary;  // one human sentence
  // Around the pixels beyond tolerance (inclusive, in pixels of the images both have);
  // x1 < x0 when there is none.
  int beyond_x0 = 0, beyond_y0 = 0, beyond_x1 = -1, beyond_y1 = -1;
};

// Compares straight RGBA channel by channel; two fully transparent pixels are equal whatever
// their colour. `diff_out`, when given, receives a picture of the comparison at the larger
// of the two sizes: the expected image as faint grey on white, pixels beyond tolerance red,
// pixels that differ within tolerance yellow (small delta) to orange (at the tolerance), and
// any area outside either image red.
Comparison compare_images(const Raster& expected, const Raster& actual,
                          const Tolerance& tolerance = {}, Raster* diff_out = nullptr);

}  // namespace cardface
CARDFACE_CXX_API_END
