// The five-star motif laid out by the public construction rules of the national flag: on a
// 30 × 20 grid (top-left origin, y down), the large star has its centre at (5, 5) and
// circumradius 3; the four small stars have circumradius 1 and centres at (10, 2), (12, 4),
// (12, 7), (10, 9), each turned so that one point aims at the large star's centre. The large
// star has one point straight up.
#pragma once

#include <vector>

#include "cardface/scene.h"

namespace cardface::security {

// Inner/outer radius of a regular pentagram: sin 18° / sin 126° = (3 - √5) / 2.
inline constexpr double kStarInnerRatio = 0.38196601125010515;

// A closed five-pointed star: 10 vertices alternating outer (even index) and inner radius,
// starting with a point. Rotation 0 puts the first point straight up (y = centre.y - radius);
// positive rotation turns clockwise on the card (y down).
Path star(Point centre, double outer_radius, double rotation_rad);

// The 30 × 20 construction grid scaled uniformly to fit `box` and centred in it: the large
// star first, then the four small ones in the order above.
std::vector<Path> five_stars(Rect box);

}  // namespace cardface::security
