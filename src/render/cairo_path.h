// A Scene Path appended to a Cairo context's current path, in the context's user units.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"

namespace cardface {

void add_path(cairo_t* cr, const Path& path);

}  // namespace cardface
