// Where bundled data lives: fonts/, templates/, data/ (the order: cardface/data_dir.h).
#pragma once

#include <filesystem>

namespace cardface::paths {

// set_data_dir, CARDFACE_DATA_DIR, beside the installed library, the source tree, the prefix.
std::filesystem::path data_root();
inline std::filesystem::path fonts_dir() {
  return data_root() / "fonts";
}
inline std::filesystem::path templates_dir() {
  return data_root() / "templates";
}
inline std::filesystem::path reference_data_dir() {
  return data_root() / "data";
}

}  // namespace cardface::paths
