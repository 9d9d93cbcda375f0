#include "cardface/render.h"

#include <gtest/gtest.h>

#include <array>

#include "cardface/image.h"

namespace cardface {
namespace {

Item rect_item(Panel panel, Rect r, Rgba fill) {
  Item item;
  item.panel = panel;
  Shape shape;
  shape.path.rounded_rect(r, 0);
  shape.fill = fill;
  item.content = shape;
  return item;
}

// Straight RGBA of one pixel at (x, y) mm.
std::array<int, 4> pixel_at(const Bitmap& b, double x_mm, double y_mm) {
  const Raster r = decode_image(encode_png(b), "face");
  const int x = pixels_for_mm(x_mm, b.dpi), y = pixels_for_mm(y_mm, b.dpi);
  const auto* p = &r.rgba[(std::size_t(y) * r.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

Face uv_face() {
  Face face;
  face.items.push_back(rect_item(Panel::color, {0, 0, 85.6, 53.98}, {1, 1, 1, 1}));
  face.items.push_back(rect_item(Panel::uv, {10, 10, 20, 20}, {1, 1, 1, 1}));
  face.items.push_back(rect_item(Panel::k, {50, 10, 20, 20}, {0, 0, 0, 1}));
  return face;
}

TEST(RenderPanels, UvIsNotInTheColourImage) {
  const Bitmap b = rasterize(uv_face(), {150, false});
  EXPECT_EQ(pixel_at(b, 20, 20), (std::array<int, 4>{255, 255, 255, 255}));
  EXPECT_EQ(pixel_at(b, 60, 20), (std::array<int, 4>{0, 0, 0, 255}));  // k is black ink
}

TEST(RenderPanels, ShowUvTintsItsCoverageViolet) {
  const Bitmap b = rasterize(uv_face(), {150, true});
  const auto p = pixel_at(b, 20, 20);
  // 85 % of (0.55, 0.25, 0.95) over white.
  EXPECT_NEAR(p[0], 0.15 * 255 + 0.85 * 0.55 * 255, 1.5);
  EXPECT_NEAR(p[1], 0.15 * 255 + 0.85 * 0.25 * 255, 1.5);
  EXPECT_NEAR(p[2], 0.15 * 255 + 0.85 * 0.95 * 255, 1.5);
  EXPECT_EQ(pixel_at(b, 40, 40), (std::array<int, 4>{255, 255, 255, 255}));
}

TEST(RenderPanels, CornersOutsideTheCardAreTransparent) {
  const Bitmap b = rasterize(uv_face(), {300, false});
  EXPECT_EQ(pixel_at(b, 0.2, 0.2)[3], 0);
  EXPECT_EQ(pixel_at(b, 3.18, 3.18)[3], 255);
}

TEST(RenderPanels, SameSceneSameBytes) {
  const Face face = uv_face();
  EXPECT_EQ(encode_png(rasterize(face, {300, false})), encode_png(rasterize(face, {300, false})));
}

}  // namespace
}  // namespace cardface

namespace cardface {
namespace {

TEST(RenderPanels, RainbowRunsFromTheFirstColourToTheLast) {
  Face face;
  Item item = rect_item(Panel::color, {0, 0, 85.6, 53.98}, {1, 1, 1, 1});
  std::get<Shape>(item.content).gradient =
      Gradient{{10, 0}, {75, 0}, {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}}};
  face.items.push_back(item);
  const Bitmap b = rasterize(face, {150, false});
  EXPECT_EQ(pixel_at(b, 5, 27), (std::array<int, 4>{255, 0, 0, 255}));   // padded before `from`
  EXPECT_EQ(pixel_at(b, 80, 27), (std::array<int, 4>{0, 0, 255, 255}));  // padded after `to`
  const auto middle = pixel_at(b, 42.5, 27);                             // the middle stop
  EXPECT_LT(middle[0], 12);
  EXPECT_GT(middle[1], 243);
  EXPECT_LT(middle[2], 12);
}

}  // namespace
}  // namespace cardface
