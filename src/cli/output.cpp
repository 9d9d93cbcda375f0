#include "cli/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cardface/error.h"

namespace cardface::cli {
namespace fs = std::filesystem;

void write_all(const std::vector<OutputFile>& files) {
  std::vector<fs::path> temps;
  auto discard = [&] {
    std::error_code ec;
    for (const auto& t : temps) fs::remove(t, ec);
  };
  for (const OutputFile& f : files) {
    fs::path temp = f.path;
    temp += ".tmp-" + std::to_string(::getpid());
    temps.push_back(temp);
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    const bool ok = out && std::fwrite(f.bytes.data(), 1, f.bytes.size(), out) == f.bytes.size();
    const int saved = errno;
    if (out && std::fclose(out) != 0 && ok) {
      discard();
      throw Error(ErrorKind::file, f.path.string(),
                  std::string("cannot write: ") + std::strerror(errno));
    }
    if (!ok) {
      discard();
      throw Error(ErrorKind::file, f.path.string(),
                  std::string("cannot write: ") + std::strerror(saved));
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    fs::rename(temps[i], files[i].path, ec);
    if (ec) {
      for (std::size_t j = 0; j < i; ++j) fs::remove(files[j].path, ec);
      discard();
      throw Error(ErrorKind::file, files[i].path.string(),
                  "cannot rename into place: " + ec.message());
    }
  }
}

}  // namespace cardface::cli
