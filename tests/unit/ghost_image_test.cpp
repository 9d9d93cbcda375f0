// Ghost image: output size, mean ink coverage against the tone mapping, monotonicity, screen
// period, determinism and centre cropping.
#include "security/ghost_image.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "cardface/scene.h"

namespace cardface::security {
namespace {

Raster uniform(int w, int h, std::uint8_t grey) {
  Raster r;
  r.width = w;
  r.height = h;
  r.rgba.assign(static_cast<std::size_t>(w) * h * 4, grey);
  for (std::size_t i = 3; i < r.rgba.size(); i += 4) r.rgba[i] = 255;
  return r;
}

void set_pixel(Raster& r, int x, int y, std::uint8_t grey) {
  std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(y) * r.width + x) * 4];
  p[0] = p[1] = p[2] = grey;
  p[3] = 255;
}

// Mean alpha / 255 over columns [x0, x1) of all rows.
double coverage(const Raster& r, int x0, int x1) {
  double sum = 0;
  for (int y = 0; y < r.height; ++y) {
    for (int x = x0; x < x1; ++x)
      sum += r.rgba[(static_cast<std::size_t>(y) * r.width + x) * 4 + 3];
  }
  return sum / 255.0 / (static_cast<double>(x1 - x0) * r.height);
}

double coverage(const Raster& r) {
  return coverage(r, 0, r.width);
}

double expected_tone(std::uint8_t grey, const GhostParams& p) {
  return p.darkest + grey / 255.0 * (p.lightest - p.darkest);
}

GhostParams square(GhostParams::Screen screen) {
  GhostParams p;
  p.screen = screen;
  p.width_mm = 10;
  p.height_mm = 10;
  p.dpi = 600;
  return p;
}

const GhostParams::Screen kScreens[] = {GhostParams::Screen::lines, GhostParams::Screen::dots};

TEST(SecurityGhost, OutputSizeFromMillimetresAndDpi) {
  GhostParams p;
  p.width_mm = 20;
  p.height_mm = 25;
  p.dpi = 600;
  Raster out = ghost_image(uniform(40, 50, 128), p);
  EXPECT_EQ(out.width, 472);   // 20 / 25.4 * 600 = 472.4
  EXPECT_EQ(out.height, 591);  // 25 / 25.4 * 600 = 590.6
  EXPECT_EQ(out.rgba.size(), 472u * 591u * 4u);

  p.width_mm = 25.4;
  p.height_mm = 12.7;
  p.dpi = 300;
  out = ghost_image(uniform(7, 3, 0), p);
  EXPECT_EQ(out.width, 300);
  EXPECT_EQ(out.height, 150);
}

TEST(SecurityGhost, RejectsBadInput) {
  EXPECT_THROW(ghost_image(Raster{}, GhostParams{}), std::invalid_argument);
  GhostParams p;
  p.dpi = 0;
  EXPECT_THROW(ghost_image(uniform(4, 4, 0), p), std::invalid_argument);
  p = GhostParams{};
  p.screen_pitch_mm = 0;
  EXPECT_THROW(ghost_image(uniform(4, 4, 0), p), std::invalid_argument);
}

TEST(SecurityGhostTone, MidGreyCoverageMatchesTone) {
  for (GhostParams::Screen screen : kScreens) {
    const GhostParams p = square(screen);
    const Raster out = ghost_image(uniform(64, 64, 128), p);
    EXPECT_NEAR(coverage(out), 1 - expected_tone(128, p), 0.03)
        << "screen " << static_cast<int>(screen);
  }
}

TEST(SecurityGhostTone, WhiteAndBlackKeepReducedContrast) {
  for (GhostParams::Screen screen : kScreens) {
    const GhostParams p = square(screen);
    const double white = coverage(ghost_image(uniform(32, 32, 255), p));
    const double black = coverage(ghost_image(uniform(32, 32, 0), p));
    EXPECT_NEAR(white, 1 - p.lightest, 0.03) << "screen " << static_cast<int>(screen);
    EXPECT_NEAR(black, 1 - p.darkest, 0.03) << "screen " << static_cast<int>(screen);
    EXPECT_GT(white, 0.04);
    EXPECT_LT(black, 0.6);
  }
}

TEST(SecurityGhostTone, DarkerInputGivesMoreCoverage) {
  for (GhostParams::Screen screen : kScreens) {
    const GhostParams p = square(screen);
    double previous = -1;
    for (int grey : {255, 192, 128, 64, 0}) {
      const double c = coverage(ghost_image(uniform(32, 32, static_cast<std::uint8_t>(grey)), p));
      EXPECT_GT(c, previous + 0.02) << "screen " << static_cast<int>(screen) << " grey " << grey;
      EXPECT_NEAR(c, 1 - expected_tone(static_cast<std::uint8_t>(grey), p), 0.03);
      previous = c;
    }
  }
}

TEST(SecurityGhostScreen, LinePeriodAlongXAt45Degrees) {
  GhostParams p = square(GhostParams::Screen::lines);
  p.width_mm = 20;
  const Raster out = ghost_image(uniform(64, 32, 0), p);  // widest lines: crisp transitions
  const double px = 25.4 / p.dpi;
  const double period_px = p.screen_pitch_mm / std::sin(std::numbers::pi / 4) / px;
  const int y = out.height / 2;
  auto inked = [&](int x) {
    return out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4 + 3] >= 128;
  };
  int rising = 0;
  int first = -1;
  int last = -1;
  for (int x = 1; x < out.width; ++x) {
    if (inked(x) && !inked(x - 1)) {
      ++rising;
      if (first < 0) first = x;
      last = x;
    }
  }
  const double expected = out.width / period_px;
  EXPECT_NEAR(rising, expected, 1.0);
  ASSERT_GT(rising, 10);
  EXPECT_NEAR(static_cast<double>(last - first) / (rising - 1), period_px, 0.1);

  // Autocorrelation of the alpha row peaks at the period, not at half of it.
  auto alpha = [&](int x) {
    return out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4 + 3] / 255.0 - 0.45;
  };
  auto corr = [&](int lag) {
    double s = 0;
    for (int x = 0; x + lag < out.width; ++x) s += alpha(x) * alpha(x + lag);
    return s / (out.width - lag);
  };
  const int lag = static_cast<int>(std::lround(period_px));
  EXPECT_GT(corr(lag), corr(lag / 2));
  EXPECT_GT(corr(lag), corr(lag - 3));
  EXPECT_GT(corr(lag), corr(lag + 3));
}

TEST(SecurityGhostScreen, SameInputSameBytes) {
  Raster photo = uniform(97, 61, 0);
  for (int y = 0; y < photo.height; ++y) {
    for (int x = 0; x < photo.width; ++x) {
      set_pixel(photo, x, y, static_cast<std::uint8_t>((x * 7 + y * 13) % 256));
    }
  }
  for (GhostParams::Screen screen : kScreens) {
    GhostParams p = square(screen);
    p.screen_angle_deg = 30;
    EXPECT_EQ(ghost_image(photo, p).rgba, ghost_image(photo, p).rgba);
    p.transparent_background = false;
    const Raster opaque = ghost_image(photo, p);
    EXPECT_EQ(opaque.rgba, ghost_image(photo, p).rgba);
    for (std::size_t i = 3; i < opaque.rgba.size(); i += 4) ASSERT_EQ(opaque.rgba[i], 255);
  }
}

TEST(SecurityGhostScreen, OpaqueBackgroundIsWhiteUnderNoInk) {
  GhostParams p = square(GhostParams::Screen::dots);
  p.transparent_background = false;
  p.lightest = 1;
  p.darkest = 1;  // no ink anywhere
  const Raster out = ghost_image(uniform(8, 8, 0), p);
  for (std::uint8_t v : out.rgba) ASSERT_EQ(v, 255);
}

TEST(SecurityGhostCrop, WiderPhotoIsCentreCropped) {
  GhostParams p = square(GhostParams::Screen::lines);
  const int quarter = static_cast<int>(std::lround(10 / 25.4 * 600)) / 4;

  // 300 × 100, left half black: the centre 100 × 100 crop is black on its left half.
  Raster halves = uniform(300, 100, 255);
  for (int y = 0; y < 100; ++y) {
    for (int x = 0; x < 150; ++x) set_pixel(halves, x, y, 0);
  }
  Raster out = ghost_image(halves, p);
  const double left = coverage(out, 0, quarter);
  const double right = coverage(out, out.width - quarter, out.width);
  EXPECT_NEAR(left, 1 - p.darkest, 0.03);
  EXPECT_NEAR(right, 1 - p.lightest, 0.03);

  // Black only in the outer left third: cropped away, so the whole output reads white.
  Raster outer = uniform(300, 100, 255);
  for (int y = 0; y < 100; ++y) {
    for (int x = 0; x < 100; ++x) set_pixel(outer, x, y, 0);
  }
  out = ghost_image(outer, p);
  EXPECT_NEAR(coverage(out, 0, quarter), 1 - p.lightest, 0.03);
  EXPECT_NEAR(coverage(out), 1 - p.lightest, 0.03);

  // Taller photo: top third black is cropped away too.
  Raster tall = uniform(100, 300, 255);
  for (int y = 0; y < 100; ++y) {
    for (int x = 0; x < 100; ++x) set_pixel(tall, x, y, 0);
  }
  EXPECT_NEAR(coverage(ghost_image(tall, p)), 1 - p.lightest, 0.03);
}

TEST(SecurityGhostPerf, PhotoSizedGhostAt600Dpi) {
  // 20 × 25 mm at 600 dpi from a 600 × 750 photo (gtest reports the time).
  Raster photo = uniform(600, 750, 0);
  for (int y = 0; y < photo.height; ++y) {
    for (int x = 0; x < photo.width; ++x) {
      set_pixel(photo, x, y, static_cast<std::uint8_t>((x + y) % 256));
    }
  }
  GhostParams p;
  const Raster lines = ghost_image(photo, p);
  p.screen = GhostParams::Screen::dots;
  const Raster dots = ghost_image(photo, p);
  EXPECT_EQ(lines.width, 472);
  EXPECT_EQ(dots.height, 591);
}

}  // namespace
}  // namespace cardface::security
