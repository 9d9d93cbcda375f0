#include "security/stars.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace cardface::security {

Path star(Point centre, double outer_radius, double rotation_rad) {
  Path path;
  for (int k = 0; k < 10; ++k) {
    const double angle = rotation_rad + k * std::numbers::pi / 5;
    const double radius = k % 2 == 0 ? outer_radius : outer_radius * kStarInnerRatio;
    const Point p{centre.x + radius * std::sin(angle), centre.y - radius * std::cos(angle)};
    if (k == 0) {
      path.move_to(p);
    } else {
      path.line_to(p);
    }
  }
  path.close();
  return path;
}

std::vector<Path> five_stars(Rect box) {
  const double unit = std::min(box.width / 30, box.height / 20);
  const double left = box.x + (box.width - 30 * unit) / 2;
  const double top = box.y + (box.height - 20 * unit) / 2;
  const auto at = [&](double gx, double gy) { return Point{left + gx * unit, top + gy * unit}; };

  const Point large = at(5, 5);
  std::vector<Path> stars{star(large, 3 * unit, 0)};
  constexpr std::array<std::array<double, 2>, 4> kSmall{{{10, 2}, {12, 4}, {12, 7}, {10, 9}}};
  for (const auto& [gx, gy] : kSmall) {
    const Point c = at(gx, gy);
    // Direction (sin a, -cos a) of the first point equals the direction to the large star.
    const double aim = std::atan2(large.x - c.x, -(large.y - c.y));
    stars.push_back(star(c, unit, aim));
  }
  return stars;
}

}  // namespace cardface::security
