#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cardface/error.h"
#include "cardface/image.h"
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

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& file) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(file.c_str(), "rb"));
  if (!f) throw cannot_read(file, errno);
  std::vector<std::uint8_t> bytes;
  std::error_code ignored;
  if (auto size = std::filesystem::file_size(file, ignored); !ignored) bytes.reserve(size);
  std::uint8_t chunk[65536];
  for (;;) {
    const std::size_t n = std::fread(chunk, 1, sizeof chunk, f.get());
    bytes.insert(bytes.end(), chunk, chunk + n);
    if (n < sizeof chunk) break;
  }
  if (std::ferror(f.get())) throw cannot_read(file, errno);
  return bytes;
}

}  // namespace

Raster decode_image(std::span<const std::uint8_t> bytes, std::string_view name_for_errors) {
  if (starts_with(bytes, png_signature)) return image::decode_png(bytes, name_for_errors);
  if (starts_with(bytes, jpeg_start)) return image::decode_jpeg(bytes, name_for_errors);
  throw Error(ErrorKind::file, std::string(name_for_errors), "not a PNG or JPEG image");
}

Raster read_image(const std::filesystem::path& file) {
  return decode_image(read_bytes(file), file.string());
}

}  // namespace cardface
