// Writing output files all-or-nothing: every file goes to a temporary name first and is
// renamed only when all of them were written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace cardface::cli {

struct OutputFile {
  std::filesystem::path path;
  std::vector<std::uint8_t> bytes;
};

// Throws cardface::Error(ErrorKind::file) naming the file; leaves no partial file behind.
void write_all(const std::vector<OutputFile>& files);

}  // namespace cardface::cli
