#include "security/relief.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "render/cairo_path.h"

namespace cardface::security {
namespace {

// One pass of a box blur of radius r along rows (dx = 1) or columns (dx = width).
void box_blur(std::vector<float>& v, int width, int height, int r, bool rows) {
  if (r <= 0) return;
  const int n = rows ? width : height, lines = rows ? height : width;
  std::vector<float> line(n), out(n);
  for (int l = 0; l < lines; ++l) {
    for (int i = 0; i < n; ++i) line[i] = rows ? v[l * width + i] : v[i * width + l];
    double sum = 0;
    for (int i = -r; i <= r; ++i) sum += line[std::clamp(i, 0, n - 1)];
    for (int i = 0; i < n; ++i) {
      out[i] = float(sum / (2 * r + 1));
      sum += line[std::min(i + r + 1, n - 1)] - line[std::max(i - r, 0)];
    }
    for (int i = 0; i < n; ++i) (rows ? v[l * width + i] : v[i * width + l]) = out[i];
  }
}

// Drops points that lie within `tolerance` of the straight line between their neighbours
// as kept so far, so that flat stretches cost one segment.
std::vector<Point> simplified(const std::vector<Point>& points, double tolerance) {
  if (points.size() < 3) return points;
  std::vector<Point> out{points[0]};
  for (std::size_t i = 1; i + 1 < points.size(); ++i) {
    const Point a = out.back(), b = points[i], c = points[i + 1];
    const double dx = c.x - a.x, dy = c.y - a.y, len = std::hypot(dx, dy);
    const double off = len > 0 ? std::abs((b.x - a.x) * dy - (b.y - a.y) * dx) / len : 0;
    if (off > tolerance) out.push_back(b);
  }
  out.push_back(points.back());
  return out;
}

}  // namespace

ReliefMask::ReliefMask(const Path& mask, Rect box, double soften_mm, double px_per_mm)
    : box_(box), px_per_mm_(px_per_mm) {
  width_ = std::max(1, int(std::ceil(box.width * px_per_mm)));
  height_ = std::max(1, int(std::ceil(box.height * px_per_mm)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, width_, height_);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, px_per_mm, px_per_mm);
  cairo_translate(cr, -box.x, -box.y);
  add_path(cr, mask);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  cover_.resize(std::size_t(width_) * height_);
  for (int y = 0; y < height_; ++y)
    for (int x = 0; x < width_; ++x) cover_[y * width_ + x] = data[y * stride + x] / 255.f;
  cairo_surface_destroy(surface);
  // Three box passes each way approximate a Gaussian.
  const int r = int(std::lround(soften_mm * px_per_mm / 3));
  for (int pass = 0; pass < 3; ++pass) {
    box_blur(cover_, width_, height_, r, true);
    box_blur(cover_, width_, height_, r, false);
  }
}

double ReliefMask::at(Point p) const {
  const double fx = (p.x - box_.x) * px_per_mm_ - 0.5, fy = (p.y - box_.y) * px_per_mm_ - 0.5;
  const int x0 = int(std::floor(fx)), y0 = int(std::floor(fy));
  const double tx = fx - x0, ty = fy - y0;
  auto px = [&](int x, int y) -> double {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return 0;
    return cover_[std::size_t(y) * width_ + x];
  };
  return (px(x0, y0) * (1 - tx) + px(x0 + 1, y0) * tx) * (1 - ty) +
         (px(x0, y0 + 1) * (1 - tx) + px(x0 + 1, y0 + 1) * tx) * ty;
}

std::vector<Path> relief(const ReliefParams& p, const Path& mask_path) {
  // The mask is sampled where the lines are before they move, so it spans the box itself.
  const ReliefMask mask(mask_path, p.box, p.soften_mm);
  const int lines = std::max(0, int(std::floor(p.box.height / p.spacing_mm)));
  const int steps = std::max(1, int(std::ceil(p.box.width / p.step_mm)));
  constexpr double kTolerance = 0.002;  // mm: far below a device pixel at 2400 dpi
  std::vector<Path> out;
  for (int i = 0; i < lines; ++i) {
    const double base = p.box.y + (i + 0.5) * p.spacing_mm;
    std::vector<Point> centre, upper, lower;
    for (int s = 0; s <= steps; ++s) {
      const double x = p.box.x + p.box.width * s / steps;
      const double wave =
          p.wave_amplitude_mm *
          std::sin(2 * std::numbers::pi * (x - p.box.x) / p.wavelength_mm + i * 0.35);
      const double m = mask.at({x, base});
      if (p.mode == ReliefParams::Mode::displace) {
        centre.push_back({x, base + wave - p.amount_mm * m});
      } else {
        const double half = (p.line_width_mm + p.amount_mm * m) / 2;
        upper.push_back({x, base + wave - half});
        lower.push_back({x, base + wave + half});
      }
    }
    Path path;
    if (p.mode == ReliefParams::Mode::displace) {
      const auto pts = simplified(centre, kTolerance);
      path.move_to(pts[0]);
      for (std::size_t k = 1; k < pts.size(); ++k) path.line_to(pts[k]);
    } else {
      const auto top = simplified(upper, kTolerance);
      auto bottom = simplified(lower, kTolerance);
      std::reverse(bottom.begin(), bottom.end());
      path.move_to(top[0]);
      for (std::size_t k = 1; k < top.size(); ++k) path.line_to(top[k]);
      for (const Point& q : bottom) path.line_to(q);
      path.close();
    }
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace cardface::security
