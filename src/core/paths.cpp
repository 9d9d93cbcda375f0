#include "core/paths.h"

#include <cstdlib>

namespace cardface::paths {

std::filesystem::path data_root() {
  if (const char* env = std::getenv("CARDFACE_DATA_DIR"); env && *env) return env;
  std::filesystem::path source = CARDFACE_SOURCE_DIR;
  std::error_code ec;
  if (std::filesystem::exists(source / "templates", ec)) return source;
  return CARDFACE_INSTALL_DATADIR;
}

}  // namespace cardface::paths
