// The print PDF as poppler (poppler-utils) reads and draws it: boxes, embedded fonts, the MRZ's
// text, and pixels against the PNG renderer's (one Scene, two backends).
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/image.h"
#include "cardface/mrz.h"
#include "cardface/print.h"
#include "cardface/render.h"
#include "cardface/template.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(CARDFACE_SOURCE_DIR) / "samples";
constexpr double kPtPerMm = 72.0 / 25.4;

// A scratch directory per test, removed after it.
class PdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(CARDFACE_BINARY_DIR) / "pdf-test" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  fs::path write(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return file;
  }

  static std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    EXPECT_EQ(::pclose(pipe), 0) << command;
    return out;
  }

  static Scene specimen_scene() {
    const Card card = load_card(kSamples / "zhengjian-yangben.json");
    return compose(card, find_template("fprc-2023"), Fonts::bundled());
  }

  fs::path dir_;
};

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// "TrimBox:  22.68  22.68  265.32  175.69" from `pdfinfo -box` output.
Box box_line(const std::string& pdfinfo, const std::string& name) {
  std::istringstream in(pdfinfo);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    Box b;
    std::istringstream(line.substr(name.size() + 1)) >> b.x0 >> b.y0 >> b.x1 >> b.y1;
    return b;
  }
  ADD_FAILURE() << "no " << name << " in:\n" << pdfinfo;
  return {};
}

TEST(PdfGeometry, TrimIsTheCardBleedGrowsItOnEverySide) {
  Face face;
  PdfOptions options;
  options.bleed_mm = 3;
  const PdfPageGeometry g = pdf_page_geometry(face, options);
  // ID-1 in points: 85.60 mm = 242.65 pt, 53.98 mm = 153.01 pt.
  EXPECT_NEAR(g.trim.x1 - g.trim.x0, 242.65, 0.005);
  EXPECT_NEAR(g.trim.y1 - g.trim.y0, 153.01, 0.005);
  EXPECT_NEAR(g.trim.x0 - g.bleed.x0, 3 * kPtPerMm, 1e-9);
  EXPECT_NEAR(g.bleed.y1 - g.trim.y1, 3 * kPtPerMm, 1e-9);
  // Without marks the page is the bleed; with them the slug (1 + 5 mm) is added round it.
  EXPECT_NEAR(g.media.x1, (85.6 + 6) * kPtPerMm, 1e-9);
  options.crop_marks = true;
  const PdfPageGeometry marked = pdf_page_geometry(face, options);
  EXPECT_NEAR(marked.media.x1, (85.6 + 2 * (3 + 6)) * kPtPerMm, 1e-9);
  EXPECT_NEAR(marked.trim.x0, 9 * kPtPerMm, 1e-9);
  EXPECT_NEAR(marked.bleed.x0, 6 * kPtPerMm, 1e-9);
}

TEST_F(PdfTest, PdfinfoShowsTrimAndBleedBoxesOnEveryPage) {
  PdfOptions options;
  options.bleed_mm = 2;
  options.crop_marks = true;
  const fs::path pdf = write("card.pdf", render_pdf(specimen_scene(), options));
  for (int page = 1; page <= 2; ++page) {
    const std::string info = run("pdfinfo -box -f " + std::to_string(page) + " -l " +
                                 std::to_string(page) + " " + pdf.string());
    const Box trim = box_line(info, "Page    " + std::to_string(page) + " TrimBox");
    const Box bleed = box_line(info, "Page    " + std::to_string(page) + " BleedBox");
    const Box media = box_line(info, "Page    " + std::to_string(page) + " MediaBox");
    EXPECT_NEAR(trim.x1 - trim.x0, 242.65, 0.011);
    EXPECT_NEAR(trim.y1 - trim.y0, 153.01, 0.011);
    for (double grown :
         {trim.x0 - bleed.x0, trim.y0 - bleed.y0, bleed.x1 - trim.x1, bleed.y1 - trim.y1})
      EXPECT_NEAR(grown, 2 * kPtPerMm, 0.011);              // 5.67 pt
    EXPECT_NEAR(bleed.x0 - media.x0, 6 * kPtPerMm, 0.011);  // room for the crop marks
  }
  EXPECT_NE(run("pdfinfo " + pdf.string()).find("Pages:           2"), std::string::npos);
}

TEST_F(PdfTest, EveryFontIsEmbedded) {
  const fs::path pdf = write("card.pdf", render_pdf(specimen_scene()));
  const std::string fonts = run("pdffonts " + pdf.string());
  std::istringstream in(fonts);
  std::string line;
  int listed = 0;
  bool ocrb = false;
  std::getline(in, line);  // header
  std::getline(in, line);  // rule
  while (std::getline(in, line)) {
    ++listed;
    ocrb = ocrb || line.find("OCRB") != std::string::npos;
    // Columns: name type... encoding emb sub uni object ID.
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;) c.push_back(w);
    ASSERT_GE(c.size(), 7u) << line;
    EXPECT_EQ(c[c.size() - 5], "yes") << "not embedded: " << line;
    EXPECT_EQ(c[c.size() - 4], "yes") << "not a subset: " << line;
  }
  EXPECT_GE(listed, 5) << fonts;  // Noto Sans, its bold, CJK regular and bold, OCR-B
  EXPECT_TRUE(ocrb) << fonts;
}

TEST_F(PdfTest, TheMrzIsTextPopplerReads) {
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  const Template tmpl = find_template("fprc-2023");
  const fs::path pdf =
      write("card.pdf", render_pdf(compose(card, tmpl, Fonts::bundled()), PdfOptions{0}));
  const std::string text = run("pdftotext -f 2 -l 2 " + pdf.string() + " -");
  for (const std::string& line : machine_readable_zone(card, tmpl))
    EXPECT_NE(text.find(line), std::string::npos) << line << " not in:\n" << text;
}

TEST_F(PdfTest, BackgroundArtRunsIntoTheBleed) {
  Scene scene = specimen_scene();
  scene.faces.resize(1);
  const fs::path pdf = write("card.pdf", render_pdf(scene, PdfOptions{3}));
  ASSERT_EQ(std::system(("pdftoppm -r 254 -png -singlefile " + pdf.string() + " " +
                         (dir_ / "page").string())
                            .c_str()),
            0);
  const Raster page = read_image(dir_ / "page.png");  // 10 px a mm; the trim starts at 30 px
  auto rgb = [&](int x, int y) {
    const std::uint8_t* p = &page.rgba[(std::size_t(y) * page.width + x) * 4];
    return std::array<int, 3>{p[0], p[1], p[2]};
  };
  // 1 mm outside the trim, left of the top band and in the background: their colours
  // (#c9a45c; the background's rainbow starts at #f6f0e1), not white paper.
  EXPECT_NEAR(rgb(20, 10)[0], 0xc9, 3);
  EXPECT_NEAR(rgb(20, 10)[2], 0x5c, 3);
  EXPECT_NEAR(rgb(20, 300)[2], 0xe1, 8);
  EXPECT_LT(rgb(20, 300)[2], 250);
}

TEST_F(PdfTest, SameSceneSameBytes) {
  const Scene scene = specimen_scene();
  PdfOptions options;
  options.crop_marks = true;
  EXPECT_EQ(render_pdf(scene, options), render_pdf(scene, options));
}

// Both images over white, with the corners outside the rounded outline made white: the PNG
// leaves them transparent, the PDF's square trim fills them (the die cuts them off).
Raster over_white_without_corners(const Raster& in, const Face& face, int dpi) {
  Raster out = in;
  const double px = dpi / 25.4, r = face.corner_radius_mm;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      std::uint8_t* p = &out.rgba[(std::size_t(y) * out.width + x) * 4];
      const double xm = (x + 0.5) / px, ym = (y + 0.5) / px;
      const double cx = std::clamp(xm, r, face.width_mm - r);
      const double cy = std::clamp(ym, r, face.height_mm - r);
      const bool corner = std::hypot(xm - cx, ym - cy) > r - 2 / px;  // 2 px of outline AA
      for (int c = 0; c < 3; ++c)
        p[c] = corner ? 255 : std::uint8_t((p[c] * p[3] + 255 * (255 - p[3]) + 127) / 255);
      p[3] = 255;
    }
  return out;
}

// Means of factor × factor blocks. Cairo 1.16's image backend sets each glyph on whole
// pixels, poppler at its exact position: up to half a pixel apart at 600 dpi, which turns
// every glyph edge into a full-contrast difference. Compared as 3 × 3 means (200 dpi cells)
// a half-pixel shift is a small delta, while missing or misplaced art is still a large one.
Raster block_means(const Raster& in, int factor) {
  Raster out;
  out.width = in.width / factor;
  out.height = in.height / factor;
  out.rgba.resize(std::size_t(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int dy = 0; dy < factor; ++dy)
          for (int dx = 0; dx < factor; ++dx)
            sum += in.rgba[(std::size_t(y * factor + dy) * in.width + x * factor + dx) * 4 + c];
        out.rgba[(std::size_t(y) * out.width + x) * 4 + c] =
            std::uint8_t((sum + factor * factor / 2) / (factor * factor));
      }
  return out;
}

// The PDF at 600 dpi through poppler against the PNG renderer at 600 dpi.
Comparison pdf_against_png(const fs::path& dir, const Scene& pdf_scene, const Face& png_face,
                           int page, const Tolerance& tolerance) {
  const fs::path pdf = dir / "compare.pdf";
  const std::vector<std::uint8_t> bytes = render_pdf(pdf_scene, PdfOptions{0});
  std::ofstream(pdf, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  const int w = pixels_for_mm(png_face.width_mm, 600), h = pixels_for_mm(png_face.height_mm, 600);
  const std::string command = "pdftoppm -r 600 -png -singlefile -f " + std::to_string(page) +
                              " -l " + std::to_string(page) + " -x 0 -y 0 -W " + std::to_string(w) +
                              " -H " + std::to_string(h) + " " + pdf.string() + " " +
                              (dir / "poppler").string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  const Raster poppler = over_white_without_corners(read_image(dir / "poppler.png"), png_face, 600);
  const Raster cairo = over_white_without_corners(
      decode_image(encode_png(rasterize(png_face, {600, false})), "png"), png_face, 600);
  Raster diff;
  const Comparison cmp =
      compare_images(block_means(cairo, 3), block_means(poppler, 3), tolerance, &diff);
  if (!cmp.passed) write_png_file(pixel_view(diff), dir / "diff.png");
  return cmp;
}

// Measured on the specimen (3 × 3 means, corners masked): the two renderers' glyphs sit
// about 0.8 px (600 dpi) apart on average, leaving 587 cells (0.2 %) over a delta of 96 on
// the back (MRZ) and 251 on the front; the back without its MRZ has 10,162 (3.5 %).
Tolerance poppler_tolerance() {
  Tolerance t;
  t.max_channel_delta = 96;
  t.max_differing_pixels = 674 * 425 / 200;  // 0.5 % of the 200 dpi cells
  return t;
}

TEST_F(PdfTest, PopplerAt600DpiMatchesThePngRenderer) {
  const Scene scene = specimen_scene();
  for (int page = 1; page <= 2; ++page) {
    const Comparison cmp =
        pdf_against_png(dir_, scene, scene.faces[page - 1], page, poppler_tolerance());
    EXPECT_TRUE(cmp.passed) << "page " << page << ": " << cmp.summary;
    std::cout << "page " << page << ": " << cmp.summary << "\n";
  }
}

TEST_F(PdfTest, APdfWithoutItsMrzFailsTheComparison) {
  const Scene scene = specimen_scene();
  Scene no_mrz = scene;
  auto& items = no_mrz.faces[1].items;
  const auto before = items.size();
  std::erase_if(items, [](const Item& item) { return item.element == "mrz"; });
  ASSERT_LT(items.size(), before);
  const Comparison cmp = pdf_against_png(dir_, no_mrz, scene.faces[1], 2, poppler_tolerance());
  EXPECT_FALSE(cmp.passed) << cmp.summary;
  std::cout << "without the MRZ: " << cmp.summary << "\n";
  std::remove((dir_ / "diff.png").c_str());
}

}  // namespace
}  // namespace cardface
