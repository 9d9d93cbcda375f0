#include "cardface/image.h"

#include <gtest/gtest.h>
#include <png.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>
// clang-format off
#include <jpeglib.h>
// clang-format on

#include "cardface/error.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

// ---- helpers: independent PNG/JPEG writers and readers built on libpng/libjpeg directly ----

void append_to(png_structp png, png_bytep data, std::size_t length) {
  auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

struct PngSpec {
  int width = 0, height = 0;
  int color_type = PNG_COLOR_TYPE_RGBA;
  int bit_depth = 8;
  bool interlaced = false;
  std::vector<png_color> palette = {};
  std::vector<png_byte> trns_alpha = {};      // palette tRNS
  std::optional<png_color_16> trns_key = {};  // grey/RGB tRNS
  std::vector<Bytes> rows = {};               // packed as PNG stores them (big-endian 16-bit)
};

Bytes make_png(const PngSpec& spec) {
  Bytes out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    ADD_FAILURE() << "libpng failed writing a test image";
    return {};
  }
  png_set_write_fn(png, &out, append_to, nullptr);
  png_set_IHDR(png, info, spec.width, spec.height, spec.bit_depth, spec.color_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!spec.palette.empty()) {
    png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
  }
  if (!spec.trns_alpha.empty() || spec.trns_key) {
    png_set_tRNS(png, info, spec.trns_alpha.empty() ? nullptr : spec.trns_alpha.data(),
                 static_cast<int>(spec.trns_alpha.size()),
                 spec.trns_key ? &*spec.trns_key : nullptr);
  }
  png_write_info(png, info);
  std::vector<png_bytep> rows;
  for (const Bytes& row : spec.rows) rows.push_back(const_cast<png_bytep>(row.data()));
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

void read_from(png_structp png, png_bytep out, std::size_t length) {
  auto* source = static_cast<std::pair<const Bytes*, std::size_t>*>(png_get_io_ptr(png));
  if (source->second + length > source->first->size()) png_error(png, "short");
  std::memcpy(out, source->first->data() + source->second, length);
  source->second += length;
}

// What the writer put in the PNG's header chunks, as libpng reads it.
struct PngHeader {
  int color_type = -1;
  bool has_phys = false;
  png_uint_32 phys_x = 0, phys_y = 0;
  int phys_unit = -1;
  bool has_srgb = false;
  int srgb_intent = -1;
};

PngHeader read_header(const Bytes& bytes) {
  PngHeader header;
  std::pair<const Bytes*, std::size_t> source{&bytes, 0};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    ADD_FAILURE() << "libpng could not read the header";
    return header;
  }
  png_set_read_fn(png, &source, read_from);
  png_read_info(png, info);
  header.color_type = png_get_color_type(png, info);
  header.has_phys = png_get_pHYs(png, info, &header.phys_x, &header.phys_y, &header.phys_unit) != 0;
  header.has_srgb = png_get_sRGB(png, info, &header.srgb_intent) != 0;
  png_destroy_read_struct(&png, &info, nullptr);
  return header;
}

std::vector<std::string> chunk_names(const Bytes& png) {
  std::vector<std::string> names;
  for (std::size_t at = 8; at + 8 <= png.size();) {
    const std::uint32_t length = std::uint32_t{png[at]} << 24 | std::uint32_t{png[at + 1]} << 16 |
                                 std::uint32_t{png[at + 2]} << 8 | png[at + 3];
    names.emplace_back(reinterpret_cast<const char*>(png.data() + at + 4), 4);
    at += 12 + length;
  }
  return names;
}

void put_u32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// A PNG whose IHDR says width x height, with a valid CRC, and nothing after it.
Bytes png_with_ihdr(std::uint32_t width, std::uint32_t height) {
  Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  put_u32(out, 13);
  const std::size_t type_at = out.size();
  for (char c : std::string("IHDR")) out.push_back(static_cast<std::uint8_t>(c));
  put_u32(out, width);
  put_u32(out, height);
  for (std::uint8_t b : {8, 6, 0, 0, 0}) out.push_back(b);
  put_u32(out, static_cast<std::uint32_t>(crc32(0, out.data() + type_at, 17)));
  return out;
}

Bytes make_jpeg(int width, int height, J_COLOR_SPACE space, int components,
                const std::function<void(int x, int y, std::uint8_t* px)>& pixel) {
  jpeg_compress_struct info;
  jpeg_error_mgr errors;
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = width;
  info.image_height = height;
  info.input_components = components;
  info.in_color_space = space;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 95, TRUE);
  jpeg_start_compress(&info, TRUE);
  Bytes row(std::size_t(width) * components);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) pixel(x, y, row.data() + x * components);
    JSAMPROW rows[] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  Bytes out(buffer, buffer + size);
  std::free(buffer);
  return out;
}

// Four 8 x 8 quadrants: red, green / blue, grey.
Bytes quadrant_jpeg() {
  return make_jpeg(16, 16, JCS_RGB, 3, [](int x, int y, std::uint8_t* px) {
    static const std::uint8_t colours[4][3] = {
        {220, 30, 30}, {30, 200, 60}, {40, 60, 210}, {128, 128, 128}};
    const auto* c = colours[(y / 8) * 2 + x / 8];
    std::memcpy(px, c, 3);
  });
}

Raster decode(const Bytes& bytes, std::string_view name = "memory") {
  return decode_image(std::span<const std::uint8_t>(bytes), name);
}

std::array<int, 4> pixel_at(const Raster& r, int x, int y) {
  const std::uint8_t* p = r.rgba.data() + (std::size_t(y) * r.width + x) * 4;
  return {p[0], p[1], p[2], p[3]};
}

void expect_near_colour(const Raster& r, int x, int y, std::array<int, 4> want, int slack) {
  const auto got = pixel_at(r, x, y);
  for (int c = 0; c < 4; ++c) {
    EXPECT_NEAR(got[c], want[c], slack) << "channel " << c << " at (" << x << ", " << y << ")";
  }
}

Raster sample_raster(int width, int height) {
  Raster r{width, height, std::vector<std::uint8_t>(std::size_t(width) * height * 4)};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* p = r.rgba.data() + (std::size_t(y) * width + x) * 4;
      p[0] = static_cast<std::uint8_t>(x * 37 + y);
      p[1] = static_cast<std::uint8_t>(y * 11);
      p[2] = static_cast<std::uint8_t>(x ^ y);
      p[3] = static_cast<std::uint8_t>((x + y) % 3 == 0 ? 255 : x * 50 + y);
    }
  }
  return r;
}

// Runs `f`, which must throw cardface::Error; returns the error.
template <typename F>
Error error_from(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no cardface::Error thrown";
  return Error(ErrorKind::internal, "", "none");
}

class ImageFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cardface_image_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void save(const fs::path& file, const Bytes& bytes) {
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  }
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path dir_;
};

// ---- PNG writer ----

TEST(PngWrite, Rgba8RoundTripsExactlyWithPaddedStride) {
  const Raster source = sample_raster(23, 7);
  const int stride = 23 * 4 + 12;
  Bytes padded(std::size_t(stride) * 7, 0xee);
  for (int y = 0; y < 7; ++y) {
    std::memcpy(padded.data() + y * stride, source.rgba.data() + y * 23 * 4, 23 * 4);
  }
  const Raster back = decode(encode_png({padded.data(), 23, 7, stride, PixelFormat::rgba8}));
  EXPECT_EQ(back.width, 23);
  EXPECT_EQ(back.height, 7);
  EXPECT_EQ(back.rgba, source.rgba);
  EXPECT_EQ(read_header(encode_png(pixel_view(source))).color_type, PNG_COLOR_TYPE_RGBA);
}

TEST(PngWrite, CairoArgb32IsUnpremultipliedWithRounding) {
  // Native-endian 0xAARRGGBB, premultiplied; expected straight RGBA beside each.
  struct Case {
    std::uint32_t argb;
    std::array<int, 4> rgba;
  };
  const Case cases[] = {
      {0xff102030, {0x10, 0x20, 0x30, 255}},  // opaque: unchanged
      {0x80402080, {128, 64, 255, 128}},      // (64*255+64)/128 = 128, (128*255+64)/128 = 255
      {0xc8643200, {128, 64, 0, 200}},        // (100*255+100)/200 = 128, (50*255+100)/200 = 64
      {0x03010000, {85, 0, 0, 3}},            // (1*255+1)/3 = 85
      {0x01010101, {255, 255, 255, 1}},
      {0x00000000, {0, 0, 0, 0}},     // fully transparent
      {0x00ffffff, {0, 0, 0, 0}},     // malformed (colour without alpha): still transparent
      {0x40ff0000, {255, 0, 0, 64}},  // malformed (colour above alpha): clamped
  };
  std::vector<std::uint32_t> pixels;
  for (const Case& c : cases) pixels.push_back(c.argb);
  const int n = static_cast<int>(pixels.size());
  const PixelView view{reinterpret_cast<const std::uint8_t*>(pixels.data()), n, 1, n * 4,
                       PixelFormat::cairo_argb32};
  const Raster back = decode(encode_png(view));
  ASSERT_EQ(back.width, n);
  for (int i = 0; i < n; ++i) EXPECT_EQ(pixel_at(back, i, 0), cases[i].rgba) << "case " << i;
}

TEST(PngWrite, OpaqueImageIsWrittenAsRgb) {
  const std::uint32_t cairo_pixels[] = {0xff112233, 0xff445566, 0xff778899, 0xffaabbcc};
  const Bytes png = encode_png(
      {reinterpret_cast<const std::uint8_t*>(cairo_pixels), 2, 2, 8, PixelFormat::cairo_argb32});
  EXPECT_EQ(read_header(png).color_type, PNG_COLOR_TYPE_RGB);
  const Raster back = decode(png);
  EXPECT_EQ(pixel_at(back, 0, 0), (std::array<int, 4>{0x11, 0x22, 0x33, 255}));
  EXPECT_EQ(pixel_at(back, 1, 1), (std::array<int, 4>{0xaa, 0xbb, 0xcc, 255}));
}

TEST(PngWrite, PhysIsTheDpiInPixelsPerMetre) {
  const Raster r = sample_raster(4, 4);
  const std::pair<int, png_uint_32> cases[] = {
      {300, 11811}, {600, 23622}, {1200, 47244}, {72, 2835}};
  for (auto [dpi, per_metre] : cases) {
    const PngHeader h = read_header(encode_png(pixel_view(r), {.dpi = dpi}));
    ASSERT_TRUE(h.has_phys) << dpi;
    EXPECT_EQ(h.phys_x, per_metre) << dpi;
    EXPECT_EQ(h.phys_y, per_metre) << dpi;
    EXPECT_EQ(h.phys_unit, PNG_RESOLUTION_METER);
  }
  EXPECT_FALSE(read_header(encode_png(pixel_view(r), {.dpi = 0})).has_phys);
}

TEST(PngWrite, SrgbChunkIsPerceptualAndOptional) {
  const Raster r = sample_raster(4, 4);
  const PngHeader with = read_header(encode_png(pixel_view(r)));
  EXPECT_TRUE(with.has_srgb);
  EXPECT_EQ(with.srgb_intent, PNG_sRGB_INTENT_PERCEPTUAL);
  EXPECT_FALSE(read_header(encode_png(pixel_view(r), {.srgb_chunk = false})).has_srgb);
}

TEST(PngWrite, SameInputSameBytesAndNoTimeOrText) {
  const Raster r = sample_raster(64, 40);
  const PngOptions options{.dpi = 600};
  const Bytes first = encode_png(pixel_view(r), options);
  EXPECT_EQ(first, encode_png(pixel_view(r), options));
  EXPECT_EQ(chunk_names(first), (std::vector<std::string>{"IHDR", "sRGB", "pHYs", "IDAT", "IEND"}));
}

TEST(PngWrite, EveryCompressionLevelRoundTrips) {
  const Raster r = sample_raster(50, 30);
  for (int level = 0; level <= 9; ++level) {
    EXPECT_EQ(decode(encode_png(pixel_view(r), {.compression = level})).rgba, r.rgba) << level;
  }
}

TEST(PngWrite, RefusesMalformedViewsAndOptions) {
  const Raster r = sample_raster(4, 4);
  EXPECT_EQ(error_from([&] { encode_png(pixel_view(r), {.compression = 10}); }).kind(),
            ErrorKind::internal);
  EXPECT_THROW(encode_png(pixel_view(r), {.dpi = -1}), Error);
  EXPECT_THROW(encode_png(pixel_view(r), {.dpi = 100001}), Error);
  EXPECT_THROW(encode_png({r.rgba.data(), 4, 4, 15, PixelFormat::rgba8}), Error);
  EXPECT_THROW(encode_png({r.rgba.data(), 0, 4, 16, PixelFormat::rgba8}), Error);
  EXPECT_THROW(encode_png({nullptr, 4, 4, 16, PixelFormat::rgba8}), Error);
}

TEST_F(ImageFiles, PngWriteFileReplacesAndLeavesNoTemporary) {
  const fs::path file = dir_ / "face.png";
  save(file, {'o', 'l', 'd'});
  const Raster r = sample_raster(9, 5);
  write_png_file(pixel_view(r), file, {.dpi = 300});
  EXPECT_EQ(listing(), (std::vector<std::string>{"face.png"}));
  EXPECT_EQ(read_image(file).rgba, r.rgba);
}

TEST_F(ImageFiles, PngWriteFileFailureLeavesNothing) {
  const Raster r = sample_raster(9, 5);
  // The target is a directory: the rename fails after the temporary was written.
  fs::create_directory(dir_ / "taken.png");
  const Error e = error_from([&] { write_png_file(pixel_view(r), dir_ / "taken.png"); });
  EXPECT_EQ(e.kind(), ErrorKind::file);
  EXPECT_EQ(e.problems().at(0).where, (dir_ / "taken.png").string());
  EXPECT_EQ(e.problems().at(0).message.rfind("cannot write: ", 0), 0u) << e.what();
  EXPECT_EQ(listing(), (std::vector<std::string>{"taken.png"}));

  const Error missing = error_from([&] { write_png_file(pixel_view(r), dir_ / "no" / "a.png"); });
  EXPECT_EQ(missing.problems().at(0).message, "cannot write: No such file or directory");
}

// ---- decoding ----

TEST(PngDecode, GreyOneBitExpands) {
  PngSpec spec{.width = 10, .height = 1, .color_type = PNG_COLOR_TYPE_GRAY, .bit_depth = 1};
  spec.rows = {{0b10100000, 0b01000000}};
  const Raster r = decode(make_png(spec));
  ASSERT_EQ(r.width, 10);
  EXPECT_EQ(pixel_at(r, 0, 0), (std::array<int, 4>{255, 255, 255, 255}));
  EXPECT_EQ(pixel_at(r, 1, 0), (std::array<int, 4>{0, 0, 0, 255}));
  EXPECT_EQ(pixel_at(r, 2, 0), (std::array<int, 4>{255, 255, 255, 255}));
  EXPECT_EQ(pixel_at(r, 9, 0), (std::array<int, 4>{255, 255, 255, 255}));
}

TEST(PngDecode, GreyWithTrnsAndGreyAlpha) {
  PngSpec grey{.width = 3, .height = 1, .color_type = PNG_COLOR_TYPE_GRAY, .bit_depth = 8};
  grey.trns_key = png_color_16{0, 0, 0, 0, 77};
  grey.rows = {{10, 77, 200}};
  const Raster g = decode(make_png(grey));
  EXPECT_EQ(pixel_at(g, 0, 0), (std::array<int, 4>{10, 10, 10, 255}));
  EXPECT_EQ(pixel_at(g, 1, 0), (std::array<int, 4>{77, 77, 77, 0}));
  EXPECT_EQ(pixel_at(g, 2, 0), (std::array<int, 4>{200, 200, 200, 255}));

  PngSpec ga{.width = 2, .height = 1, .color_type = PNG_COLOR_TYPE_GRAY_ALPHA, .bit_depth = 8};
  ga.rows = {{50, 128, 250, 3}};
  const Raster a = decode(make_png(ga));
  EXPECT_EQ(pixel_at(a, 0, 0), (std::array<int, 4>{50, 50, 50, 128}));
  EXPECT_EQ(pixel_at(a, 1, 0), (std::array<int, 4>{250, 250, 250, 3}));
}

TEST(PngDecode, PaletteWithTrns) {
  PngSpec spec{.width = 3, .height = 1, .color_type = PNG_COLOR_TYPE_PALETTE, .bit_depth = 4};
  spec.palette = {{255, 0, 0}, {0, 128, 0}, {1, 2, 3}};
  spec.trns_alpha = {255, 40};  // entry 2 has no alpha: opaque
  spec.rows = {{0x01, 0x20}};
  const Raster r = decode(make_png(spec));
  EXPECT_EQ(pixel_at(r, 0, 0), (std::array<int, 4>{255, 0, 0, 255}));
  EXPECT_EQ(pixel_at(r, 1, 0), (std::array<int, 4>{0, 128, 0, 40}));
  EXPECT_EQ(pixel_at(r, 2, 0), (std::array<int, 4>{1, 2, 3, 255}));
}

TEST(PngDecode, SixteenBitIsRoundedToEight) {
  PngSpec spec{.width = 2, .height = 1, .color_type = PNG_COLOR_TYPE_RGBA, .bit_depth = 16};
  // Rounded, not truncated: 0x1234 * 255 / 65535 = 18.1 -> 18; 1000 -> 3.9 -> 4; 0xfefe -> 254
  spec.rows = {{0x12, 0x34, 0x80, 0x80, 0xff, 0xff, 0x03, 0xe8,  //
                0x00, 0x00, 0xfe, 0xfe, 0x7f, 0x7f, 0x00, 0x00}};
  const Raster r = decode(make_png(spec));
  EXPECT_EQ(pixel_at(r, 0, 0), (std::array<int, 4>{18, 128, 255, 4}));
  EXPECT_EQ(pixel_at(r, 1, 0), (std::array<int, 4>{0, 254, 127, 0}));

  PngSpec grey{.width = 1, .height = 1, .color_type = PNG_COLOR_TYPE_GRAY, .bit_depth = 16};
  grey.rows = {{0xab, 0xab}};
  EXPECT_EQ(pixel_at(decode(make_png(grey)), 0, 0), (std::array<int, 4>{0xab, 0xab, 0xab, 255}));
}

TEST(PngDecode, InterlacedRgb) {
  PngSpec spec{.width = 13,
               .height = 11,
               .color_type = PNG_COLOR_TYPE_RGB,
               .bit_depth = 8,
               .interlaced = true};
  for (int y = 0; y < 11; ++y) {
    Bytes row;
    for (int x = 0; x < 13; ++x) {
      for (int v : {x * 19, y * 23, x * y}) row.push_back(static_cast<std::uint8_t>(v));
    }
    spec.rows.push_back(row);
  }
  const Raster r = decode(make_png(spec));
  ASSERT_EQ(r.width, 13);
  ASSERT_EQ(r.height, 11);
  for (int y = 0; y < 11; ++y) {
    for (int x = 0; x < 13; ++x) {
      EXPECT_EQ(pixel_at(r, x, y), (std::array<int, 4>{x * 19, y * 23, x * y, 255}));
    }
  }
}

TEST(PngDecode, EmptyAndHugeImagesAreRefusedByName) {
  EXPECT_EQ(error_from([] { decode(png_with_ihdr(0, 5), "empty.png"); }).what(),
            std::string("empty.png: image is 0 x 5"));
  EXPECT_EQ(error_from([] { decode(png_with_ihdr(30000, 10), "huge.png"); }).what(),
            std::string("huge.png: image too large (30000 x 10; at most 20000 x 20000)"));
  EXPECT_EQ(error_from([] { decode(png_with_ihdr(4000000000u, 10), "huge.png"); }).what(),
            std::string("huge.png: image too large (4000000000 x 10; at most 20000 x 20000)"));
}

TEST(PngDecode, EveryTruncationIsAnErrorNotACrash) {
  const Raster r = sample_raster(20, 12);
  const Bytes png = encode_png(pixel_view(r), {.dpi = 300});
  for (std::size_t length = 0; length < png.size(); ++length) {
    const Bytes cut(png.begin(), png.begin() + std::ptrdiff_t(length));
    const Error e = error_from([&] { decode(cut, "cut.png"); });
    EXPECT_EQ(e.kind(), ErrorKind::file);
    const std::string& message = e.problems().at(0).message;
    if (length < 8) {
      EXPECT_EQ(message, "not a PNG or JPEG image");
    } else {
      EXPECT_EQ(message.rfind("truncated or corrupt PNG: ", 0), 0u) << length << ": " << message;
    }
  }
}

TEST(PngDecode, CorruptDataIsAnError) {
  Bytes png = encode_png(pixel_view(sample_raster(20, 12)));
  png[png.size() - 20] ^= 0x55;  // inside IDAT: its CRC no longer matches
  EXPECT_THROW(decode(png), Error);
}

TEST(ImageJpeg, RgbQuadrantsDecodeToApproximateColours) {
  const Raster r = decode(quadrant_jpeg());
  ASSERT_EQ(r.width, 16);
  ASSERT_EQ(r.height, 16);
  expect_near_colour(r, 3, 3, {220, 30, 30, 255}, 10);
  expect_near_colour(r, 12, 3, {30, 200, 60, 255}, 10);
  expect_near_colour(r, 3, 12, {40, 60, 210, 255}, 10);
  expect_near_colour(r, 12, 12, {128, 128, 128, 255}, 10);
}

TEST(ImageJpeg, GreyDecodesToGreyRgba) {
  const Bytes jpeg =
      make_jpeg(8, 8, JCS_GRAYSCALE, 1, [](int, int, std::uint8_t* px) { *px = 90; });
  const Raster r = decode(jpeg);
  expect_near_colour(r, 4, 4, {90, 90, 90, 255}, 2);
}

TEST(ImageJpeg, AdobeCmykDecodesNaively) {
  // libjpeg writes an Adobe marker for CMYK, so the samples are stored inverted (255 = no ink).
  const Bytes jpeg = make_jpeg(8, 8, JCS_CMYK, 4, [](int, int, std::uint8_t* px) {
    px[0] = 255, px[1] = 0, px[2] = 0, px[3] = 255;  // no cyan, full magenta and yellow: red
  });
  expect_near_colour(decode(jpeg), 4, 4, {255, 0, 0, 255}, 4);
}

TEST(ImageJpeg, EveryTruncationIsAnErrorNotACrash) {
  const Bytes jpeg = quadrant_jpeg();
  for (std::size_t length = 3; length < jpeg.size(); ++length) {
    const Bytes cut(jpeg.begin(), jpeg.begin() + std::ptrdiff_t(length));
    const Error e = error_from([&] { decode(cut, "cut.jpg"); });
    EXPECT_EQ(e.problems().at(0).message.rfind("truncated or corrupt JPEG: ", 0), 0u)
        << length << ": " << e.what();
  }
}

TEST(ImageJpeg, HugeDimensionsAreRefusedBeforeDecoding) {
  Bytes jpeg = quadrant_jpeg();
  for (std::size_t i = 2; i + 8 < jpeg.size(); ++i) {
    if (jpeg[i] == 0xff && (jpeg[i + 1] == 0xc0 || jpeg[i + 1] == 0xc1 || jpeg[i + 1] == 0xc2)) {
      jpeg[i + 5] = 30000 >> 8, jpeg[i + 6] = 30000 & 0xff;  // height
      break;
    }
  }
  EXPECT_EQ(error_from([&] { decode(jpeg, "tall.jpg"); }).what(),
            std::string("tall.jpg: image too large (16 x 30000; at most 20000 x 20000)"));
}

TEST_F(ImageFiles, ImageReadChoosesByContentNotExtension) {
  const Raster r = sample_raster(5, 5);
  save(dir_ / "really_png.jpg", encode_png(pixel_view(r)));
  EXPECT_EQ(read_image(dir_ / "really_png.jpg").rgba, r.rgba);
  save(dir_ / "really_jpeg.png", quadrant_jpeg());
  EXPECT_EQ(read_image(dir_ / "really_jpeg.png").width, 16);
}

TEST_F(ImageFiles, ImageReadTextFileNamedPngIsAClearError) {
  const fs::path file = dir_ / "photo.png";
  std::ofstream(file) << "this is not an image\n";
  const Error e = error_from([&] { read_image(file); });
  EXPECT_EQ(e.kind(), ErrorKind::file);
  EXPECT_EQ(e.problems().at(0).where, file.string());
  EXPECT_EQ(e.problems().at(0).message, "not a PNG or JPEG image");

  save(dir_ / "empty.png", {});
  EXPECT_EQ(error_from([&] { read_image(dir_ / "empty.png"); }).problems().at(0).message,
            "not a PNG or JPEG image");
}

TEST_F(ImageFiles, ImageReadUnreadableFilesSayWhy) {
  EXPECT_EQ(error_from([&] { read_image(dir_ / "missing.png"); }).problems().at(0).message,
            "cannot read: No such file or directory");
  EXPECT_EQ(error_from([&] { read_image(dir_); }).problems().at(0).message,
            "cannot read: Is a directory");
}

// ---- comparison ----

Raster solid(int width, int height, std::array<std::uint8_t, 4> rgba) {
  Raster r{width, height, {}};
  for (int i = 0; i < width * height; ++i) r.rgba.insert(r.rgba.end(), rgba.begin(), rgba.end());
  return r;
}

void set_pixel(Raster& r, int x, int y, std::array<std::uint8_t, 4> rgba) {
  std::memcpy(r.rgba.data() + (std::size_t(y) * r.width + x) * 4, rgba.data(), 4);
}

TEST(CompareImages, IdenticalPasses) {
  const Raster a = sample_raster(30, 20);
  const Comparison c = compare_images(a, a);
  EXPECT_TRUE(c.same_size);
  EXPECT_TRUE(c.passed);
  EXPECT_EQ(c.largest_delta, 0);
  EXPECT_EQ(c.differing_pixels, 0);
  EXPECT_EQ(c.summary, "identical (30 x 20)");
}

TEST(CompareImages, OnePixelChangedBy200) {
  const Raster expected = solid(10, 10, {20, 20, 20, 255});
  Raster actual = expected;
  set_pixel(actual, 3, 4, {220, 20, 20, 255});
  const Comparison c = compare_images(expected, actual);
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.differing_pixels, 1);
  EXPECT_EQ(c.largest_delta, 200);
  EXPECT_EQ(c.summary,
            "1 pixel differs by more than 16 (at most 0 allowed), largest channel delta 200, "
            "between (3, 4) and (3, 4)");
  EXPECT_TRUE(compare_images(expected, actual, {.max_differing_pixels = 1}).passed);
  EXPECT_TRUE(compare_images(expected, actual, {.max_channel_delta = 200}).passed);
}

TEST(CompareImages, WithinTolerancePasses) {
  const Raster expected = solid(8, 8, {10, 20, 30, 255});
  Raster actual = expected;
  set_pixel(actual, 0, 0, {20, 20, 30, 255});
  set_pixel(actual, 7, 7, {10, 36, 30, 255});
  const Comparison c = compare_images(expected, actual);
  EXPECT_TRUE(c.passed);
  EXPECT_EQ(c.differing_pixels, 0);
  EXPECT_EQ(c.largest_delta, 16);
  EXPECT_EQ(c.summary, "match within tolerance: 2 pixels differ by at most 16 (tolerance 16)");
  EXPECT_FALSE(compare_images(expected, actual, {.max_channel_delta = 0}).passed);
}

TEST(CompareImages, FullyTransparentPixelsAreEqualWhateverTheirColour) {
  const Raster expected = solid(2, 2, {255, 0, 0, 0});
  const Raster actual = solid(2, 2, {0, 0, 255, 0});
  EXPECT_EQ(compare_images(expected, actual, {.max_channel_delta = 0}).largest_delta, 0);
  // Nearly transparent is compared as stored.
  EXPECT_EQ(compare_images(solid(1, 1, {255, 0, 0, 1}), solid(1, 1, {0, 0, 0, 1})).largest_delta,
            255);
}

TEST(CompareImages, SizeMismatchFails) {
  const Raster expected = solid(10, 6, {0, 0, 0, 255});
  const Raster actual = solid(12, 5, {0, 0, 0, 255});
  Raster diff;
  const Comparison c = compare_images(expected, actual, {}, &diff);
  EXPECT_FALSE(c.same_size);
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.largest_delta, 0);
  EXPECT_EQ(c.differing_pixels, 12 * 6 - 10 * 5);
  EXPECT_EQ(c.summary.rfind("sizes differ: expected 10 x 6, actual 12 x 5; ", 0), 0u) << c.summary;
  EXPECT_EQ(diff.width, 12);
  EXPECT_EQ(diff.height, 6);
  EXPECT_EQ(pixel_at(diff, 11, 0), (std::array<int, 4>{255, 0, 0, 255}));  // actual only
  EXPECT_EQ(pixel_at(diff, 0, 5), (std::array<int, 4>{255, 0, 0, 255}));   // expected only
  EXPECT_EQ(pixel_at(diff, 0, 0), (std::array<int, 4>{192, 192, 192, 255}));
}

TEST(CompareImages, DiffImageColours) {
  Raster expected = solid(5, 1, {255, 255, 255, 255});
  set_pixel(expected, 1, 0, {0, 0, 0, 255});
  set_pixel(expected, 4, 0, {0, 0, 0, 0});  // transparent: white once over white
  Raster actual = expected;
  set_pixel(actual, 2, 0, {255, 255, 254, 255});  // delta 1
  set_pixel(actual, 3, 0, {239, 255, 255, 255});  // delta 16 = the tolerance
  set_pixel(actual, 1, 0, {200, 0, 0, 255});      // beyond
  Raster diff;
  const Comparison c = compare_images(expected, actual, {}, &diff);
  EXPECT_EQ(c.differing_pixels, 1);
  ASSERT_EQ(diff.width, 5);
  EXPECT_EQ(pixel_at(diff, 0, 0), (std::array<int, 4>{255, 255, 255, 255}));  // white, unchanged
  EXPECT_EQ(pixel_at(diff, 1, 0), (std::array<int, 4>{255, 0, 0, 255}));      // beyond: red
  EXPECT_EQ(pixel_at(diff, 2, 0), (std::array<int, 4>{255, 230, 0, 255}));    // yellow
  EXPECT_EQ(pixel_at(diff, 3, 0), (std::array<int, 4>{255, 140, 0, 255}));    // orange
  EXPECT_EQ(pixel_at(diff, 4, 0), (std::array<int, 4>{255, 255, 255, 255}));

  // Unchanged black shows as grey at a quarter contrast.
  Raster black_diff;
  compare_images(solid(1, 1, {0, 0, 0, 255}), solid(1, 1, {0, 0, 0, 255}), {}, &black_diff);
  EXPECT_EQ(pixel_at(black_diff, 0, 0), (std::array<int, 4>{192, 192, 192, 255}));
}

TEST(CompareImages, MalformedRasterIsAnInternalError) {
  Raster bad{4, 4, std::vector<std::uint8_t>(10)};
  EXPECT_EQ(error_from([&] { compare_images(bad, bad); }).kind(), ErrorKind::internal);
}

}  // namespace
}  // namespace cardface
