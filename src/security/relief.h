// Line-modulated relief (latent motif): a field of fine parallel lines across a box whose
// displacement or width follows a mask, so that a motif (a shape, a word, the card number)
// appears in the lines without being drawn as such. The mask is softened (blurred) first, so
// the lines rise and fall smoothly, as on an engraved relief.
#pragma once

#include <vector>

#include "cardface/scene.h"

namespace cardface::security {

struct ReliefParams {
  enum class Mode {
    displace,  // lines shift up by amount · m(x, y), m the softened mask in [0, 1]
    width      // lines widen from line_width by up to amount (filled outlines)
  } mode = Mode::displace;
  Rect box;  // lines run left to right; line i's baseline at box.y + (i + ½)·spacing
  double spacing_mm = 0.4;  // between baselines
  double amount_mm = 0.2;
  double line_width_mm = 0.06;   // width mode: the narrowest line
  double soften_mm = 0.3;        // blur radius of the mask (0: hard edges)
  double wave_amplitude_mm = 0;  // a gentle sine on every line (0: straight)
  double wavelength_mm = 8;
  double step_mm = 0.1;  // sampling along a line
};

// A mask covering `mask` (filled nonzero) at `px_per_mm`, softened, sampled bilinearly;
// 0 outside, 1 well inside.
class ReliefMask {
 public:
  ReliefMask(const Path& mask, Rect box, double soften_mm, double px_per_mm = 12);
  double at(Point p) const;

 private:
  Rect box_;
  double px_per_mm_;
  int width_ = 0, height_ = 0;
  std::vector<float> cover_;
};

// Displace mode: one open polyline Path per line (stroke them). Width mode: one closed
// outline per line (fill them). Straight runs are merged into single segments.
std::vector<Path> relief(const ReliefParams& params, const Path& mask);

}  // namespace cardface::security
