#include "security/background_dropout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace cardface::security {
namespace {

// Box blur of radius r along rows (stride 1) or columns (stride w), edges clamped. Each line
// keeps a running sum in double of its float samples; columns run side by side, a row at a
// time, with the same arithmetic per column as a row has.
void box_blur(std::vector<float>& v, int w, int h, int r, bool rows) {
  if (r <= 0) return;
  const double width = 2 * r + 1;
  if (rows) {
    std::vector<float> line(static_cast<std::size_t>(w));
    for (int l = 0; l < h; ++l) {
      float* row = &v[std::size_t(l) * w];
      std::copy(row, row + w, line.begin());
      double sum = 0;
      for (int k = -r; k <= r; ++k) sum += line[std::size_t(std::clamp(k, 0, w - 1))];
      for (int i = 0; i < w; ++i) {
        row[i] = float(sum / width);
        sum += line[std::size_t(std::clamp(i + r + 1, 0, w - 1))] -
               line[std::size_t(std::clamp(i - r, 0, w - 1))];
      }
    }
    return;
  }
  const std::vector<float> in = v;
  auto row_of = [&](int i) { return &in[std::size_t(std::clamp(i, 0, h - 1)) * w]; };
  std::vector<double> sums(static_cast<std::size_t>(w), 0.0);
  for (int k = -r; k <= r; ++k) {
    const float* src = row_of(k);
    for (int x = 0; x < w; ++x) sums[std::size_t(x)] += src[x];
  }
  for (int i = 0; i < h; ++i) {
    float* out = &v[std::size_t(i) * w];
    const float* enter = row_of(i + r + 1);
    const float* leave = row_of(i - r);
    for (int x = 0; x < w; ++x) {
      out[x] = float(sums[std::size_t(x)] / width);
      sums[std::size_t(x)] += enter[x] - leave[x];
    }
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
