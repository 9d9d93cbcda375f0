// Security artwork generators: exact geometry from the definitions (flag construction grid,
// regular pentagram, trochoid bounds) and the reference values of SplitMix64 and FNV-1a.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "cardface/scene.h"
#include "security/guilloche.h"
#include "security/rng.h"
#include "security/stars.h"

namespace cardface::security {
namespace {

std::vector<Point> vertices(const Path& path) {
  std::vector<Point> points;
  for (const PathOp& op : path.ops) {
    if (op.verb == PathOp::Verb::move || op.verb == PathOp::Verb::line) points.push_back(op.p[0]);
  }
  return points;
}

double distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

Point centroid(const std::vector<Point>& points) {
  Point c;
  for (Point p : points) {
    c.x += p.x / points.size();
    c.y += p.y / points.size();
  }
  return c;
}

TEST(SecurityRng, SplitMix64ReferenceValues) {
  // Vigna's splitmix64.c from state 0: the published first outputs.
  Rng rng(0);
  EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ULL);
}

TEST(SecurityRng, SameSeedSameSequenceDifferentSeedsDiffer) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const double x = a.uniform();
    EXPECT_EQ(x, b.uniform());
    differs = differs || x != c.uniform();
  }
  EXPECT_TRUE(differs);
}

TEST(SecurityRng, UniformRanges) {
  Rng rng(7);
  for (int i = 0; i < 1000; ++i) {
    const double u = rng.uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    const double v = rng.uniform(-2.5, 4.0);
    EXPECT_GE(v, -2.5);
    EXPECT_LT(v, 4.0);
  }
  // The first uniform of seed 0: top 53 bits of 0xE220A8397B1DCDAF times 2^-53.
  EXPECT_EQ(Rng(0).uniform(), static_cast<double>(0xE220A8397B1DCDAFULL >> 11) * 0x1.0p-53);
}

TEST(SecurityRng, SeedFromIsFnv1a64) {
  EXPECT_EQ(seed_from(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(seed_from("a"), 0xaf63dc4c8601ec8cULL);  // FNV-1a 64 test vector
  EXPECT_NE(seed_from("fprc-2023/911156198001010010"), seed_from("fprc-2023/911156198001010029"));
}

TEST(SecurityStars, StarVerticesAndProportions) {
  const Point c{10, 20};
  const Path s = star(c, 4, 0);
  const auto v = vertices(s);
  ASSERT_EQ(v.size(), 10u);
  EXPECT_EQ(s.ops.back().verb, PathOp::Verb::close);
  EXPECT_NEAR(v[0].x, 10, 1e-12);
  EXPECT_NEAR(v[0].y, 16, 1e-12);  // pointing up: y = centre.y - R
  for (int k = 0; k < 10; ++k) {
    const double expected = k % 2 == 0 ? 4 : 4 * 0.381966;
    EXPECT_NEAR(distance(v[k], c), expected, 4e-6) << k;
  }
  EXPECT_NEAR(distance(v[1], c) / distance(v[0], c), 0.381966, 1e-6);
  // Regular pentagram: an inner vertex lies on the line joining two outer points.
  const Point a = v[0], b = v[4], m = v[1];
  const double cross = (b.x - a.x) * (m.y - a.y) - (b.y - a.y) * (m.x - a.x);
  EXPECT_NEAR(cross, 0, 1e-9);
}

TEST(SecurityStars, FiveStarsOnTheFlagGrid) {
  const auto stars = five_stars({0, 0, 30, 20});
  ASSERT_EQ(stars.size(), 5u);
  const Point centres[] = {{5, 5}, {10, 2}, {12, 4}, {12, 7}, {10, 9}};
  const double radii[] = {3, 1, 1, 1, 1};
  for (int i = 0; i < 5; ++i) {
    const auto v = vertices(stars[i]);
    ASSERT_EQ(v.size(), 10u);
    const Point c = centroid(v);
    EXPECT_NEAR(c.x, centres[i].x, 1e-9) << i;
    EXPECT_NEAR(c.y, centres[i].y, 1e-9) << i;
    EXPECT_NEAR(distance(v[0], c), radii[i], 1e-9) << i;
  }
  // The large star points straight up.
  const auto large = vertices(stars[0]);
  EXPECT_NEAR(large[0].x, 5, 1e-12);
  EXPECT_NEAR(large[0].y, 2, 1e-12);
  // Each small star has a point aimed at the large star's centre.
  for (int i = 1; i < 5; ++i) {
    const auto v = vertices(stars[i]);
    const Point c = centres[i];
    const double to_point = std::atan2(v[0].y - c.y, v[0].x - c.x);
    const double to_large = std::atan2(5 - c.y, 5 - c.x);
    EXPECT_NEAR(std::remainder(to_point - to_large, 2 * std::numbers::pi), 0, 1e-9) << i;
  }
}

TEST(SecurityStars, FiveStarsScaleAndCentreInBox) {
  // A 60 × 60 box: the 30 × 20 grid at 2 mm per unit, centred vertically (10 mm margin).
  const auto stars = five_stars({100, 50, 60, 60});
  const auto large = vertices(stars[0]);
  const Point c = centroid(large);
  EXPECT_NEAR(c.x, 110, 1e-9);
  EXPECT_NEAR(c.y, 70, 1e-9);
  EXPECT_NEAR(distance(large[0], c), 6, 1e-9);
}

TEST(SecurityGuilloche, HypotrochoidRosetteCountsAndBounds) {
  RosetteParams p;
  p.centre = {40, 27};
  p.R = 10;
  p.r = 3;
  p.d = 2.5;
  p.turns = 3;
  p.curves = 7;
  p.samples = 500;
  const auto paths = rosette(p);
  ASSERT_EQ(paths.size(), 7u);
  for (const Path& path : paths) {
    const auto v = vertices(path);
    ASSERT_EQ(v.size(), 501u);
    EXPECT_EQ(path.ops.front().verb, PathOp::Verb::move);
    for (Point q : v) EXPECT_LE(distance(q, p.centre), 7 + 2.5 + 1e-9);
    // R/r = 10/3 and turns = 3: the curve closes.
    EXPECT_NEAR(distance(v.front(), v.back()), 0, 1e-9);
  }
}

TEST(SecurityGuilloche, EpitrochoidRosetteCountsAndBounds) {
  RosetteParams p;
  p.kind = RosetteParams::Kind::epitrochoid;
  p.centre = {0, 0};
  p.R = 6;
  p.r = 2;
  p.d = 1;
  p.turns = 1;
  p.curves = 4;
  p.samples = 360;
  const auto paths = rosette(p);
  ASSERT_EQ(paths.size(), 4u);
  double farthest = 0;
  for (const Path& path : paths) {
    const auto v = vertices(path);
    ASSERT_EQ(v.size(), 361u);
    for (Point q : v) farthest = std::max(farthest, distance(q, p.centre));
  }
  EXPECT_LE(farthest, 6 + 2 + 1 + 1e-9);
  // At t = 0 the epitrochoid is at R + r - d from the centre.
  EXPECT_NEAR(distance(vertices(paths[0])[0], p.centre), 7, 1e-12);
}

TEST(SecurityGuilloche, WaveBandStaysInsideTheBand) {
  WaveBandParams p;
  p.band = {5, 10, 70, 8};
  p.lines = 15;
  p.amplitude_mm = 1.5;
  p.wavelength_mm = 4;
  p.samples = 300;
  for (auto envelope : {WaveBandParams::Envelope::flat, WaveBandParams::Envelope::sine}) {
    p.envelope = envelope;
    const auto paths = wave_band(p);
    ASSERT_EQ(paths.size(), 15u);
    for (const Path& path : paths) {
      const auto v = vertices(path);
      ASSERT_EQ(v.size(), 301u);
      EXPECT_DOUBLE_EQ(v.front().x, 5);
      EXPECT_DOUBLE_EQ(v.back().x, 75);
      for (Point q : v) {
        EXPECT_GE(q.y, 10 - 1e-12);
        EXPECT_LE(q.y, 18 + 1e-12);
      }
    }
  }
  // Sine envelope: every line starts on its baseline; first and last baselines at ±amplitude.
  p.envelope = WaveBandParams::Envelope::sine;
  const auto paths = wave_band(p);
  EXPECT_NEAR(vertices(paths.front()).front().y, 11.5, 1e-12);
  EXPECT_NEAR(vertices(paths.back()).front().y, 16.5, 1e-12);
}

TEST(SecurityGuilloche, FrameLinesFollowTheInsetOutline) {
  FrameParams p;
  p.outline = {0, 0, 85.6, 53.98};
  p.inset_mm = 1;
  p.lines = 4;
  p.spacing_mm = 0.5;
  p.amplitude_mm = 0.2;
  p.samples = 1000;
  const auto paths = frame(p);
  ASSERT_EQ(paths.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    const auto v = vertices(paths[i]);
    ASSERT_EQ(v.size(), 1000u);
    EXPECT_EQ(paths[i].ops.back().verb, PathOp::Verb::close);
    const double inset = 1 + 0.5 * i;
    for (Point q : v) {
      EXPECT_GE(q.x, inset - 0.2 - 1e-9);
      EXPECT_LE(q.x, 85.6 - inset + 0.2 + 1e-9);
      EXPECT_GE(q.y, inset - 0.2 - 1e-9);
      EXPECT_LE(q.y, 53.98 - inset + 0.2 + 1e-9);
    }
  }
}

TEST(SecurityGuilloche, PerturbIsDeterministicAndBounded) {
  RosetteParams p;
  Rng a(seed_from("fprc-2023/911156198001010010"));
  Rng b(seed_from("fprc-2023/911156198001010010"));
  Rng c(seed_from("fprc-2023/911156198001010029"));
  const RosetteParams pa = perturb(p, a, 0.05);
  const RosetteParams pb = perturb(p, b, 0.05);
  const RosetteParams pc = perturb(p, c, 0.05);
  EXPECT_EQ(pa.R, pb.R);
  EXPECT_EQ(pa.d, pb.d);
  EXPECT_EQ(pa.rotation_rad, pb.rotation_rad);
  EXPECT_NE(pa.R, pc.R);
  EXPECT_NEAR(pa.R / pa.r, p.R / p.r, 1e-12);  // the rosette still closes
  EXPECT_GE(pa.R, p.R * 0.95);
  EXPECT_LT(pa.R, p.R * 1.05);
  EXPECT_EQ(pa.curves, p.curves);
  EXPECT_EQ(pa.turns, p.turns);
}

}  // namespace
}  // namespace cardface::security
