// A batch file through its reader and the card reader, record by record (as render_batch
// reads it, without rendering).
#pragma once

#include <cstddef>
#include <cstdint>

#include "batch/batch_reader.h"
#include "fuzz_target.h"

namespace cardface::fuzz {

inline void read_batch(const std::uint8_t* data, std::size_t size, const char* file_name) {
  const auto file = scratch_dir() / file_name;
  write_file(file, std::string_view(reinterpret_cast<const char*>(data), size));
  only_cardface_errors([&] {
    batch::BatchReader reader(file);
    while (auto record = reader.next())
      if (record->fault.empty())
        only_cardface_errors([&] { parse_card(record->json, scratch_dir()); });
  });
}

}  // namespace cardface::fuzz
