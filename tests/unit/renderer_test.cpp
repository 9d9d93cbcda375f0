// The Renderer: which items compose marks personal, and that drawing the shared ones from the
// layer cache gives the faces cardface::rasterize draws, from any thread, in bounded memory.
#include "cardface/renderer.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <array>
#include <set>
#include <thread>

#include "cardface/error.h"
#include "cardface/image.h"
#include "render/layer_cache.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(CARDFACE_SOURCE_DIR) / "samples";

const Face& face_of(const Scene& scene, Side side) {
  return *scene.face(side);
}

std::set<std::string> elements(const Face& face, bool personal) {
  std::set<std::string> out;
  for (const Item& item : face.items)
    if (item.personal == personal) out.insert(item.element);
  return out;
}

Raster decoded(const Bitmap& b) {
  return decode_image(encode_png(b), "face");
}

// The items that are not personal, as layer keys of their runs: what the cache looks up.
std::vector<render::LayerKey> shared_runs(const Face& face, int dpi) {
  std::vector<render::LayerKey> keys;
  std::vector<const Item*> run;
  auto flush = [&] {
    if (!run.empty()) keys.push_back(render::layer_key(face, run, dpi));
    run.clear();
  };
  for (const Item& item : face.items) {
    if (item.panel == Panel::uv) continue;
    if (item.personal)
      flush();
    else
      run.push_back(&item);
  }
  flush();
  return keys;
}

TEST(ComposePersonal, MarksWhatDependsOnTheCard) {
  const Renderer renderer(find_template("fprc-2023"));
  const Scene scene = renderer.compose(load_card(kSamples / "zhengjian-yangben.json"));
  const auto front_personal = elements(face_of(scene, Side::front), true);
  const auto front_shared = elements(face_of(scene, Side::front), false);
  // Photo, ghost, the per-card rosette, placeholders, and everything in the field stack
  // (a hidden row moves the rows below it).
  for (const char* id : {"photo", "ghost", "personal-rosette", "photo-microtext", "number",
                         "name-en", "name-zh", "validity"})
    EXPECT_TRUE(front_personal.count(id)) << id;
  for (const char* id : {"background", "background-waves", "rosette", "edge-frame", "stars",
                         "rule-microtext", "photo-frame", "number-label", "specimen-en"})
    EXPECT_TRUE(front_shared.count(id)) << id;
  const auto back_personal = elements(face_of(scene, Side::back), true);
  // The seal carries the card's data (and its label says whether a key signed it).
  EXPECT_EQ(back_personal, (std::set<std::string>{"mrz", "seal", "seal/unsigned_label"}));
  const auto back_shared = elements(face_of(scene, Side::back), false);
  for (const char* id : {"great-wall", "seal-knockout", "title-zh", "specimen-box"})
    EXPECT_TRUE(back_shared.count(id)) << id;
}

TEST(ComposePersonal, SharedRunsAreTheSameOnEveryCard) {
  const Renderer renderer(find_template("fprc-2023"));
  const Scene a = renderer.compose(load_card(kSamples / "zhengjian-yangben.json"));
  const Scene b = renderer.compose(load_card(kSamples / "okonkwo.json"));  // no Chinese name
  for (Side side : {Side::front, Side::back}) {
    const auto runs = shared_runs(face_of(a, side), 300);
    EXPECT_FALSE(runs.empty());
    EXPECT_EQ(runs, shared_runs(face_of(b, side), 300)) << to_string(side);
  }
}

TEST(RendererCache, AgreesOnThe2017DesignToo) {
  // Relief fields, epitrochoid lace and the seal: cached and uncached agree.
  const Renderer renderer(find_template("fprc-2017"));
  const Scene scene = renderer.compose(load_card(kSamples / "kim-min-jun.json"));
  for (const Face& face : scene.faces) {
    const RasterOptions options{300, false};
    const Comparison cmp = compare_images(decoded(rasterize(face, options)),
                                          decoded(renderer.rasterize(face, options)));
    EXPECT_TRUE(cmp.passed) << to_string(face.side) << ": " << cmp.summary;
  }
}

TEST(RendererCache, AgreesWithTheUncachedRasterizerWithinGoldenTolerance) {
  const Renderer renderer(find_template("fprc-2023"));
  for (const char* sample : {"zhengjian-yangben.json", "okonkwo.json"}) {
    const Scene scene = renderer.compose(load_card(kSamples / sample));
    for (const Face& face : scene.faces) {
      const RasterOptions options{300, false};
      const Comparison cmp = compare_images(decoded(rasterize(face, options)),
                                            decoded(renderer.rasterize(face, options)));
      EXPECT_TRUE(cmp.passed) << sample << " " << to_string(face.side) << ": " << cmp.summary;
    }
  }
}

TEST(RendererCache, RendersSharedLayersOnceThenHits) {
  const Renderer renderer(find_template("fprc-2023"));
  const Card first = load_card(kSamples / "zhengjian-yangben.json");
  const Scene scene = renderer.compose(first);
  const std::size_t runs = shared_runs(face_of(scene, Side::front), 150).size() +
                           shared_runs(face_of(scene, Side::back), 150).size();
  renderer.render(first, {150, false});
  EXPECT_EQ(renderer.stats().layer_misses, runs);
  EXPECT_EQ(renderer.stats().layer_hits, 0u);
  renderer.render(load_card(kSamples / "smith-john-paul.json"), {150, false});
  EXPECT_EQ(renderer.stats().layer_misses, runs);
  EXPECT_EQ(renderer.stats().layer_hits, runs);
  // Another DPI is another layer.
  renderer.render(first, {100, false}, {Side::back});
  EXPECT_GT(renderer.stats().layer_misses, runs);
}

TEST(RendererCache, StaysWithinItsMemoryAndStillDrawsTheSame) {
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  const Renderer roomy(find_template("fprc-2023"));
  RendererOptions tight_options;
  tight_options.cache_bytes = 1;  // below one layer: every layer is dropped when the next comes
  const Renderer tight(find_template("fprc-2023"), Fonts::bundled(), tight_options);
  for (int i = 0; i < 2; ++i) {
    const auto a = roomy.render(card, {150, false});
    const auto b = tight.render(card, {150, false});
    for (std::size_t f = 0; f < a.size(); ++f) EXPECT_EQ(a[f].data, b[f].data);
  }
  const RendererStats s = tight.stats();
  EXPECT_GT(s.layer_evictions, 0u);
  const std::size_t one_layer =
      std::size_t(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, pixels_for_mm(85.6, 150))) *
      pixels_for_mm(53.98, 150);
  EXPECT_LE(s.cached_bytes, one_layer * 11 / 10);
}

TEST(RendererCache, ThreadsGetTheSameBytes) {
  const Renderer renderer(find_template("fprc-2023"));
  const Card card = load_card(kSamples / "mueller-luedenscheidt.json");
  std::vector<std::vector<Bitmap>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back([&] { result = renderer.render(card, {150, false}); });
  for (auto& t : threads) t.join();
  for (std::size_t i = 1; i < results.size(); ++i)
    for (std::size_t f = 0; f < 2; ++f) EXPECT_EQ(results[0][f].data, results[i][f].data);
  EXPECT_EQ(renderer.stats().layer_misses + renderer.stats().layer_hits,
            4 * (shared_runs(face_of(renderer.compose(card), Side::front), 150).size() +
                 shared_runs(face_of(renderer.compose(card), Side::back), 150).size()));
}

Item rect_item(Rect r, Rgba fill, bool personal) {
  Item item;
  Shape shape;
  shape.path.rounded_rect(r, 0);
  shape.fill = fill;
  item.content = shape;
  item.personal = personal;
  return item;
}

std::array<int, 4> pixel_at(const Raster& r, int dpi, double x_mm, double y_mm) {
  const int x = pixels_for_mm(x_mm, dpi), y = pixels_for_mm(y_mm, dpi);
  const auto* p = &r.rgba[(std::size_t(y) * r.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

TEST(RendererCache, OwnItemsReachingTheEdgeKeepTheRoundedCorners) {
  // A card's own item that covers the whole card is clipped to its outline like any other.
  Face face;
  face.items.push_back(rect_item({0, 0, 85.6, 53.98}, {1, 1, 1, 1}, false));
  face.items.push_back(rect_item({-5, -5, 100, 70}, {0, 0, 1, 1}, true));
  face.items.push_back(rect_item({40, 20, 10, 10}, {1, 0, 0, 1}, false));
  const Renderer renderer(find_template("fprc-2023"));
  const Raster r = decoded(renderer.rasterize(face, {300, false}));
  EXPECT_EQ(pixel_at(r, 300, 0.2, 0.2)[3], 0);  // outside the 3.18 mm corner
  EXPECT_EQ(pixel_at(r, 300, 85.4, 53.8)[3], 0);
  EXPECT_EQ(pixel_at(r, 300, 10, 10), (std::array<int, 4>{0, 0, 255, 255}));
  EXPECT_EQ(pixel_at(r, 300, 45, 25), (std::array<int, 4>{255, 0, 0, 255}));  // over it
}

TEST(ComposePhoto, DecodedPixelsGivenDrawTheSameFaceAsTheFile) {
  const Renderer renderer(find_template("fprc-2023"));
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  ComposeOptions given;
  given.sides = {Side::front};
  given.photo = std::make_shared<const Raster>(read_image(card.photo));
  ComposeOptions from_file;
  from_file.sides = {Side::front};
  const RasterOptions options{300, false};
  const Bitmap a = renderer.rasterize(renderer.compose(card, from_file).faces[0], options);
  const Bitmap b = renderer.rasterize(renderer.compose(card, given).faces[0], options);
  EXPECT_EQ(a.data, b.data);

  // And the pixels given are what is drawn: a blank photo changes the face.
  Raster grey;
  grey.width = 40;
  grey.height = 50;
  grey.rgba.assign(std::size_t(grey.width) * grey.height * 4, 128);
  given.photo = std::make_shared<const Raster>(grey);
  const Bitmap c = renderer.rasterize(renderer.compose(card, given).faces[0], options);
  EXPECT_NE(a.data, c.data);
}

TEST(ComposePhoto, DecodedPixelsGivenKeepThePhotoLimit) {
  const Renderer renderer(find_template("fprc-2023"));
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  ComposeOptions options;
  Raster huge;
  huge.width = 5000;
  huge.height = 4000;  // 20 million pixels: over the 16 million of docs/limits.md
  huge.rgba.assign(std::size_t(huge.width) * huge.height * 4, 255);
  options.photo = std::make_shared<const Raster>(std::move(huge));
  try {
    renderer.compose(card, options);
    FAIL() << "a photo over the limit was drawn";
  } catch (const Error& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems().front().where, "photo");
    EXPECT_NE(e.problems().front().message.find("5000 x 4000"), std::string::npos)
        << e.problems().front().message;
  }
  Raster torn;
  torn.width = 10;
  torn.height = 10;
  torn.rgba.resize(12);  // fewer bytes than 10 x 10 pixels
  options.photo = std::make_shared<const Raster>(std::move(torn));
  EXPECT_THROW(renderer.compose(card, options), Error);
}

}  // namespace
}  // namespace cardface
