// Every resource budget cardface enforces, in one place (docs/limits.md gives each one's
// reason). Each is checked before the work it bounds: image pixels from the file's header,
// generated art and element counts when the template loads, field lengths before any
// per-character rule, output pixels before a surface is allocated.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cardface::limits {

// Images (decoded RGBA is 4 bytes a pixel).
inline constexpr std::int64_t photo_pixels = 16'000'000;           // 64 MB decoded
inline constexpr std::int64_t asset_pixels = 25'000'000;           // 100 MB decoded, per asset
inline constexpr std::int64_t template_asset_pixels = 50'000'000;  // all of a template's
inline constexpr std::int64_t image_pixels = 100'000'000;          // any other image (scans)
inline constexpr int jpeg_scans = 100;  // progressive scans; libjpeg-turbo's advice is < 500
inline constexpr std::size_t png_chunk_bytes = 8'000'000;  // one ancillary chunk, decompressed
inline constexpr int png_chunks = 1'000;                   // ancillary chunks kept

// Output: a face's (or a sheet's) pixels at the asked dpi.
inline constexpr std::int64_t output_pixels = 64'000'000;  // 256 MB per surface

// Templates.
inline constexpr std::size_t template_bytes = 8'000'000;  // template.json
inline constexpr int elements_per_side = 5'000;           // counting a group's children
inline constexpr int group_depth = 16;                    // groups and stacks inside each other
inline constexpr double card_side_mm = 1000;              // size, and any box's width/height
inline constexpr double coordinate_mm = 10'000;           // |x|, |y| of any point
inline constexpr std::int64_t curve_segments_per_side = 1'000'000;  // guilloche, relief, paths
inline constexpr std::size_t path_data_bytes = 1'000'000;           // one "d" string
inline constexpr double text_size_pt = 500;                         // text, relief mask text
inline constexpr double letter_spacing_mm = 50;                     // |letter_spacing|
inline constexpr double line_height = 10;                           // times the size
inline constexpr std::int64_t glyphs_per_side = 200'000;  // text bytes + microtext estimate
inline constexpr double ghost_pixels = 16'000'000;        // a ghost image's box at its dpi
inline constexpr double relief_area_mm2 = 100'000;        // its mask: 12 px/mm, 4 B a px
inline constexpr double relief_soften_mm = 10;

// Records and batches.
inline constexpr std::size_t record_bytes = 64'000'000;  // one record (file or batch line)
inline constexpr std::size_t field_bytes = 4'096;        // a text field with no length rule
inline constexpr std::size_t csv_cell_bytes = 65'536;    // one CSV cell
inline constexpr int batch_errors_printed = 100;         // problem lines a batch prints

// Card types' patterns (PCRE2, card/pattern.h): a counted repeat compiles to that many
// copies, and a match is bounded by PCRE2's limits and by the length of what it matches.
inline constexpr std::size_t pattern_chars = 512;         // one pattern
inline constexpr long pattern_repeat = 1'000;             // n and m in {n}, {n,}, {n,m}
inline constexpr std::size_t pattern_text_bytes = 4'096;  // a value matched against one

}  // namespace cardface::limits
