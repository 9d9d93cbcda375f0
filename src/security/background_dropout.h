// Background drop-out: the plain backdrop of a passport-style photo found and faded out, so a
// ghost image (or the photo itself) shows the holder and not a grey rectangle.
//
// The backdrop's colour is the per-channel median of the photo's border pixels. A flood fill
// from every border pixel within `tolerance` of it (largest channel difference, 0..1 of full
// scale) spreads to 4-neighbours within the same tolerance of that colour; what it reaches is
// background (mask 0), the rest the subject (mask 1). The mask is then softened by a box blur
// of `soften_px` photo pixels each way (two passes: a tent), edges clamped, so the holder's
// outline fades over a few pixels instead of stepping. Same input, same bytes.
#pragma once

#include <vector>

#include "cardface/scene.h"

namespace cardface::security {

struct DropoutParams {
  double tolerance = 0.12;
  double soften_px = 2;
};

// One value a photo pixel, row by row: 0 background ... 1 subject.
std::vector<float> subject_mask(const Raster& photo, const DropoutParams& params);

// The photo with its alpha multiplied by the subject mask.
Raster without_background(const Raster& photo, const DropoutParams& params);

}  // namespace cardface::security
