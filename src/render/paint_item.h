// Drawing one Scene item onto a Cairo context in millimetres: what rasterize() does per item,
// shared with the layer cache (render/layer_cache.h) so both paint exactly alike.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"

namespace cardface::render {

// Scales `cr` from millimetres to pixels at `dpi` and sets the font options every face uses
// (unhinted outlines, grey antialiasing).
void set_up_context(cairo_t* cr, int dpi);

// Draws the item inside its own clips (not the card's outline: the caller clips to that).
void paint_item(cairo_t* cr, const Item& item);

}  // namespace cardface::render
