// The seal read back from rendered card backs, as printed and as a scanner or camera would see
// it: rotated 3°, scaled to 80 %, blurred slightly, saved as JPEG quality 70, and all at once.
// The degraded copies are made here with Cairo and libjpeg-turbo.
#include <cairo.h>
#include <gtest/gtest.h>
#include <jpeglib.h>

#include <cmath>
#include <cstdio>

#include "cardface/barcode.h"
#include "cardface/compose.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "cardface/seal.h"
#include "cardface/template.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = CARDFACE_SOURCE_DIR;
const fs::path kKeys = kRoot / "tests/data/seal";

// Straight RGBA onto an opaque white Cairo surface (the card's corners become paper).
cairo_surface_t* surface_of(const Raster& r) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, r.width, r.height);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      const std::uint8_t* p = &r.rgba[(std::size_t(y) * r.width + x) * 4];
      auto over_white = [&](int c) { return std::uint32_t((c * p[3] + 255 * (255 - p[3])) / 255); };
      reinterpret_cast<std::uint32_t*>(data + y * stride)[x] =
          0xFF000000u | over_white(p[0]) << 16 | over_white(p[1]) << 8 | over_white(p[2]);
    }
  cairo_surface_mark_dirty(s);
  return s;
}

Raster raster_of(cairo_surface_t* s) {
  cairo_surface_flush(s);
  Raster r;
  r.width = cairo_image_surface_get_width(s);
  r.height = cairo_image_surface_get_height(s);
  r.rgba.resize(std::size_t(r.width) * r.height * 4);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      const std::uint32_t v = reinterpret_cast<const std::uint32_t*>(data + y * stride)[x];
      std::uint8_t* p = &r.rgba[(std::size_t(y) * r.width + x) * 4];
      p[0] = std::uint8_t(v >> 16);
      p[1] = std::uint8_t(v >> 8);
      p[2] = std::uint8_t(v);
      p[3] = 255;
    }
  return r;
}

// The image turned by `degrees` about its centre and scaled by `scale`, on white paper,
// resampled with Cairo's bilinear filter.
Raster transformed(const Raster& in, double degrees, double scale) {
  const double a = degrees * M_PI / 180;
  const double w = scale * (std::abs(in.width * std::cos(a)) + std::abs(in.height * std::sin(a)));
  const double h = scale * (std::abs(in.width * std::sin(a)) + std::abs(in.height * std::cos(a)));
  cairo_surface_t* source = surface_of(in);
  cairo_surface_t* out =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::ceil(w)), int(std::ceil(h)));
  cairo_t* cr = cairo_create(out);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_translate(cr, w / 2, h / 2);
  cairo_rotate(cr, a);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, source, -in.width / 2.0, -in.height / 2.0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
  cairo_paint(cr);
  cairo_destroy(cr);
  Raster r = raster_of(out);
  cairo_surface_destroy(out);
  cairo_surface_destroy(source);
  return r;
}

// A slight blur: the 3 x 3 binomial kernel [1 2 1]ᵀ[1 2 1] / 16.
Raster blurred(const Raster& in) {
  Raster out = in;
  auto at = [&](int x, int y, int c) {
    x = std::clamp(x, 0, in.width - 1);
    y = std::clamp(y, 0, in.height - 1);
    return int(in.rgba[(std::size_t(y) * in.width + x) * 4 + c]);
  };
  static const int k[3] = {1, 2, 1};
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x)
      for (int c = 0; c < 3; ++c) {
        int sum = 0;
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) sum += k[dx + 1] * k[dy + 1] * at(x + dx, y + dy, c);
        out.rgba[(std::size_t(y) * in.width + x) * 4 + c] = std::uint8_t((sum + 8) / 16);
      }
  return out;
}

// Saved as a baseline JPEG (libjpeg-turbo, 4:2:0) at `quality` and decoded again.
Raster jpeg_round_trip(const Raster& in, int quality) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr jerr{};
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = JDIMENSION(in.width);
  cinfo.image_height = JDIMENSION(in.height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<std::uint8_t> row(std::size_t(in.width) * 3);
  while (cinfo.next_scanline < cinfo.image_height) {
    const std::uint8_t* src = &in.rgba[std::size_t(cinfo.next_scanline) * in.width * 4];
    for (int x = 0; x < in.width; ++x)
      for (int c = 0; c < 3; ++c) row[std::size_t(x) * 3 + c] = src[x * 4 + c];
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::vector<std::uint8_t> bytes(buffer, buffer + size);
  std::free(buffer);
  return decode_image(bytes, "degraded.jpg");
}

class SealImageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    key_ = std::make_shared<const SealKey>(SealKey::load_pem(kKeys / "rfc6979-p256-key.pem"));
  }

  // The signed back of a sample at `dpi`, as its PNG decodes.
  Raster back(const std::string& sample, int dpi, std::shared_ptr<const SealKey> key = key_) {
    const Card card = load_card(kRoot / "samples" / sample);
    ComposeOptions options;
    options.sides = {Side::back};
    options.seal.key = std::move(key);
    const Scene scene = compose(card, default_template(card.type), Fonts::bundled(), options);
    return decode_image(encode_png(rasterize(scene.faces[0], {dpi, false})), "back.png");
  }

  void expect_genuine(const Raster& image, const std::string& sample, const std::string& what) {
    const Card card = load_card(kRoot / "samples" / sample);
    const SealCheck check = check_seal(image, &pub_, &card);
    EXPECT_EQ(check.status, SealStatus::genuine) << what << ": " << check.reason;
  }

  static std::shared_ptr<const SealKey> key_;
  SealPublicKey pub_ = SealPublicKey::load_pem(kKeys / "rfc6979-p256-cert.pem");
};

std::shared_ptr<const SealKey> SealImageTest::key_;

TEST_F(SealImageTest, DegradedCopiesStillVerify) {
  // The largest seal (52 x 52 modules), the specimen (48 x 48), a 2017 card (44 x 44).
  for (const std::string sample :
       {"wolfeschlegelsteinhausenbergerdorff.json", "zhengjian-yangben.json", "kim-min-jun.json"})
    for (int dpi : {300, 600}) {
      const Raster image = back(sample, dpi);
      const std::string at = sample + " at " + std::to_string(dpi) + " dpi ";
      expect_genuine(image, sample, at + "as rendered");
      expect_genuine(transformed(image, 3, 1.0), sample, at + "rotated 3°");
      expect_genuine(transformed(image, -3, 1.0), sample, at + "rotated -3°");
      expect_genuine(transformed(image, 0, 0.8), sample, at + "scaled to 80 %");
      expect_genuine(blurred(image), sample, at + "blurred");
      expect_genuine(jpeg_round_trip(image, 70), sample, at + "JPEG quality 70");
      expect_genuine(jpeg_round_trip(blurred(transformed(image, 3, 0.8)), 70), sample,
                     at + "rotated 3°, scaled to 80 %, blurred and JPEG quality 70");
    }
}

TEST_F(SealImageTest, SignedRendersAreTheSameBytesEveryTime) {
  const Card card = load_card(kRoot / "samples/zhengjian-yangben.json");
  ComposeOptions options;
  options.sides = {Side::back};
  options.seal.key = key_;
  auto render = [&] {
    return encode_png(
        rasterize(compose(card, default_template(card.type), Fonts::bundled(), options).faces[0],
                  {300, false}));
  };
  EXPECT_EQ(render(), render());
}

// A seal whose message was changed after signing, printed as a real code: the image reads, the
// signature fails.
TEST_F(SealImageTest, AChangedByteInAPrintedSealFails) {
  const Card card = load_card(kRoot / "samples/zhengjian-yangben.json");
  SealOptions options;
  options.key = key_;
  Seal seal = card_seal(card, options);
  seal.features[3].value[0] ^= 0x01;  // one byte of the given names, signature kept
  const std::vector<std::uint8_t> bytes = encode_seal(seal);
  const ModuleMatrix m = encode_barcode(bytes, Symbology::datamatrix, "seal");
  Face face;
  Item item;
  item.content =
      Barcode{m.columns, m.rows, m.dark, {10, 10, m.columns * 0.254, m.rows * 0.254}, 0.254, 2};
  face.items.push_back(item);
  const Raster image = decode_image(encode_png(rasterize(face, {300, false})), "tampered.png");
  const SealCheck check = check_seal(image, &pub_, nullptr);
  EXPECT_EQ(check.bytes, bytes);
  EXPECT_EQ(check.status, SealStatus::bad_signature) << check.reason;
}

TEST_F(SealImageTest, AnotherKeyAndAnUnsignedSpecimenAreNotGenuine) {
  const std::string sample = "kim-min-jun.json";
  const auto other =
      std::make_shared<const SealKey>(SealKey::load_pem(kKeys / "other-p256-key.pem"));
  const Card card = load_card(kRoot / "samples" / sample);
  EXPECT_EQ(check_seal(back(sample, 300, other), &pub_, &card).status, SealStatus::wrong_key);
  EXPECT_EQ(check_seal(back(sample, 300, nullptr), &pub_, &card).status,
            SealStatus::unsigned_specimen);
  const Card someone_else = load_card(kRoot / "samples/dubois-claire.json");
  EXPECT_EQ(check_seal(back(sample, 300), &pub_, &someone_else).status, SealStatus::data_disagrees);
}

TEST_F(SealImageTest, APhotoWithoutACodeIsUnreadable) {
  const Raster photo = read_image(kRoot / "samples/photos/s00.png");
  EXPECT_EQ(check_seal(photo, &pub_, nullptr).status, SealStatus::unreadable);
}

}  // namespace
}  // namespace cardface
