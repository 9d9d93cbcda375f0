#include "security/background_dropout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace cardface::security {
namespace {

// Box blur of radius r along rows (stride 1) or columns (stride w), edges clamped.
void box_blur(std::vector<float>& v, int w, int h, int r, bool rows) {
  if (r <= 0) return;
  const int n = rows ? w : h, lines = rows ? h : w;
  std::vector<float> line(static_cast<std::size_t>(n)), out(static_cast<std::size_t>(n));
  for (int l = 0; l < lines; ++l) {
    auto at = [&](int i) -> float& {
      return rows ? v[std::size_t(l) * w + i] : v[std::size_t(i) * w + l];
    };
    for (int i = 0; i < n; ++i) line[std::size_t(i)] = at(i);
    double sum = 0;
    for (int k = -r; k <= r; ++k) sum += line[std::size_t(std::clamp(k, 0, n - 1))];
    for (int i = 0; i < n; ++i) {
      out[std::size_t(i)] = float(sum / (2 * r + 1));
      sum += line[std::size_t(std::clamp(i + r + 1, 0, n - 1))] -
             line[std::size_t(std::clamp(i - r, 0, n - 1))];
    }
    for (int i = 0; i < n; ++i) at(i) = out[std::size_t(i)];
  }
}

}  // namespace

std::vector<float> subject_mask(const Raster& photo, const DropoutParams& params) {
  const int w = photo.width, h = photo.height;
  std::vector<float> mask(std::size_t(w) * h, 1.0f);
  if (w <= 0 || h <= 0) return mask;
  auto pixel = [&](int x, int y) { return &photo.rgba[(std::size_t(y) * w + x) * 4]; };

  // The backdrop: the median colour of the border.
  std::array<std::vector<int>, 3> border;
  auto sample = [&](int x, int y) {
    for (int c = 0; c < 3; ++c) border[std::size_t(c)].push_back(pixel(x, y)[c]);
  };
  for (int x = 0; x < w; ++x) sample(x, 0), sample(x, h - 1);
  for (int y = 1; y + 1 < h; ++y) sample(0, y), sample(w - 1, y);
  std::array<int, 3> backdrop{};
  for (int c = 0; c < 3; ++c) {
    auto& values = border[std::size_t(c)];
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    backdrop[std::size_t(c)] = values[values.size() / 2];
  }
  const int limit = int(std::lround(std::clamp(params.tolerance, 0.0, 1.0) * 255));
  auto like_backdrop = [&](int x, int y) {
    const std::uint8_t* p = pixel(x, y);
    if (p[3] < 128) return true;  // already transparent
    for (int c = 0; c < 3; ++c)
      if (std::abs(p[c] - backdrop[std::size_t(c)]) > limit) return false;
    return true;
  };

  // Flood from the border, 4-connected.
  std::vector<int> stack;
  auto seed = [&](int x, int y) {
    float& m = mask[std::size_t(y) * w + x];
    if (m != 0.0f && like_backdrop(x, y)) {
      m = 0.0f;
      stack.push_back(y * w + x);
    }
  };
  for (int x = 0; x < w; ++x) seed(x, 0), seed(x, h - 1);
  for (int y = 0; y < h; ++y) seed(0, y), seed(w - 1, y);
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    const int x = i % w, y = i / w;
    if (x > 0) seed(x - 1, y);
    if (x + 1 < w) seed(x + 1, y);
    if (y > 0) seed(x, y - 1);
    if (y + 1 < h) seed(x, y + 1);
  }

  const int r = int(std::lround(std::max(0.0, params.soften_px) / 2));
  for (int pass = 0; pass < 2; ++pass) {
    box_blur(mask, w, h, r, true);
    box_blur(mask, w, h, r, false);
  }
  return mask;
}

Raster without_background(const Raster& photo, const DropoutParams& params) {
  const std::vector<float> mask = subject_mask(photo, params);
  Raster out = photo;
  for (std::size_t i = 0; i < mask.size(); ++i)
    out.rgba[i * 4 + 3] = std::uint8_t(std::lround(out.rgba[i * 4 + 3] * mask[i]));
  return out;
}

}  // namespace cardface::security
