// Great Wall line art, procedurally generated: layered ridge lines with contour hatching, and
// a crenellated wall with watchtowers running along one ridge's crest. Original artwork from
// a seed, drawn as fine strokes; nearer ridges hide what lies behind them.
#pragma once

#include <cstdint>
#include <vector>

#include "cardface/scene.h"

namespace cardface::security {

struct WallParams {
  Rect box;                // everything stays inside it
  std::uint64_t seed = 1;  // the ridges' shapes and the towers' places
  int ridges = 4;          // mountain layers, back to front
  int wall_ridge = -1;     // the layer the wall runs on; -1: the second nearest
  int towers = 4;
  double wall_height_mm = 0;  // 0: 9 % of the box height
  int hatch_lines = 6;        // contour lines under each ridge (more on the steep side)
  double hatch_spacing_mm = 0.3;
  double step_mm = 0.1;  // sampling along curves
};

struct WallArt {
  std::vector<Path> terrain;  // ridge lines and their hatching
  std::vector<Path> wall;     // the wall, its crenellations and the watchtowers
  std::vector<Rect> towers;   // each tower's body, for tests and layout
};

WallArt great_wall(const WallParams& params);

}  // namespace cardface::security
