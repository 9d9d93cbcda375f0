// Cairo font faces for the scene's FontRefs, opened once per process and shared by threads.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"

namespace cardface::render {

// Borrowed: owned by the cache for the life of the process.
cairo_font_face_t* font_face(const FontRef& font);

}  // namespace cardface::render
