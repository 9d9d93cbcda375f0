// SVG path data (`M 1 2 L 3 4 Z`) in millimetres: M L H V C S Q T Z, absolute and relative.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cardface/scene.h"

namespace cardface::tmpl {

// nullopt with `error` set when the data is malformed.
std::optional<Path> parse_path_data(std::string_view data, std::string& error);

}  // namespace cardface::tmpl
