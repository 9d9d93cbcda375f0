#include "security/guilloche.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cardface::security {
namespace {

constexpr double kPi = std::numbers::pi;

void add_point(Path& path, Point p, bool first) {
  if (first) {
    path.move_to(p);
  } else {
    path.line_to(p);
  }
}

// A point at arc length s along a rounded rectangle (clockwise on the card, from the start of
// the top edge) and the outward unit normal there.
struct OutlinePoint {
  Point p;
  Point normal;
};

OutlinePoint along_rounded_rect(Rect rect, double radius, double s) {
  const double w = rect.width - 2 * radius;
  const double h = rect.height - 2 * radius;
  const double arc = radius * kPi / 2;
  const auto corner = [&](Point c, double start_angle, double t) {
    // Angle measured from +x, turning clockwise on the card (y down).
    const double a = start_angle + (radius > 0 ? t / radius : 0);
    const Point n{std::cos(a), std::sin(a)};
    return OutlinePoint{{c.x + radius * n.x, c.y + radius * n.y}, n};
  };
  const double x0 = rect.x + radius, x1 = rect.x + rect.width - radius;
  const double y0 = rect.y + radius, y1 = rect.y + rect.height - radius;
  if (s < w) return {{x0 + s, rect.y}, {0, -1}};
  s -= w;
  if (s < arc) return corner({x1, y0}, -kPi / 2, s);
  s -= arc;
  if (s < h) return {{rect.x + rect.width, y0 + s}, {1, 0}};
  s -= h;
  if (s < arc) return corner({x1, y1}, 0, s);
  s -= arc;
  if (s < w) return {{x1 - s, rect.y + rect.height}, {0, 1}};
  s -= w;
  if (s < arc) return corner({x0, y1}, kPi / 2, s);
  s -= arc;
  if (s < h) return {{rect.x, y1 - s}, {-1, 0}};
  s -= h;
  return corner({x0, y0}, kPi, std::min(s, arc));
}

double scaled(double value, Rng& rng, double amount) {
  return value * rng.uniform(1 - amount, 1 + amount);
}

double shifted(double angle, Rng& rng, double amount) {
  return angle + rng.uniform(-amount * kPi, amount * kPi);
}

}  // namespace

std::vector<Path> rosette(const RosetteParams& params) {
  std::vector<Path> paths;
  if (params.r == 0 || params.samples < 1) return paths;
  const bool hypo = params.kind == RosetteParams::Kind::hypotrochoid;
  const double arm = hypo ? params.R - params.r : params.R + params.r;
  const double ratio = arm / params.r;
  const double sign = hypo ? 1 : -1;
  const double t_end = 2 * kPi * params.turns;
  for (int k = 0; k < params.curves; ++k) {
    const double rot = params.rotation_rad + k * params.phase_step_rad;
    const double cr = std::cos(rot), sr = std::sin(rot);
    Path path;
    for (int i = 0; i <= params.samples; ++i) {
      const double t = t_end * i / params.samples;
      const double x = arm * std::cos(t) + sign * params.d * std::cos(ratio * t);
      const double y = arm * std::sin(t) - params.d * std::sin(ratio * t);
      add_point(path, {params.centre.x + cr * x - sr * y, params.centre.y + sr * x + cr * y},
                i == 0);
    }
    paths.push_back(std::move(path));
  }
  return paths;
}

std::vector<Path> wave_band(const WaveBandParams& params) {
  std::vector<Path> paths;
  const Rect& band = params.band;
  if (params.samples < 1 || band.width <= 0 || band.height <= 0) return paths;
  const double amplitude = std::clamp(params.amplitude_mm, 0.0, band.height / 2);
  const double top = band.y + amplitude;
  const double span = band.height - 2 * amplitude;
  for (int i = 0; i < params.lines; ++i) {
    const double base = params.lines == 1 ? top + span / 2 : top + span * i / (params.lines - 1);
    const double phase = params.phase_rad + i * params.phase_step_rad;
    Path path;
    for (int j = 0; j <= params.samples; ++j) {
      const double u = static_cast<double>(j) / params.samples;
      const double dx = band.width * u;
      const double env =
          params.envelope == WaveBandParams::Envelope::sine ? std::sin(kPi * u) : 1.0;
      const double wave =
          params.wavelength_mm > 0 ? std::sin(2 * kPi * dx / params.wavelength_mm + phase) : 0;
      const double y = std::clamp(base + amplitude * env * wave, band.y, band.y + band.height);
      add_point(path, {band.x + dx, y}, j == 0);
    }
    paths.push_back(std::move(path));
  }
  return paths;
}

std::vector<Path> frame(const FrameParams& params) {
  std::vector<Path> paths;
  if (params.samples < 3) return paths;
  for (int i = 0; i < params.lines; ++i) {
    const double inset = params.inset_mm + i * params.spacing_mm;
    const Rect rect{params.outline.x + inset, params.outline.y + inset,
                    params.outline.width - 2 * inset, params.outline.height - 2 * inset};
    if (rect.width <= 0 || rect.height <= 0) break;
    const double radius =
        std::clamp(params.corner_radius_mm - inset, 0.0, std::min(rect.width, rect.height) / 2);
    const double length = 2 * (rect.width + rect.height - 4 * radius) + 2 * kPi * radius;
    const double phase = params.phase_rad + i * params.phase_step_rad;
    Path path;
    for (int j = 0; j < params.samples; ++j) {
      const double s = length * j / params.samples;
      const OutlinePoint o = along_rounded_rect(rect, radius, s);
      const double off =
          params.amplitude_mm * std::sin(2 * kPi * params.waves * s / length + phase);
      add_point(path, {o.p.x + off * o.normal.x, o.p.y + off * o.normal.y}, j == 0);
    }
    path.close();
    paths.push_back(std::move(path));
  }
  return paths;
}

RosetteParams perturb(const RosetteParams& params, Rng& rng, double amount) {
  RosetteParams out = params;
  const double size = rng.uniform(1 - amount, 1 + amount);  // R and r together: R/r is kept
  out.R = params.R * size;
  out.r = params.r * size;
  out.d = scaled(params.d, rng, amount);
  out.phase_step_rad = scaled(params.phase_step_rad, rng, amount);
  out.rotation_rad = shifted(params.rotation_rad, rng, amount);
  return out;
}

WaveBandParams perturb(const WaveBandParams& params, Rng& rng, double amount) {
  WaveBandParams out = params;
  out.amplitude_mm = scaled(params.amplitude_mm, rng, amount);
  out.wavelength_mm = scaled(params.wavelength_mm, rng, amount);
  out.phase_rad = shifted(params.phase_rad, rng, amount);
  out.phase_step_rad = scaled(params.phase_step_rad, rng, amount);
  return out;
}

FrameParams perturb(const FrameParams& params, Rng& rng, double amount) {
  FrameParams out = params;
  out.amplitude_mm = scaled(params.amplitude_mm, rng, amount);
  out.phase_rad = shifted(params.phase_rad, rng, amount);
  out.phase_step_rad = scaled(params.phase_step_rad, rng, amount);
  return out;
}

}  // namespace cardface::security
