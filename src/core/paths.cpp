#include "core/paths.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

#include "cardface/data_dir.h"

namespace cardface {
namespace {

std::mutex& override_mutex() {
  static std::mutex m;
  return m;
}
std::filesystem::path& override_dir() {
  static std::filesystem::path dir;
  return dir;
}

bool holds_data(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "templates", ec);
}

// The file this code was loaded from: libcardface.so, or the executable it is linked into.
std::filesystem::path own_file() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&own_file), &info) && info.dli_fname &&
      info.dli_fname[0] == '/')
    return info.dli_fname;
  std::error_code ec;  // the main program's entry may carry argv[0] rather than a path
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : exe;
}

// An installed tree keeps its shape when its prefix moves: share/cardface sits at the same
// relative place from lib/ and from bin/ (the paths come from GNUInstallDirs at configure time).
std::filesystem::path installed_beside_library() {
  const std::filesystem::path file = own_file();
  if (file.empty()) return {};
  const std::filesystem::path dir = file.parent_path();
  for (const char* relative : {CARDFACE_LIBDIR_TO_DATADIR, CARDFACE_BINDIR_TO_DATADIR}) {
    std::filesystem::path candidate = (dir / relative).lexically_normal();
    if (holds_data(candidate)) return candidate;
  }
  return {};
}

}  // namespace

void set_data_dir(const std::filesystem::path& dir) {
  std::lock_guard lock(override_mutex());
  override_dir() = dir;
}

std::filesystem::path data_dir() {
  return paths::data_root();
}

namespace paths {

std::filesystem::path data_root() {
  {
    std::lock_guard lock(override_mutex());
    if (!override_dir().empty()) return override_dir();
  }
  if (const char* env = std::getenv("CARDFACE_DATA_DIR"); env && *env) return env;
  static const std::filesystem::path installed = installed_beside_library();
  if (!installed.empty()) return installed;
  if (std::filesystem::path source = CARDFACE_SOURCE_DIR; holds_data(source)) return source;
  return CARDFACE_INSTALL_DATADIR;
}

}  // namespace paths
}  // namespace cardface
