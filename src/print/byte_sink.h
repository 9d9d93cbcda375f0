// A Cairo write function that appends to a byte vector: PDF and SVG surfaces write into memory,
// so nothing reaches the disk until every face is done (see cli/output).
#pragma once

#include <cairo.h>

#include <cstdint>
#include <vector>

namespace cardface::print {

// `closure` is a std::vector<std::uint8_t>*.
cairo_status_t append_to_bytes(void* closure, const unsigned char* data, unsigned int length);

}  // namespace cardface::print
