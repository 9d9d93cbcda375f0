#include "image/png_reader.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cardface/error.h"
#include "core/limits.h"
#include "image/image_size.h"

namespace cardface::image {
namespace {

// libpng leaves a failing call by longjmp: everything it touches lives here, trivially
// destructible, and the functions that call setjmp hold no C++ objects of their own.
struct PngSource {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  std::size_t offset = 0;
  char message[256] = {};
};

void on_error(png_structp png, png_const_charp message) {
  auto* source = static_cast<PngSource*>(png_get_error_ptr(png));
  std::snprintf(source->message, sizeof source->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

void read_bytes(png_structp png, png_bytep out, std::size_t length) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (source->size - source->offset < length) png_error(png, "file ends early");
  std::memcpy(out, source->data + source->offset, length);
  source->offset += length;
}

// Reads the header and sets up every transform to 8-bit RGBA.
bool read_header(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_read_info(png, info);
  const int color_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  const bool has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (has_trns) png_set_tRNS_to_alpha(png);
  if (bit_depth == 16) png_set_scale_16(png);  // rounds, where strip_16 would truncate
  if (!(color_type & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(png);
  if (!(color_type & PNG_COLOR_MASK_ALPHA) && !has_trns)
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  return true;
}

bool read_rows(png_structp png, png_bytepp rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_read_image(png, rows);
  png_read_end(png, nullptr);  // a file cut before IEND is refused too
  return true;
}

struct ReadStructs {
  png_structp png = nullptr;
  png_infop info = nullptr;
  ~ReadStructs() { png_destroy_read_struct(&png, &info, nullptr); }
};

std::uint32_t big_endian_u32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

}  // namespace

Raster decode_png(std::span<const std::uint8_t> bytes, std::string_view name_for_errors,
                  std::int64_t max_pixels) {
  const std::string name(name_for_errors);
  auto corrupt = [&](const char* message) {
    return Error(ErrorKind::file, name, std::string("truncated or corrupt PNG: ") + message);
  };

  // Size from IHDR before libpng sees it, so an empty or huge image gets our own sentence
  // rather than libpng's "Image width is zero in IHDR".
  if (bytes.size() >= 24 && std::memcmp(bytes.data() + 12, "IHDR", 4) == 0) {
    check_image_size(big_endian_u32(bytes.data() + 16), big_endian_u32(bytes.data() + 20),
                     max_pixels, name);
  }

  PngSource source;
  source.data = bytes.data();
  source.size = bytes.size();
  ReadStructs structs;
  structs.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, on_error, on_warning);
  if (structs.png) structs.info = png_create_info_struct(structs.png);
  if (!structs.png || !structs.info) {
    throw Error(ErrorKind::internal, name, "libpng could not allocate a reader");
  }
  png_set_read_fn(structs.png, &source, read_bytes);
  // Bounds for what libpng itself allocates: sides, ancillary chunks (a zTXt or iCCP bomb).
  png_set_user_limits(structs.png, max_image_side, max_image_side);
  png_set_chunk_malloc_max(structs.png, limits::png_chunk_bytes);
  png_set_chunk_cache_max(structs.png, limits::png_chunks);
  if (!read_header(structs.png, structs.info)) throw corrupt(source.message);

  const std::uint32_t width = png_get_image_width(structs.png, structs.info);
  const std::uint32_t height = png_get_image_height(structs.png, structs.info);
  check_image_size(width, height, max_pixels, name);
  if (png_get_rowbytes(structs.png, structs.info) != std::size_t{width} * 4) {
    throw Error(ErrorKind::internal, name, "libpng did not expand the image to 8-bit RGBA");
  }

  Raster raster;
  raster.width = static_cast<int>(width);
  raster.height = static_cast<int>(height);
  raster.rgba.resize(std::size_t{width} * height * 4);
  std::vector<png_bytep> rows(height);
  for (std::uint32_t y = 0; y < height; ++y)
    rows[y] = raster.rgba.data() + std::size_t{y} * width * 4;
  if (!read_rows(structs.png, rows.data())) throw corrupt(source.message);
  return raster;
}

}  // namespace cardface::image
