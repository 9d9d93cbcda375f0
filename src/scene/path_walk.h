// A Path as polylines (cubics flattened) and positions along a polyline by arc length: for
// text along a path and for anything else that follows a curve.
#pragma once

#include <vector>

#include "cardface/scene.h"

namespace cardface {

// One polyline per subpath; a closed subpath ends with its first point again. Each cubic
// becomes straight pieces no longer than `step_mm` (and at least 8 of them).
std::vector<std::vector<Point>> flatten(const Path& path, double step_mm = 0.05);

class PathWalk {
 public:
  struct Pose {
    Point at;
    double angle_rad = 0;  // direction of travel, clockwise from +x (y down)
  };

  explicit PathWalk(std::vector<Point> polyline);

  double length() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
  // The point at arc length s, clamped to [0, length()].
  Pose at(double s) const;

 private:
  std::vector<Point> points_;
  std::vector<double> cumulative_;  // arc length at each point
};

}  // namespace cardface
