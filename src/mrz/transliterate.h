// Latin names to MRZ characters, after ICAO Doc 9303 Part 3 §4.6 (punctuation) and §6.A
// (transliteration of multinational Latin-based characters).
//
// Where Doc 9303 offers two spellings we write the first: Ä → AE, Å → AA, Ö → OE, Ü → UE,
// Ñ → N (not NXX). Other rules:
// - A–Z and a–z are written in capitals; every Latin letter with a diacritic becomes its base
//   letter; ligatures and special letters are spelt out: Æ → AE, Ø → OE, Œ → OE, ß/ẞ → SS,
//   Þ → TH, Ĳ → IJ, Ð/Đ → D, Ł → L (the full table is in transliterate.cpp: all of Latin-1
//   Supplement and Latin Extended-A, Extended Additional, and the Extended-B / IPA letters of
//   African, Azerbaijani, Romanian, Vietnamese and pinyin spelling).
// - Decomposed input (base letter + combining marks U+0300–U+036F) gives the same result as
//   precomposed: A + U+0308 → AE, A + U+030A → AA, E + U+0301 → E.
// - Spaces, hyphens (and dashes) and commas separate name components: each run becomes one `<`;
//   none leads or trails. Apostrophes and all other punctuation are dropped without a filler
//   (D'ARTAGNAN → DARTAGNAN, ST. JOHN → ST<JOHN).
// - Digits, control characters, invalid UTF-8 and letters of other scripts (Cyrillic, Greek,
//   Han, ...) have no transliteration here: Error(ErrorKind::data, field, ...).
#pragma once

#include <string>
#include <string_view>

namespace cardface::mrz {

// The MRZ form of one name identifier (surname or given names): A–Z with single `<` between
// components; empty when the input has no letters. `field` names the data field in errors.
std::string transliterate(std::string_view utf8, std::string_view field = "name");

}  // namespace cardface::mrz
