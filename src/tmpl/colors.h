#pragma once

#include <optional>
#include <string_view>

#include "cardface/scene.h"

namespace cardface::tmpl {

// "#rrggbb" or "#rrggbbaa" (sRGB); nullopt when malformed.
std::optional<Rgba> parse_color(std::string_view text);

}  // namespace cardface::tmpl
