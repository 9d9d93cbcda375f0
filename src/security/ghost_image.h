// Ghost image: a second, smaller copy of the holder's photo, greyscale, reduced in contrast and
// screened with a line or dot halftone, as a pure raster function.
//
// Pipeline: the photo is composited over white (straight alpha), converted to luma with the
// Rec. 709 weights on the sRGB-encoded values (Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'),
// cover-fit cropped (centred) to the box's aspect and area-averaged (box filter, at least one
// source pixel wide, so upsampling blends neighbours) to the output size. Luma L in [0, 1] maps
// to tone = darkest + L · (lightest - darkest) (1 = white), and the tone sets the ink coverage
// 1 - tone of the screen at that pixel:
//   lines: lines at screen_angle_deg (from +x, turning towards +y), screen_pitch_mm apart, each
//          (1 - tone) · pitch wide; coverage = overlap of a 1 px wide footprint (across the
//          lines) with the inked bands, so edges are anti-aliased and the mean is exact.
//   dots:  one round dot per cell of a square lattice of pitch screen_pitch_mm turned by
//          screen_angle_deg, area (1 - tone) · pitch², edge ramped over 1 px (radius corrected
//          so the ramp keeps the area); tiny dots become a faint 1 px disc of the same area.
// Screen coordinates are pixel centres in mm from the box's top-left corner at 25.4 / dpi mm
// per pixel. Output: width = round(width_mm / 25.4 · dpi), likewise height (at least 1); each
// pixel is the ink colour with alpha = coverage · ink.a (transparent_background) or that
// composited over opaque white. With drop_background the coverage is multiplied by the photo's
// subject mask, resampled like the luma. Double math, no threads: the same input gives the same
// bytes.
#pragma once

#include "cardface/scene.h"

namespace cardface::security {

struct GhostParams {
  enum class Screen { lines, dots } screen = Screen::lines;
  double width_mm = 20;
  double height_mm = 25;
  int dpi = 600;  // output raster resolution
  double screen_pitch_mm = 0.25;
  double screen_angle_deg = 45;
  double lightest = 0.92;  // tone of white input (1 = paper white)
  double darkest = 0.55;   // tone of black input: reduced contrast
  Rgba ink = {0.35, 0.25, 0.2, 1};
  bool transparent_background = true;
  // Background drop-out (security/background_dropout.h): ink only where the photo shows the
  // holder, the backdrop left as paper, the outline softened over `dropout_soften_mm`.
  bool drop_background = false;
  double dropout_tolerance = 0.12;
  double dropout_soften_mm = 0.3;
};

// Throws std::invalid_argument for an empty or malformed photo, non-positive box size, dpi or
// pitch, or tones outside [0, 1].
Raster ghost_image(const Raster& photo, const GhostParams& params);

}  // namespace cardface::security
