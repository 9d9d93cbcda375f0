// Path walking, glyph outlines, line-modulated relief, Great Wall line art and microtext along
// a path: geometry checked against what the definitions require, not against rendered pixels.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "cardface/fonts.h"
#include "cardface/scene.h"
#include "scene/path_walk.h"
#include "security/great_wall.h"
#include "security/relief.h"
#include "text/font_book.h"
#include "text/glyph_outline.h"
#include "text/shape.h"
#include "tmpl/microtext.h"

namespace cardface {
namespace {

constexpr double kPi = std::numbers::pi;

std::vector<Point> points_of(const std::vector<Path>& paths) {
  std::vector<Point> out;
  for (const Path& path : paths)
    for (const PathOp& op : path.ops)
      if (op.verb != PathOp::Verb::close)
        out.push_back(op.p[op.verb == PathOp::Verb::cubic ? 2 : 0]);
  return out;
}

TEST(PathWalk, SquareHasItsPerimeterAndCorners) {
  Path square;
  square.move_to({0, 0});
  square.line_to({10, 0});
  square.line_to({10, 10});
  square.line_to({0, 10});
  square.close();
  const auto polylines = flatten(square);
  ASSERT_EQ(polylines.size(), 1u);
  const PathWalk walk(polylines[0]);
  EXPECT_DOUBLE_EQ(walk.length(), 40);
  EXPECT_EQ(walk.at(15).at, (Point{10, 5}));
  EXPECT_NEAR(walk.at(15).angle_rad, kPi / 2, 1e-12);  // down the right edge (y down)
  EXPECT_EQ(walk.at(35).at, (Point{0, 5}));
  EXPECT_NEAR(walk.at(35).angle_rad, -kPi / 2, 1e-12);
  EXPECT_EQ(walk.at(99).at, (Point{0, 0}));  // clamped to the end, which is the start
}

TEST(PathWalk, CircleOfCubicsHasLengthTwoPiR) {
  Path circle;
  circle.ellipse({0, 0, 20, 20});
  const PathWalk walk(flatten(circle, 0.01)[0]);
  // The kappa approximation of a circle is within 0.03 % of the true radius.
  EXPECT_NEAR(walk.length(), 2 * kPi * 10, 2 * kPi * 10 * 3e-4);
}

TEST(GlyphOutline, CapitalHSpansTheCapHeight) {
  const Fonts fonts = Fonts::bundled();
  const text::Face& face = *fonts.book().family("sans", "test").latin;
  text::TextStyle style;
  style.family = "sans";
  style.size_pt = 72;  // 25.4 mm em
  const text::Line line = text::shape_line(fonts.book(), "H", style, "test");
  const Path outline = text::line_outline(fonts.book(), line);
  double top = 1e9, bottom = -1e9;
  for (const Point& p : points_of({outline})) {
    top = std::min(top, p.y);
    bottom = std::max(bottom, p.y);
  }
  EXPECT_NEAR(bottom, 0, 1e-6);  // sits on the baseline
  EXPECT_NEAR(-top, face.cap_height_em() * 25.4, 0.01);
}

TEST(Relief, DisplacesLinesOnlyInsideTheMask) {
  security::ReliefParams p;
  p.box = {0, 0, 40, 20};
  p.spacing_mm = 0.5;
  p.amount_mm = 0.2;
  p.soften_mm = 0;
  Path mask;
  mask.move_to({10, 5});
  mask.line_to({30, 5});
  mask.line_to({30, 15});
  mask.line_to({10, 15});
  mask.close();
  const std::vector<Path> lines = security::relief(p, mask);
  ASSERT_EQ(lines.size(), 40u);  // 20 mm / 0.5 mm
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const double base = (i + 0.5) * 0.5;
    for (const Point& q : points_of({lines[i]})) {
      EXPECT_GE(q.x, 0);
      EXPECT_LE(q.x, 40);
      const bool inside = q.x > 10.2 && q.x < 29.8 && base > 5.2 && base < 14.8;
      const bool outside = q.x < 9.8 || q.x > 30.2 || base < 4.8 || base > 15.2;
      if (inside) {
        EXPECT_NEAR(q.y, base - 0.2, 1e-3);
      }
      if (outside) {
        EXPECT_NEAR(q.y, base, 1e-3);
      }
    }
  }
  // Straight runs are merged: a line outside the mask is a single segment.
  EXPECT_EQ(lines[0].ops.size(), 2u);
}

TEST(Relief, WidthModeWidensLinesInsideTheMask) {
  security::ReliefParams p;
  p.mode = security::ReliefParams::Mode::width;
  p.box = {0, 0, 20, 10};
  p.spacing_mm = 1;
  p.line_width_mm = 0.1;
  p.amount_mm = 0.3;
  p.soften_mm = 0;
  Path mask;
  mask.ellipse({5, 0, 10, 10});
  const std::vector<Path> lines = security::relief(p, mask);
  ASSERT_EQ(lines.size(), 10u);
  // Line 4 (baseline 4.5) crosses the disc: 0.4 mm wide at its centre, 0.1 mm at the ends.
  const Path& line = lines[4];
  EXPECT_EQ(line.ops.back().verb, PathOp::Verb::close);
  // The outline runs along the top edge left to right, then back along the bottom edge.
  const auto pts = points_of({line});
  std::size_t turn = 1;
  while (turn < pts.size() && pts[turn].x > pts[turn - 1].x) ++turn;
  const std::vector<Point> top(pts.begin(), pts.begin() + turn);
  const std::vector<Point> bottom(pts.rbegin(), pts.rend() - turn);
  auto y_at = [](const std::vector<Point>& edge, double x) {
    for (std::size_t i = 1; i < edge.size(); ++i)
      if (edge[i - 1].x <= x && x <= edge[i].x)
        return edge[i - 1].y +
               (x - edge[i - 1].x) / (edge[i].x - edge[i - 1].x) * (edge[i].y - edge[i - 1].y);
    return std::nan("");
  };
  EXPECT_NEAR(y_at(bottom, 10) - y_at(top, 10), 0.4, 1e-3);
  EXPECT_NEAR(y_at(bottom, 0) - y_at(top, 0), 0.1, 1e-9);
  EXPECT_NEAR(y_at(bottom, 20) - y_at(top, 20), 0.1, 1e-9);
}

TEST(GreatWall, StaysInItsBoxWithSeparateTowers) {
  security::WallParams p;
  p.box = {3, 10, 79.6, 38};
  p.seed = 2023;
  p.towers = 4;
  const security::WallArt art = security::great_wall(p);
  ASSERT_EQ(art.towers.size(), 4u);
  for (std::size_t i = 0; i + 1 < art.towers.size(); ++i)
    EXPECT_LT(art.towers[i].x + art.towers[i].width, art.towers[i + 1].x);  // apart, in order
  const double wall_h = 0.09 * 38;
  for (const Rect& t : art.towers) {
    EXPECT_NEAR(t.width, 2.4 * wall_h, 1e-9);
    EXPECT_GE(t.height, 2.1 * wall_h - 1e-9);  // at least its height above the crest
  }
  EXPECT_GT(art.terrain.size(), 4u);
  EXPECT_GT(art.wall.size(), 4u * 4);  // each tower alone has body, ledge, merlons, windows
  for (const Point& q : points_of(art.terrain)) {
    EXPECT_GE(q.x, p.box.x - 1e-9);
    EXPECT_LE(q.x, p.box.x + p.box.width + 1e-9);
    EXPECT_GE(q.y, p.box.y - 1e-9);
    EXPECT_LE(q.y, p.box.y + p.box.height + 1e-9);
  }
  for (const Point& q : points_of(art.wall)) {
    EXPECT_GE(q.y, p.box.y - 1e-9);
    EXPECT_LE(q.y, p.box.y + p.box.height + 1e-9);
  }
}

TEST(GreatWall, SameSeedSameArtOtherSeedOtherArt) {
  security::WallParams p;
  p.box = {0, 0, 60, 30};
  p.seed = 7;
  const auto a = points_of(security::great_wall(p).terrain);
  const auto b = points_of(security::great_wall(p).terrain);
  p.seed = 8;
  const auto c = points_of(security::great_wall(p).terrain);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(Microtext, AlongACircleEveryGlyphSitsOnItAndTurnsWithIt) {
  const Fonts fonts = Fonts::bundled();
  tmpl::MicrotextLayout layout;
  layout.kind = tmpl::MicrotextLayout::Kind::path;
  layout.path.ellipse({10, 10, 20, 20});  // radius 10 about (20, 20)
  const auto runs = tmpl::microtext_runs(fonts.book(), "CARDFACE ", "sans", 0.3, {}, layout, "t");
  const double cap_em = fonts.book().family("sans", "t").latin->cap_height_em();
  int glyphs = 0;
  for (const GlyphRun& run : runs) {
    EXPECT_NEAR(run.size_mm * cap_em, 0.3, 1e-9);
    for (const Glyph& g : run.glyphs) {
      ++glyphs;
      const double dx = g.origin.x - 20, dy = g.origin.y - 20;
      EXPECT_NEAR(std::hypot(dx, dy), 10, 0.01);
      // Travel is clockwise on the card: the direction is the radius turned by +90°.
      const double tangent = std::atan2(dy, dx) + kPi / 2;
      EXPECT_NEAR(std::remainder(g.angle_rad - tangent, 2 * kPi), 0, 0.05);
    }
  }
  EXPECT_GT(glyphs, 150);  // 62.8 mm of 0.3 mm capitals
}

}  // namespace
}  // namespace cardface
