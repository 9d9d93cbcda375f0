// What may be written in a holder's name. Each function returns sentences without the field
// name ("contains a control character (U+0007)"); empty when the text passes. Sentences name
// offending characters by code point and never quote the text itself (it is personal data).
// Each kind of problem is reported once, at its first occurrence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::card {

// A name in Latin script as printed on a card and in an MRZ: Latin letters (precomposed or
// with combining diacritics from U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, at most 2 per letter),
// space, hyphen, apostrophe (' or U+2019) and period; no leading, trailing or double spaces;
// at least one letter; at most `max_chars` code points.
std::vector<std::string> latin_name_problems(std::string_view text, std::size_t max_chars);

// A name in Chinese characters: characters of the Han script, parts joined by the middle dot
// U+00B7 (not first, last or doubled); at most `max_chars` code points. Look-alike separators
// (U+2022, U+30FB, U+FF65, ...) are rejected with a hint to write U+00B7.
std::vector<std::string> han_name_problems(std::string_view text, std::size_t max_chars);

// Free text (document numbers, optional data): no control, formatting or unassigned characters,
// at most `max_chars` code points (0: no limit).
std::vector<std::string> plain_text_problems(std::string_view text, std::size_t max_chars);

}  // namespace cardface::card
