#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cardface/error.h"
#include "cardface/image.h"
#include "core/limits.h"
#include "image/jpeg_reader.h"
#include "image/png_reader.h"

namespace cardface {
namespace {

bool starts_with(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> magic) {
  return bytes.size() >= magic.size() && std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

constexpr std::uint8_t png_signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr std::uint8_t jpeg_start[] = {0xff, 0xd8, 0xff};  // SOI, then a marker

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

Error cannot_read(const std::filesystem::path& file, int error_number) {
  return Error(ErrorKind::file, file.string(),
               "cannot read: " + std::generic_category().message(error_number));
}

// A compressed image is never larger than its pixels uncompressed (plus generous headers):
// a bigger file is refused before it is read into memory.
std::vector<std::uint8_t> read_bytes(const std::filesystem::path& file, std::int64_t max_pixels) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(file.c_str(), "rb"));
  if (!f) throw cannot_read(file, errno);
  const std::uintmax_t max_bytes = std::uintmax_t(max_pixels) * 8 + (std::uintmax_t{1} << 24);
  std::vector<std::uint8_t> bytes;
  std::error_code ignored;
  if (auto size = std::filesystem::file_size(file, ignored); !ignored) {
    if (size > max_bytes)
      throw Error(ErrorKind::file, file.string(),
                  "image file too large (" + std::to_string(size) + " bytes)");
    bytes.reserve(size);
  }
  std::uint8_t chunk[65536];
  for (;;) {
    const std::size_t n = std::fread(chunk, 1, sizeof chunk, f.get());
    bytes.insert(bytes.end(), chunk, chunk + n);
    if (bytes.size() > max_bytes)
      throw Error(ErrorKind::file, file.string(), "image file too large");
    if (n < sizeof chunk) break;
  }
  if (std::ferror(f.get())) throw cannot_read(file, errno);
  return bytes;
}

}  // namespace

Raster decode_image(std::span<const std::uint8_t> bytes, std::string_view name_for_errors,
                    std::int64_t max_pixels) {
  if (starts_with(bytes, png_signature))
    return image::decode_png(bytes, name_for_errors, max_pixels);
  if (starts_with(bytes, jpeg_start)) return image::decode_jpeg(bytes, name_for_errors, max_pixels);
  throw Error(ErrorKind::file, std::string(name_for_errors), "not a PNG or JPEG image");
}

Raster decode_image(std::span<const std::uint8_t> bytes, std::string_view name_for_errors) {
  return decode_image(bytes, name_for_errors, limits::image_pixels);
}

Raster read_image(const std::filesystem::path& file, std::int64_t max_pixels) {
  return decode_image(read_bytes(file, max_pixels), file.string(), max_pixels);
}

Raster read_image(const std::filesystem::path& file) {
  return read_image(file, limits::image_pixels);
}

}  // namespace cardface
