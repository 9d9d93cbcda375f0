#include "scene/path_walk.h"

#include <algorithm>
#include <cmath>

namespace cardface {
namespace {

double distance(Point a, Point b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

Point cubic_at(Point p0, Point c1, Point c2, Point p3, double t) {
  const double u = 1 - t;
  const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return {a * p0.x + b * c1.x + c * c2.x + d * p3.x, a * p0.y + b * c1.y + c * c2.y + d * p3.y};
}

}  // namespace

std::vector<std::vector<Point>> flatten(const Path& path, double step_mm) {
  std::vector<std::vector<Point>> out;
  Point start{}, current{};
  for (const PathOp& op : path.ops) {
    switch (op.verb) {
      case PathOp::Verb::move:
        out.push_back({op.p[0]});
        start = current = op.p[0];
        break;
      case PathOp::Verb::line:
        if (out.empty()) out.push_back({current});
        out.back().push_back(op.p[0]);
        current = op.p[0];
        break;
      case PathOp::Verb::cubic: {
        if (out.empty()) out.push_back({current});
        // The control polygon bounds the curve's length from above.
        const double hull =
            distance(current, op.p[0]) + distance(op.p[0], op.p[1]) + distance(op.p[1], op.p[2]);
        const int pieces = std::clamp(int(std::ceil(hull / step_mm)), 8, 4096);
        for (int i = 1; i <= pieces; ++i)
          out.back().push_back(cubic_at(current, op.p[0], op.p[1], op.p[2], double(i) / pieces));
        current = op.p[2];
        break;
      }
      case PathOp::Verb::close:
        if (!out.empty() && !(out.back().back() == start)) out.back().push_back(start);
        current = start;
        break;
    }
  }
  return out;
}

PathWalk::PathWalk(std::vector<Point> polyline) : points_(std::move(polyline)) {
  double total = 0;
  for (std::size_t i = 0; i < points_.size(); ++i) {
    if (i > 0) total += distance(points_[i - 1], points_[i]);
    cumulative_.push_back(total);
  }
}

PathWalk::Pose PathWalk::at(double s) const {
  if (points_.empty()) return {};
  if (points_.size() == 1) return {points_[0], 0};
  s = std::clamp(s, 0.0, length());
  // The segment [i-1, i] that holds s; zero-length segments are skipped by upper_bound.
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), s);
  std::size_t i =
      std::clamp<std::size_t>(std::size_t(it - cumulative_.begin()), 1, points_.size() - 1);
  while (i > 1 && cumulative_[i] == cumulative_[i - 1]) --i;
  const Point a = points_[i - 1], b = points_[i];
  const double piece = cumulative_[i] - cumulative_[i - 1];
  const double t = piece > 0 ? (s - cumulative_[i - 1]) / piece : 0;
  return {{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}, std::atan2(b.y - a.y, b.x - a.x)};
}

}  // namespace cardface
