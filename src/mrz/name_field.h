// The MRZ name field: primary identifier, `<<`, secondary identifier, components joined by `<`,
// filled with `<` (Doc 9303 Part 3 §4.6), truncated when too long (Part 5 §4.2.2.3, Part 4
// §4.2.3).
//
// Truncation, of the permitted methods the one that keeps the most of the name's start:
// - the primary identifier stays whole when it, `<<` and one secondary character fit; the
//   secondary identifier is then cut at the field's end;
// - otherwise the primary identifier is cut until `<<` and the first secondary character fit
//   (WOLFESCHLEGELSTEINHAUSENBERGERDORFF, HUBERT → WOLFESCHLEGELSTEINHAUSENBER<<H);
// - a name with no secondary identifier is cut at the field's end;
// - a truncated field always ends with a letter (the sign that truncation may have happened):
//   where the cut falls on a `<`, the last whole component loses its last letter so the next
//   component's initial takes the final position (…<<ANNA<MARI<L rather than …<<ANNA<MARIA<).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cardface::mrz {

// From raw UTF-8 (transliterated here). `secondary` may be empty or blank. Throws
// Error(ErrorKind::data) naming `surname` and/or `given_names`, e.g. when one has no Latin
// letter after transliteration.
std::string name_field(std::string_view primary, std::string_view secondary, std::size_t width);

// From identifiers already in MRZ form (A–Z, components separated by single `<`); `primary` is
// not empty. Exactly `width` characters.
std::string fit_name_field(std::string_view primary, std::string_view secondary, std::size_t width);

}  // namespace cardface::mrz
