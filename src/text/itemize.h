// Splitting text into runs that one face can shape: by script class (Han → the family's han
// face, everything else → its latin face), by script, and by which face has the characters.
#pragma once

#include <hb.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/font_book.h"

namespace cardface::text {

struct TextRun {
  std::size_t begin = 0;  // byte range in the UTF-8 text
  std::size_t end = 0;
  const Face* face = nullptr;
  hb_script_t script = HB_SCRIPT_LATIN;
  hb_language_t language = HB_LANGUAGE_INVALID;
};

// Han, Bopomofo, kana, CJK punctuation and fullwidth forms are ScriptClass::han; other scripts
// are latin; Common and Inherited characters (spaces, digits, punctuation, marks) join the
// preceding run, or the following one at the start of the text. A character the preferred face
// lacks falls back to the family's other face; combining marks stay with their base.
// Throws Error(ErrorKind::data, where, ...) for invalid UTF-8, control characters and
// characters no face of the family has ("U+1F600 is not in any font of family \"sans\"").
std::vector<TextRun> itemize(std::string_view utf8, const Family& family, std::string_view where);

// Whether a code point is ScriptClass::han by block, whatever its Unicode script.
bool is_cjk_block(char32_t cp);

// Unicode's Default_Ignorable_Code_Point: invisible, and never needs a glyph.
bool is_default_ignorable(char32_t cp);

}  // namespace cardface::text
