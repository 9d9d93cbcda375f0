#include "image/jpeg_reader.h"

// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>
// clang-format off
#include <jpeglib.h>
#include <jerror.h>
// clang-format on

#include <csetjmp>
#include <string>

#include "cardface/error.h"
#include "core/limits.h"
#include "image/image_size.h"

namespace cardface::image {
namespace {

// libjpeg's default error_exit calls exit(); ours longjmps back to the setjmp in the
// function that made the failing call. Everything on that path is trivially destructible.
struct JpegErrors {
  jpeg_error_mgr manager;  // first: libjpeg hands back a pointer to it
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

struct JpegDecoder {
  jpeg_decompress_struct info;
  JpegErrors errors;
};

[[noreturn]] void fail(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  info->err->format_message(info, errors->message);
  std::longjmp(errors->jump, 1);
}

// Warnings go nowhere, except those that mean image data is missing: libjpeg would
// otherwise pad a truncated file with grey and carry on.
void on_message(j_common_ptr info, int level) {
  if (level >= 0) return;
  const int code = info->err->msg_code;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER) fail(info);
}

void ignore_output(j_common_ptr) {}

// A progressive file can hold thousands of tiny scans, each a pass over the whole image
// (libjpeg-turbo's advice for untrusted files: stop at a few hundred).
void count_scans(j_common_ptr info) {
  auto* d = reinterpret_cast<j_decompress_ptr>(info);
  if (d->input_scan_number > limits::jpeg_scans) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    std::snprintf(errors->message, sizeof errors->message, "more than %d scans",
                  limits::jpeg_scans);
    std::longjmp(errors->jump, 1);
  }
}

enum class Colour { rgba, cmyk, unsupported };

bool read_header(JpegDecoder& d, const std::uint8_t* data, std::size_t size, Colour& colour) {
  if (setjmp(d.errors.jump)) return false;
  jpeg_create_decompress(&d.info);
  jpeg_mem_src(&d.info, data, static_cast<unsigned long>(size));
  jpeg_read_header(&d.info, TRUE);
  switch (d.info.jpeg_color_space) {
    case JCS_GRAYSCALE:
    case JCS_YCbCr:
    case JCS_RGB:
      d.info.out_color_space = JCS_EXT_RGBA;
      colour = Colour::rgba;
      break;
    case JCS_CMYK:
    case JCS_YCCK:
      d.info.out_color_space = JCS_CMYK;
      colour = Colour::cmyk;
      break;
    default:
      colour = Colour::unsupported;
      return true;
  }
  jpeg_calc_output_dimensions(&d.info);
  return true;
}

bool read_rows(JpegDecoder& d, std::uint8_t* pixels, std::size_t stride) {
  if (setjmp(d.errors.jump)) return false;
  jpeg_start_decompress(&d.info);
  while (d.info.output_scanline < d.info.output_height) {
    JSAMPROW row = pixels + d.info.output_scanline * stride;
    jpeg_read_scanlines(&d.info, &row, 1);
  }
  jpeg_finish_decompress(&d.info);
  return true;
}

std::uint8_t multiply(int a, int b) {
  return static_cast<std::uint8_t>((a * b + 127) / 255);
}

// Naive CMYK to RGB, no colour management. Adobe's files (the common kind) store CMYK
// inverted, 255 = no ink.
void cmyk_to_rgba(std::uint8_t* pixels, std::size_t count, bool adobe_inverted) {
  for (std::size_t i = 0; i < count; ++i) {
    std::uint8_t* p = pixels + i * 4;
    int c = p[0], m = p[1], y = p[2], k = p[3];
    if (!adobe_inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
    p[0] = multiply(c, k);
    p[1] = multiply(m, k);
    p[2] = multiply(y, k);
    p[3] = 255;
  }
}

struct DecoderGuard {
  JpegDecoder* decoder;
  ~DecoderGuard() { jpeg_destroy_decompress(&decoder->info); }  // safe when never created
};

}  // namespace

Raster decode_jpeg(std::span<const std::uint8_t> bytes, std::string_view name_for_errors,
                   std::int64_t max_pixels) {
  const std::string name(name_for_errors);
  JpegDecoder decoder{};
  decoder.info.err = jpeg_std_error(&decoder.errors.manager);
  decoder.errors.manager.error_exit = fail;
  decoder.errors.manager.emit_message = on_message;
  decoder.errors.manager.output_message = ignore_output;
  DecoderGuard guard{&decoder};
  jpeg_progress_mgr progress{};
  progress.progress_monitor = count_scans;
  decoder.info.progress = &progress;
  auto corrupt = [&] {
    return Error(ErrorKind::file, name,
                 std::string("truncated or corrupt JPEG: ") + decoder.errors.message);
  };

  Colour colour = Colour::unsupported;
  if (!read_header(decoder, bytes.data(), bytes.size(), colour)) throw corrupt();
  if (colour == Colour::unsupported) {
    throw Error(ErrorKind::file, name,
                "unsupported JPEG colour space (" + std::to_string(decoder.info.num_components) +
                    " components)");
  }
  check_image_size(decoder.info.output_width, decoder.info.output_height, max_pixels, name);

  Raster raster;
  raster.width = static_cast<int>(decoder.info.output_width);
  raster.height = static_cast<int>(decoder.info.output_height);
  const std::size_t stride = std::size_t(raster.width) * 4;
  raster.rgba.resize(stride * raster.height);
  if (!read_rows(decoder, raster.rgba.data(), stride)) throw corrupt();
  if (colour == Colour::cmyk) {
    cmyk_to_rgba(raster.rgba.data(), std::size_t(raster.width) * raster.height,
                 decoder.info.saw_Adobe_marker);
  }
  return raster;
}

}  // namespace cardface::image
