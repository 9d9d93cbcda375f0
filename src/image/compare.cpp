#include <algorithm>
#include <cstdlib>
#include <string>

#include "cardface/error.h"
#include "cardface/image.h"

namespace cardface {
namespace {

void check_raster(const Raster& raster, const char* which) {
  const bool valid = raster.width >= 0 && raster.height >= 0 &&
                     raster.rgba.size() == std::size_t(raster.width) * raster.height * 4;
  if (!valid) {
    throw Error(ErrorKind::internal, which,
                "raster of " + std::to_string(raster.width) + " x " +
                    std::to_string(raster.height) + " holds " + std::to_string(raster.rgba.size()) +
                    " bytes");
  }
}

int channel_delta(const std::uint8_t* e, const std::uint8_t* a) {
  if (e[3] == 0 && a[3] == 0) return 0;  // invisible either way, whatever the colour
  int delta = 0;
  for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(int{e[c]} - int{a[c]}));
  return delta;
}

void paint(std::uint8_t* out, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  out[0] = r;
  out[1] = g;
  out[2] = b;
  out[3] = 255;
}

// The expected pixel over white, as grey at a quarter of its contrast.
void paint_faint(std::uint8_t* out, const std::uint8_t* e) {
  auto over_white = [&](int c) { return (c * e[3] + 255 * (255 - e[3]) + 127) / 255; };
  const int luma =
      (299 * over_white(e[0]) + 587 * over_white(e[1]) + 114 * over_white(e[2]) + 500) / 1000;
  const auto grey = static_cast<std::uint8_t>(255 - (255 - luma) / 4);
  paint(out, grey, grey, grey);
}

// Within tolerance: yellow for a delta of 1, orange at the tolerance itself.
void paint_within(std::uint8_t* out, int delta, int tolerance) {
  const int span = std::max(tolerance - 1, 1);
  paint(out, 255, static_cast<std::uint8_t>(230 - (delta - 1) * 90 / span), 0);
}

std::string size_text(const Raster& r) {
  return std::to_string(r.width) + " x " + std::to_string(r.height);
}

}  // namespace

Comparison compare_images(const Raster& expected, const Raster& actual, const Tolerance& tolerance,
                          Raster* diff_out) {
  check_raster(expected, "expected");
  check_raster(actual, "actual");
  const int width = std::max(expected.width, actual.width);
  const int height = std::max(expected.height, actual.height);
  const int both_width = std::min(expected.width, actual.width);
  const int both_height = std::min(expected.height, actual.height);
  if (diff_out) {
    diff_out->width = width;
    diff_out->height = height;
    diff_out->rgba.assign(std::size_t(width) * height * 4, 0);
  }

  Comparison result;
  result.same_size = expected.width == actual.width && expected.height == actual.height;
  std::int64_t beyond = 0, within = 0;
  int min_x = width, min_y = height, max_x = -1, max_y = -1;  // around the pixels beyond
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* out =
          diff_out ? diff_out->rgba.data() + (std::size_t(y) * width + x) * 4 : nullptr;
      if (x >= both_width || y >= both_height) {
        if (out) paint(out, 255, 0, 0);  // in one image only
        continue;
      }
      const std::uint8_t* e = expected.rgba.data() + (std::size_t(y) * expected.width + x) * 4;
      const std::uint8_t* a = actual.rgba.data() + (std::size_t(y) * actual.width + x) * 4;
      const int delta = channel_delta(e, a);
      result.largest_delta = std::max(result.largest_delta, delta);
      if (delta > tolerance.max_channel_delta) {
        ++beyond;
        min_x = std::min(min_x, x);
        min_y = std::min(min_y, y);
        max_x = std::max(max_x, x);
        max_y = y;
        if (out) paint(out, 255, 0, 0);
      } else if (delta > 0) {
        ++within;
        if (out) paint_within(out, delta, tolerance.max_channel_delta);
      } else if (out) {
        paint_faint(out, e);
      }
    }
  }

  const std::int64_t one_only =
      std::int64_t{width} * height - std::int64_t{both_width} * both_height;
  result.differing_pixels = beyond + one_only;
  result.passed = result.same_size && beyond <= tolerance.max_differing_pixels;
  if (beyond > 0) {
    result.beyond_x0 = min_x;
    result.beyond_y0 = min_y;
    result.beyond_x1 = max_x;
    result.beyond_y1 = max_y;
  }

  const std::string limit = std::to_string(tolerance.max_channel_delta);
  const std::string beyond_text =
      std::to_string(beyond) + (beyond == 1 ? " pixel differs" : " pixels differ") +
      " by more than " + limit + " (at most " + std::to_string(tolerance.max_differing_pixels) +
      " allowed), largest channel delta " + std::to_string(result.largest_delta);
  const std::string box_text =
      beyond == 0 ? ""
                  : ", between (" + std::to_string(min_x) + ", " + std::to_string(min_y) +
                        ") and (" + std::to_string(max_x) + ", " + std::to_string(max_y) + ")";
  if (!result.same_size) {
    result.summary = "sizes differ: expected " + size_text(expected) + ", actual " +
                     size_text(actual) + "; of the pixels both have, " + beyond_text + box_text;
  } else if (beyond == 0 && within == 0) {
    result.summary = "identical (" + size_text(expected) + ")";
  } else if (beyond == 0) {
    result.summary = "match within tolerance: " + std::to_string(within) +
                     (within == 1 ? " pixel differs" : " pixels differ") + " by at most " +
                     std::to_string(result.largest_delta) + " (tolerance " + limit + ")";
  } else {
    result.summary = (result.passed ? "match within tolerance: " : "") + beyond_text + box_text;
  }
  return result;
}

}  // namespace cardface
