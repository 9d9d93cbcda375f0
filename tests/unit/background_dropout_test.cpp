// Background drop-out: the flood from the photo's border takes the plain backdrop and nothing
// it cannot reach; the ghost leaves the backdrop as paper.
#include "security/background_dropout.h"

#include <gtest/gtest.h>

#include "security/ghost_image.h"

using namespace cardface;
using namespace cardface::security;

namespace {

// 20 x 20 px of a pale blue backdrop with a dark 8 x 8 square (x, y 6..13) whose centre pixel
// has the backdrop's colour but is walled in.
Raster portrait() {
  Raster r;
  r.width = r.height = 20;
  r.rgba.resize(20 * 20 * 4);
  for (int y = 0; y < 20; ++y)
    for (int x = 0; x < 20; ++x) {
      std::uint8_t* p = &r.rgba[(y * 20 + x) * 4];
      const bool square = x >= 6 && x <= 13 && y >= 6 && y <= 13 && !(x == 10 && y == 10);
      // The backdrop varies by a few levels, as a real one does.
      p[0] = square ? 40 : std::uint8_t(200 + (x + y) % 5);
      p[1] = square ? 30 : 220;
      p[2] = square ? 30 : 240;
      p[3] = 255;
    }
  return r;
}

}  // namespace

TEST(BackgroundDropout, FloodTakesTheBackdropAndLeavesWhatItCannotReach) {
  const std::vector<float> mask = subject_mask(portrait(), {0.12, 0});
  EXPECT_EQ(mask[0], 0.0f);             // a corner: backdrop
  EXPECT_EQ(mask[5 * 20 + 10], 0.0f);   // just above the square
  EXPECT_EQ(mask[6 * 20 + 6], 1.0f);    // the square
  EXPECT_EQ(mask[10 * 20 + 10], 1.0f);  // backdrop-coloured, walled in: the subject's
  float total = 0;
  for (float m : mask) total += m;
  EXPECT_EQ(total, 64.0f);  // the 8 x 8 square exactly
}

TEST(BackgroundDropout, ToleranceBelowTheBackdropsOwnSpreadStopsTheFlood) {
  // The backdrop's red spans 200..204 around a median of 202: a tolerance of 1 level leaves
  // most of it as subject.
  const std::vector<float> mask = subject_mask(portrait(), {1.0 / 255, 0});
  float total = 0;
  for (float m : mask) total += m;
  EXPECT_GT(total, 64.0f + 100);
}

TEST(BackgroundDropout, SoftenedEdgeRampsAcrossTheOutline) {
  const std::vector<float> mask = subject_mask(portrait(), {0.12, 4});
  // Across row 10: 0 far out, rising through the edge at x = 6 towards the middle.
  EXPECT_EQ(mask[10 * 20 + 0], 0.0f);
  EXPECT_GT(mask[10 * 20 + 6], 0.2f);
  EXPECT_LT(mask[10 * 20 + 6], 0.8f);
  EXPECT_GT(mask[10 * 20 + 5], 0.0f);
  for (int x = 1; x <= 9; ++x) EXPECT_GE(mask[10 * 20 + x], mask[10 * 20 + x - 1]);
  EXPECT_GT(mask[10 * 20 + 9], 0.8f);
}

TEST(BackgroundDropout, PhotoKeepsItsColoursAndLosesItsBackdrop) {
  const Raster out = without_background(portrait(), {0.12, 0});
  EXPECT_EQ(out.rgba[3], 0);                       // corner: transparent
  EXPECT_EQ(out.rgba[(6 * 20 + 6) * 4 + 3], 255);  // square: opaque
  EXPECT_EQ(out.rgba[(6 * 20 + 6) * 4 + 0], 40);   // its colour untouched
}

TEST(BackgroundDropout, GhostPrintsNoInkOnTheBackdrop) {
  GhostParams params;
  params.width_mm = params.height_mm = 20 * 25.4 / 100;  // one output pixel a photo pixel
  params.dpi = 100;
  params.screen_pitch_mm = 0.5;
  params.lightest = 0.9;  // the plain ghost inks even white at 10 %
  const Raster plain = ghost_image(portrait(), params);
  params.drop_background = true;
  params.dropout_soften_mm = 0;
  const Raster dropped = ghost_image(portrait(), params);
  int plain_inked = 0, dropped_inked = 0;
  for (int y = 0; y < 20; ++y)
    for (int x = 0; x < 20; ++x) {
      if (x >= 5 && x <= 14 && y >= 5 && y <= 14) continue;  // the backdrop only
      plain_inked += plain.rgba[(y * 20 + x) * 4 + 3] > 0;
      dropped_inked += dropped.rgba[(y * 20 + x) * 4 + 3] > 0;
    }
  EXPECT_GT(plain_inked, 50);
  EXPECT_EQ(dropped_inked, 0);
}
