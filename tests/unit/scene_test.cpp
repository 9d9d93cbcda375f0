#include "cardface/scene.h"

#include <gtest/gtest.h>

namespace cardface {
namespace {

TEST(ScenePath, RoundedRectStartsAfterTheCornerAndCloses) {
  Path p;
  p.rounded_rect({0, 0, 85.60, 53.98}, 3.18);
  ASSERT_FALSE(p.ops.empty());
  EXPECT_EQ(p.ops.front().verb, PathOp::Verb::move);
  EXPECT_DOUBLE_EQ(p.ops.front().p[0].x, 3.18);
  EXPECT_DOUBLE_EQ(p.ops.front().p[0].y, 0);
  EXPECT_EQ(p.ops.back().verb, PathOp::Verb::close);
  int cubics = 0;
  for (const auto& op : p.ops) cubics += op.verb == PathOp::Verb::cubic;
  EXPECT_EQ(cubics, 4);
}

TEST(ScenePath, RoundedRectRadiusIsClampedToHalfTheShortSide) {
  Path p;
  p.rounded_rect({10, 10, 4, 20}, 5);
  EXPECT_DOUBLE_EQ(p.ops.front().p[0].x, 12);  // radius 2 = 4 / 2
}

TEST(ScenePath, EllipseTouchesItsBoxAtFourPoints) {
  Path p;
  p.ellipse({0, 0, 10, 6});
  EXPECT_EQ(p.ops.front().p[0], (Point{10, 3}));
  EXPECT_EQ(p.ops[1].p[2], (Point{5, 6}));
  EXPECT_EQ(p.ops[2].p[2], (Point{0, 3}));
  EXPECT_EQ(p.ops[3].p[2], (Point{5, 0}));
}

TEST(SceneFace, FindsFacesBySide) {
  Scene s;
  Face back;
  back.side = Side::back;
  s.faces.push_back(back);
  EXPECT_EQ(s.face(Side::front), nullptr);
  ASSERT_NE(s.face(Side::back), nullptr);
  EXPECT_STREQ(to_string(Side::back), "back");
  EXPECT_STREQ(to_string(Panel::uv), "uv");
}

}  // namespace
}  // namespace cardface
