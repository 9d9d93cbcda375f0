// A transparent ARGB32 bitmap the size of a face's trim at a DPI: what a raster face starts as.
#pragma once

#include "cardface/render.h"

namespace cardface::render {

Bitmap blank_bitmap(const Face& face, int dpi);

}  // namespace cardface::render
