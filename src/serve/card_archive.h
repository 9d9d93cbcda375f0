// Several files in one response: a zip (libzip), entries stored in the given order with a
// fixed time, so the same files give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cardface::serve {

struct ArchiveEntry {
  std::string name;
  std::vector<std::uint8_t> bytes;
};

std::string zip_archive(const std::vector<ArchiveEntry>& entries);

}  // namespace cardface::serve
