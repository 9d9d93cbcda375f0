// Where bundled data lives: fonts/, templates/, data/. An environment variable wins, then the
// source tree the build came from, then the install prefix.
#pragma once

#include <filesystem>

namespace cardface::paths {

// CARDFACE_DATA_DIR, else the source tree (when it still exists), else <prefix>/share/cardface.
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
