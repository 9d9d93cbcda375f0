#include "security/ghost_image.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "security/background_dropout.h"

namespace cardface::security {
namespace {

struct Tap {
  int index;
  double weight;
};

// For each of `out` output samples over the source span [start, start + length), the source
// samples (0 .. n-1) under a box footprint at least one source sample wide, with area weights
// summing to 1.
std::vector<std::vector<Tap>> box_taps(int out, double start, double length, int n) {
  std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(out));
  const double step = length / out;
  const double half = std::max(step, 1.0) / 2;
  for (int i = 0; i < out; ++i) {
    const double centre = start + (i + 0.5) * step;
    double lo = centre - half;
    double hi = centre + half;
    if (lo < 0) {
      hi = std::min(hi - lo, static_cast<double>(n));
      lo = 0;
    }
    if (hi > n) {
      lo = std::max(lo - (hi - n), 0.0);
      hi = n;
    }
    auto& row = taps[static_cast<std::size_t>(i)];
    double total = 0;
    const int first = static_cast<int>(std::floor(lo));
    const int last = std::min(static_cast<int>(std::ceil(hi)), n);
    for (int k = first; k < last; ++k) {
      const double w = std::min(hi, k + 1.0) - std::max(lo, static_cast<double>(k));
      if (w > 0) {
        row.push_back({k, w});
        total += w;
      }
    }
    if (row.empty()) {
      row.push_back({std::clamp(first, 0, n - 1), 1.0});
      total = 1;
    }
    for (Tap& t : row) t.weight /= total;
  }
  return taps;
}

// Length of [a0, a1] ∩ [b0, b1].
double overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// Coverage of a line screen at signed offset s (mm, across the lines) with lines of width w,
// pitch p, over a footprint of width px.
double line_coverage(double s, double w, double p, double px) {
  if (w <= 0) return 0;
  const double lo = s - px / 2;
  const double hi = s + px / 2;
  double sum = 0;
  const long long k0 = static_cast<long long>(std::floor(lo / p)) - 1;
  const long long k1 = static_cast<long long>(std::ceil(hi / p)) + 1;
  for (long long k = k0; k <= k1; ++k) {
    const double c = static_cast<double>(k) * p;
    sum += overlap(lo, hi, c - w / 2, c + w / 2);
  }
  return std::min(sum / px, 1.0);
}

// Coverage of a dot of radius r at distance d, edge ramped linearly over px. The ramp adds
// π px² / 12 to the dot's area, so the ramp centre sits at sqrt(r² - px²/12); dots with less
// area than a px/2 disc with its ramp (π px² / 3) become that disc at proportionally lower
// strength. Either way the mean coverage is π r² per dot.
double dot_coverage(double d, double r, double px) {
  if (r <= 0) return 0;
  const double r2 = r * r;
  const double min2 = px * px / 3;
  double strength = 1;
  double edge = px / 2;
  if (r2 < min2) {
    strength = r2 / min2;
  } else {
    edge = std::sqrt(r2 - px * px / 12);
  }
  return strength * std::clamp((edge - d) / px + 0.5, 0.0, 1.0);
}

std::uint8_t to_byte(double v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
}

}  // namespace

Raster ghost_image(const Raster& photo, const GhostParams& params) {
  if (photo.width <= 0 || photo.height <= 0 ||
      photo.rgba.size() != static_cast<std::size_t>(photo.width) * photo.height * 4) {
    throw std::invalid_argument("ghost_image: empty or malformed photo");
  }
  if (!(params.width_mm > 0) || !(params.height_mm > 0) || params.dpi <= 0 ||
      !(params.screen_pitch_mm > 0)) {
    throw std::invalid_argument("ghost_image: box size, dpi and screen pitch must be positive");
  }
  if (!(params.lightest >= 0 && params.lightest <= 1 && params.darkest >= 0 &&
        params.darkest <= 1)) {
    throw std::invalid_argument("ghost_image: tones must lie in [0, 1]");
  }

  const int out_w = std::max(1, static_cast<int>(std::lround(params.width_mm / 25.4 * params.dpi)));
  const int out_h =
      std::max(1, static_cast<int>(std::lround(params.height_mm / 25.4 * params.dpi)));

  // Luma of the photo over white.
  const int pw = photo.width;
  const int ph = photo.height;
  std::vector<double> luma(static_cast<std::size_t>(pw) * ph);
  for (std::size_t i = 0; i < luma.size(); ++i) {
    const std::uint8_t* p = &photo.rgba[i * 4];
    const double a = p[3] / 255.0;
    const double y = (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255.0;
    luma[i] = y * a + (1 - a);
  }

  // Cover-fit crop, centred.
  const double box_aspect = params.width_mm / params.height_mm;
  double crop_x = 0, crop_y = 0, crop_w = pw, crop_h = ph;
  if (static_cast<double>(pw) / ph > box_aspect) {
    crop_w = ph * box_aspect;
    crop_x = (pw - crop_w) / 2;
  } else {
    crop_h = pw / box_aspect;
    crop_y = (ph - crop_h) / 2;
  }
  const auto xtaps = box_taps(out_w, crop_x, crop_w, pw);
  const auto ytaps = box_taps(out_h, crop_y, crop_h, ph);

  // Horizontal pass, then vertical (per output row, below).
  auto horizontal = [&](const std::vector<double>& plane) {
    std::vector<double> rows(static_cast<std::size_t>(ph) * out_w);
    for (int y = 0; y < ph; ++y) {
      const double* src = &plane[static_cast<std::size_t>(y) * pw];
      double* dst = &rows[static_cast<std::size_t>(y) * out_w];
      for (int x = 0; x < out_w; ++x) {
        double v = 0;
        for (const Tap& t : xtaps[static_cast<std::size_t>(x)]) v += t.weight * src[t.index];
        dst[x] = v;
      }
    }
    return rows;
  };
  auto vertical = [&](const std::vector<double>& rows, int y, std::vector<double>& column) {
    std::fill(column.begin(), column.end(), 0.0);
    for (const Tap& t : ytaps[static_cast<std::size_t>(y)]) {
      const double* src = &rows[static_cast<std::size_t>(t.index) * out_w];
      for (int x = 0; x < out_w; ++x) column[static_cast<std::size_t>(x)] += t.weight * src[x];
    }
  };
  const std::vector<double> rows = horizontal(luma);
  std::vector<double> keep_rows;
  if (params.drop_background) {
    DropoutParams dropout;
    dropout.tolerance = params.dropout_tolerance;
    dropout.soften_px = params.dropout_soften_mm * crop_w / params.width_mm;
    const std::vector<float> mask = subject_mask(photo, dropout);
    keep_rows = horizontal(std::vector<double>(mask.begin(), mask.end()));
  }

  const double px = 25.4 / params.dpi;
  const double pitch = params.screen_pitch_mm;
  const double angle = params.screen_angle_deg * std::numbers::pi / 180;
  const double ca = std::cos(angle);
  const double sa = std::sin(angle);
  const double ink_a = std::clamp(params.ink.a, 0.0, 1.0);

  Raster out;
  out.width = out_w;
  out.height = out_h;
  out.rgba.resize(static_cast<std::size_t>(out_w) * out_h * 4);
  const std::uint8_t ink_r = to_byte(params.ink.r);
  const std::uint8_t ink_g = to_byte(params.ink.g);
  const std::uint8_t ink_b = to_byte(params.ink.b);

  std::vector<double> column(static_cast<std::size_t>(out_w));
  std::vector<double> keep(static_cast<std::size_t>(out_w), 1.0);
  for (int y = 0; y < out_h; ++y) {
    vertical(rows, y, column);
    if (params.drop_background) vertical(keep_rows, y, keep);
    const double my = (y + 0.5) * px;
    for (int x = 0; x < out_w; ++x) {
      const double l = std::clamp(column[static_cast<std::size_t>(x)], 0.0, 1.0);
      const double tone = params.darkest + l * (params.lightest - params.darkest);
      const double ink = std::clamp(1 - tone, 0.0, 1.0);
      const double mx = (x + 0.5) * px;
      // Screen frame: u along the lines, v across them.
      const double u = mx * ca + my * sa;
      const double v = -mx * sa + my * ca;
      double cov = 0;
      if (params.screen == GhostParams::Screen::lines) {
        cov = line_coverage(v, ink * pitch, pitch, px);
      } else {
        const double r = pitch * std::sqrt(ink / std::numbers::pi);
        const double fu = std::floor(u / pitch);
        const double fv = std::floor(v / pitch);
        // The four lattice points around (u, v): the nearest dot and any overlapping ones.
        for (int j = 0; j <= 1; ++j) {
          for (int i = 0; i <= 1; ++i) {
            const double du = u - (fu + i) * pitch;
            const double dv = v - (fv + j) * pitch;
            cov = std::max(cov, dot_coverage(std::hypot(du, dv), r, px));
          }
        }
      }
      const double a = cov * ink_a * std::clamp(keep[static_cast<std::size_t>(x)], 0.0, 1.0);
      std::uint8_t* o = &out.rgba[(static_cast<std::size_t>(y) * out_w + x) * 4];
      if (params.transparent_background) {
        o[0] = ink_r;
        o[1] = ink_g;
        o[2] = ink_b;
        o[3] = to_byte(a);
      } else {
        o[0] = to_byte(1 - a + a * params.ink.r);
        o[1] = to_byte(1 - a + a * params.ink.g);
        o[2] = to_byte(1 - a + a * params.ink.b);
        o[3] = 255;
      }
    }
  }
  return out;
}

}  // namespace cardface::security
