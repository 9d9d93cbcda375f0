// Guilloche line families, as pure geometry: each returns open or closed polylines (move_to
// then line_to segments) in mm, one Path per line. Styling (stroke, colour, clipping) is the
// caller's.
#pragma once

#include <vector>

#include "cardface/scene.h"
#include "security/rng.h"

namespace cardface::security {

// A rosette of interleaved trochoids, curve k turned by rotation_rad + k * phase_step_rad
// about `centre`. With t from 0 to 2π·turns, relative to the centre:
//   hypotrochoid: ((R-r) cos t + d cos((R-r)/r t),  (R-r) sin t - d sin((R-r)/r t))
//   epitrochoid:  ((R+r) cos t - d cos((R+r)/r t),  (R+r) sin t - d sin((R+r)/r t))
// so every point lies within |R-r|+d (hypo) or R+r+d (epi) of the centre. The curve closes
// when R/r is a fraction p/q in lowest terms and turns = q.
struct RosetteParams {
  enum class Kind { hypotrochoid, epitrochoid } kind = Kind::hypotrochoid;
  Point centre;
  double R = 10;  // fixed circle radius, mm
  double r = 3;   // rolling circle radius, mm (not 0)
  double d = 2;   // pen distance from the rolling circle's centre, mm
  int turns = 3;  // revolutions of t
  int curves = 12;
  double phase_step_rad = 0.05;
  double rotation_rad = 0;
  int samples = 2000;  // segments per curve: each curve has samples + 1 points
};
std::vector<Path> rosette(const RosetteParams& params);

// Parallel wavy lines across a band, left to right. Line i's baseline runs from amplitude
// below the band's top to amplitude above its bottom, evenly spaced (one line: the middle):
//   y = base_i + amplitude · env(x) · sin(2π (x - band.x) / wavelength + phase + i·phase_step)
// with env = 1 (flat) or sin(π (x - band.x) / band.width) (sine: still at both ends). An
// amplitude over half the band's height is clamped to it, so every line stays inside the band.
struct WaveBandParams {
  enum class Envelope { flat, sine } envelope = Envelope::sine;
  Rect band;
  int lines = 20;
  double amplitude_mm = 1;
  double wavelength_mm = 5;
  double phase_rad = 0;
  double phase_step_rad = 0.2;
  int samples = 400;  // segments per line
};
std::vector<Path> wave_band(const WaveBandParams& params);

// Closed wavy lines following a rounded rectangle inside `outline`: line i follows the
// outline inset by inset_mm + i·spacing_mm (corner radius shrunk by the same inset, not below
// 0), displaced along its outward normal by amplitude · sin(2π·waves·s/L + phase + i·phase_step)
// where s is the arc length from the start of the top edge and L the line's perimeter, so
// every line closes seamlessly.
struct FrameParams {
  Rect outline;
  double corner_radius_mm = 3.18;
  double inset_mm = 1;
  int lines = 6;
  double spacing_mm = 0.25;
  double amplitude_mm = 0.3;
  int waves = 120;  // full waves around each line
  double phase_rad = 0;
  double phase_step_rad = 0.3;
  int samples = 2000;  // points per line
};
std::vector<Path> frame(const FrameParams& params);

// Personalization: each continuous parameter scaled by a factor in [1 - amount, 1 + amount)
// (radii, amplitudes, wavelengths, phase steps) or shifted within ±amount·π (rotation, phase),
// drawn from `rng` in the order the fields are declared; a rosette's R and r share one factor
// so that R/r, and with it the closing, is kept. Counts (turns, curves, lines, waves, samples) and
// placement (centre, band, outline, insets) stay as they are, so the result keeps its place in
// the layout and still closes. `amount` is typically 0.02–0.1.
RosetteParams perturb(const RosetteParams& params, Rng& rng, double amount);
WaveBandParams perturb(const WaveBandParams& params, Rng& rng, double amount);
FrameParams perturb(const FrameParams& params, Rng& rng, double amount);

}  // namespace cardface::security
