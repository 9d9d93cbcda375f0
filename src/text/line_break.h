// Where a line of card text may break: at spaces, after hyphens, and between Han characters.
// Deliberately fewer opportunities than UAX #14: a name or an address on a card should break
// where a person would break it, and nowhere surprising.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace cardface::text {

// The shared decoder under the names text code (and its tests) have always used.
using utf8::code_point_name;
using utf8::CodePoint;
using utf8::decode_utf8;

struct LineBreak {
  std::size_t line_end = 0;    // byte offset where the line before the break ends
  std::size_t next_start = 0;  // byte offset where the next line starts (after any spaces)
};

// In text order. Opportunities:
// - a run of spaces (not no-break spaces) between two other characters: the spaces vanish;
// - after `-` or U+2010 HYPHEN between two non-space characters;
// - between two Han characters; after CJK punctuation that may end a line (、。，！？；：·
//   and their fullwidth forms) before a Han character; before a CJK opening bracket after a
//   Han character.
// Throws Error(ErrorKind::data, where, ...) for invalid UTF-8.
std::vector<LineBreak> line_breaks(std::string_view utf8, std::string_view where);

}  // namespace cardface::text
