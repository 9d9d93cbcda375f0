#include <fcntl.h>
#include <png.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "cardface/error.h"
#include "cardface/image.h"

namespace cardface {
namespace {

// libpng leaves a failing call by longjmp: what it touches is trivially destructible, and
// the function that calls setjmp holds no C++ objects of its own.
struct PngSink {
  std::vector<std::uint8_t>* bytes = nullptr;
  char message[256] = {};
};

void on_error(png_structp png, png_const_charp message) {
  auto* sink = static_cast<PngSink*>(png_get_error_ptr(png));
  std::snprintf(sink->message, sizeof sink->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

void append_bytes(png_structp png, png_bytep data, std::size_t length) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  bool out_of_memory = false;
  try {
    sink->bytes->insert(sink->bytes->end(), data, data + length);
  } catch (const std::bad_alloc&) {
    out_of_memory = true;  // longjmp only once the handler is finished
  }
  if (out_of_memory) png_error(png, "out of memory");
}

void flush_nothing(png_structp) {}

const std::uint8_t* row_at(const PixelView& view, int y) {
  return view.data + static_cast<std::size_t>(y) * static_cast<std::size_t>(view.stride);
}

std::uint32_t cairo_pixel(const std::uint8_t* row, int x) {
  std::uint32_t pixel;
  std::memcpy(&pixel, row + std::size_t(x) * 4, 4);
  return pixel;
}

bool all_opaque(const PixelView& view) {
  for (int y = 0; y < view.height; ++y) {
    const std::uint8_t* row = row_at(view, y);
    for (int x = 0; x < view.width; ++x) {
      const int alpha =
          view.format == PixelFormat::rgba8 ? row[x * 4 + 3] : cairo_pixel(row, x) >> 24;
      if (alpha != 255) return false;
    }
  }
  return true;
}

std::uint8_t unpremultiply(std::uint32_t c, std::uint32_t a) {
  const std::uint32_t straight = (c * 255 + a / 2) / a;
  return static_cast<std::uint8_t>(straight > 255 ? 255 : straight);  // c > a is malformed
}

// One row of `view` as 8-bit RGB (opaque) or straight RGBA.
void convert_row(const PixelView& view, int y, bool opaque, std::uint8_t* out) {
  const std::uint8_t* row = row_at(view, y);
  if (view.format == PixelFormat::rgba8) {
    if (!opaque) {
      std::memcpy(out, row, std::size_t(view.width) * 4);
      return;
    }
    for (int x = 0; x < view.width; ++x, out += 3) std::memcpy(out, row + x * 4, 3);
    return;
  }
  for (int x = 0; x < view.width; ++x) {
    const std::uint32_t pixel = cairo_pixel(row, x);
    const std::uint32_t a = pixel >> 24;
    std::uint32_t r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
    if (a != 255) {
      if (a == 0) {
        r = g = b = 0;
      } else {
        r = unpremultiply(r, a);
        g = unpremultiply(g, a);
        b = unpremultiply(b, a);
      }
    }
    *out++ = static_cast<std::uint8_t>(r);
    *out++ = static_cast<std::uint8_t>(g);
    *out++ = static_cast<std::uint8_t>(b);
    if (!opaque) *out++ = static_cast<std::uint8_t>(a);
  }
}

bool write_png(png_structp png, png_infop info, const PixelView& view, const PngOptions& options,
               bool opaque, std::uint8_t* row) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, static_cast<png_uint_32>(view.width),
               static_cast<png_uint_32>(view.height), 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (options.dpi > 0) {
    // Pixels per metre, rounded: 300 dpi -> 11811.
    const auto per_metre =
        static_cast<png_uint_32>((std::int64_t{options.dpi} * 10000 + 127) / 254);
    png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  if (options.srgb_chunk) png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  png_set_compression_level(png, options.compression);
  // Filter NONE at every level: on card faces (flat art, guilloche, text) it measured both
  // smaller and 1.5-3x faster than adaptive filtering at levels 1, 6 and 9; only a noisy
  // camera photo at level 1 came out smaller (by 6%) with adaptive filters.
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_buffer_size(png, 1 << 16);
  png_write_info(png, info);
  for (int y = 0; y < view.height; ++y) {
    convert_row(view, y, opaque, row);
    png_write_row(png, row);
  }
  png_write_end(png, nullptr);
  return true;
}

// One row of a plane in the file's layout: 1-bit rows are packed, most significant bit first.
void plane_row(const PlaneView& view, int y, int bit_depth, std::uint8_t* out) {
  const std::uint8_t* row = view.data + std::size_t(y) * std::size_t(view.stride);
  if (bit_depth == 8) {
    std::memcpy(out, row, std::size_t(view.width) * view.channels);
    return;
  }
  std::memset(out, 0, (std::size_t(view.width) + 7) / 8);
  for (int x = 0; x < view.width; ++x)
    if (row[x] >= 128) out[x / 8] |= std::uint8_t(0x80 >> (x % 8));
}

bool write_plane_png(png_structp png, png_infop info, const PlaneView& view, int bit_depth,
                     const PngOptions& options, std::uint8_t* row) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, static_cast<png_uint_32>(view.width),
               static_cast<png_uint_32>(view.height), bit_depth,
               view.channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (options.dpi > 0) {
    const auto per_metre =
        static_cast<png_uint_32>((std::int64_t{options.dpi} * 10000 + 127) / 254);
    png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  if (options.srgb_chunk) png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  png_set_compression_level(png, options.compression);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (int y = 0; y < view.height; ++y) {
    plane_row(view, y, bit_depth, row);
    png_write_row(png, row);
  }
  png_write_end(png, nullptr);
  return true;
}

struct WriteStructs {
  png_structp png = nullptr;
  png_infop info = nullptr;
  ~WriteStructs() { png_destroy_write_struct(&png, &info); }
};

// Far beyond any printer; keeps pixels per metre well inside pHYs's 31 bits.
constexpr int max_png_dpi = 100000;

void check_arguments(const PixelView& view, const PngOptions& options) {
  auto invalid = [](const std::string& message) {
    return Error(ErrorKind::internal, "png", message);
  };
  if (!view.data) throw invalid("no pixels");
  if (view.width <= 0 || view.height <= 0) {
    throw invalid("image is " + std::to_string(view.width) + " x " + std::to_string(view.height));
  }
  if (std::int64_t{view.stride} < std::int64_t{view.width} * 4) {
    throw invalid("stride " + std::to_string(view.stride) + " is less than 4 x width " +
                  std::to_string(view.width));
  }
  if (options.compression < 0 || options.compression > 9) {
    throw invalid("compression " + std::to_string(options.compression) + " is not in 0-9");
  }
  if (options.dpi < 0 || options.dpi > max_png_dpi) {
    throw invalid("dpi " + std::to_string(options.dpi) + " is not in 0-" +
                  std::to_string(max_png_dpi));
  }
}

std::string describe_errno(int error_number) {
  return std::generic_category().message(error_number);
}

// Creates a new file beside `target`, named after it; returns its descriptor.
int create_temporary(const std::filesystem::path& target, std::filesystem::path& temporary) {
  static std::atomic<unsigned> counter{0};
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
  std::string stem = ".";
  stem += target.filename().string();
  stem += ".tmp-" + std::to_string(getpid());
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary = target.parent_path() / (stem + "-" + std::to_string(counter++));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

bool write_all(int fd, const std::vector<std::uint8_t>& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

PixelView pixel_view(const Raster& raster) {
  return {raster.rgba.data(), raster.width, raster.height, raster.width * 4, PixelFormat::rgba8};
}

std::vector<std::uint8_t> encode_png(const PixelView& pixels, const PngOptions& options) {
  check_arguments(pixels, options);
  const bool opaque = all_opaque(pixels);
  std::vector<std::uint8_t> row(std::size_t(pixels.width) * (opaque ? 3 : 4));
  std::vector<std::uint8_t> bytes;
  bytes.reserve(std::size_t(pixels.width) * pixels.height / 4);
  PngSink sink;
  sink.bytes = &bytes;

  WriteStructs structs;
  structs.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
  if (structs.png) structs.info = png_create_info_struct(structs.png);
  if (!structs.png || !structs.info) {
    throw Error(ErrorKind::internal, "png", "libpng could not allocate a writer");
  }
  png_set_write_fn(structs.png, &sink, append_bytes, flush_nothing);
  if (!write_png(structs.png, structs.info, pixels, options, opaque, row.data())) {
    throw Error(ErrorKind::internal, "png", std::string("libpng: ") + sink.message);
  }
  return bytes;
}

std::vector<std::uint8_t> encode_plane_png(const PlaneView& pixels, int bit_depth,
                                           const PngOptions& options) {
  auto invalid = [](const std::string& message) {
    return Error(ErrorKind::internal, "png", message);
  };
  if (pixels.channels != 1 && pixels.channels != 3) throw invalid("channels must be 1 or 3");
  if (bit_depth != 8 && !(bit_depth == 1 && pixels.channels == 1))
    throw invalid("bit depth must be 8, or 1 for grey");
  if (!pixels.data || pixels.width <= 0 || pixels.height <= 0 ||
      std::int64_t{pixels.stride} < std::int64_t{pixels.width} * pixels.channels)
    throw invalid("malformed plane");
  // The RGBA checks cover dpi and compression; its stride rule does not apply to planes.
  check_arguments(PixelView{pixels.data, 1, 1, 4, PixelFormat::rgba8}, options);
  std::vector<std::uint8_t> row(std::size_t(pixels.width) * pixels.channels);
  std::vector<std::uint8_t> bytes;
  PngSink sink;
  sink.bytes = &bytes;
  WriteStructs structs;
  structs.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
  if (structs.png) structs.info = png_create_info_struct(structs.png);
  if (!structs.png || !structs.info) throw invalid("libpng could not allocate a writer");
  png_set_write_fn(structs.png, &sink, append_bytes, flush_nothing);
  if (!write_plane_png(structs.png, structs.info, pixels, bit_depth, options, row.data()))
    throw invalid(std::string("libpng: ") + sink.message);
  return bytes;
}

void write_png_file(const PixelView& pixels, const std::filesystem::path& file,
                    const PngOptions& options) {
  const std::vector<std::uint8_t> bytes = encode_png(pixels, options);
  auto cannot_write = [&](int error_number) {
    return Error(ErrorKind::file, file.string(), "cannot write: " + describe_errno(error_number));
  };
  if (file.filename().empty()) throw cannot_write(EISDIR);

  std::filesystem::path temporary;
  const int fd = create_temporary(file, temporary);
  if (fd < 0) throw cannot_write(errno);
  bool ok = write_all(fd, bytes);
  int error_number = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error_number = errno;
  }
  if (ok && std::rename(temporary.c_str(), file.c_str()) != 0) {
    ok = false;
    error_number = errno;
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    throw cannot_write(error_number);
  }
}

}  // namespace cardface
