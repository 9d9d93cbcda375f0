#include "card/name_rules.h"

#include <hb.h>

#include <algorithm>
#include <set>

#include "core/utf8.h"

namespace cardface::card {
namespace {

using utf8::code_point_name;

enum class CharClass {
  control,     // Cc
  format,      // Cf, Zl, Zp, variation selectors: invisible
  unassigned,  // Cn, Co, Cs
  emoji,
  number,  // Nd, Nl, No
  space,   // U+0020
  other_space,
  punctuation,
  symbol,
  mark,
  letter,
};

hb_unicode_funcs_t* unicode() {
  return hb_unicode_funcs_get_default();
}

hb_unicode_general_category_t category(char32_t c) {
  return hb_unicode_general_category(unicode(), c);
}

hb_script_t script(char32_t c) {
  return hb_unicode_script(unicode(), c);
}

bool is_emoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || c == 0xFE0F ||
         c == 0x20E3 || c == 0x2B50 || c == 0x2B55 || c == 0x2B1B || c == 0x2B1C;
}

CharClass classify(char32_t c) {
  if (is_emoji(c)) return CharClass::emoji;
  if (c == U' ') return CharClass::space;
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F)
    return CharClass::format;
  switch (category(c)) {
    case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
      return CharClass::control;
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
    case HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR:
    case HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
      return CharClass::format;
    case HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED:
    case HB_UNICODE_GENERAL_CATEGORY_PRIVATE_USE:
    case HB_UNICODE_GENERAL_CATEGORY_SURROGATE:
      return CharClass::unassigned;
    case HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER:
    case HB_UNICODE_GENERAL_CATEGORY_LETTER_NUMBER:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_NUMBER:
      return CharClass::number;
    case HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR:
      return CharClass::other_space;
    case HB_UNICODE_GENERAL_CATEGORY_CONNECT_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_DASH_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION:
      return CharClass::punctuation;
    case HB_UNICODE_GENERAL_CATEGORY_CURRENCY_SYMBOL:
    case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_SYMBOL:
    case HB_UNICODE_GENERAL_CATEGORY_MATH_SYMBOL:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_SYMBOL:
      return CharClass::symbol;
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
      return CharClass::mark;
    default:
      return CharClass::letter;
  }
}

// "a Cyrillic letter", "a letter of script Tfng".
std::string letter_of_script(char32_t c) {
  static constexpr struct {
    hb_script_t script;
    const char* name;
  } kNames[] = {
      {HB_SCRIPT_LATIN, "Latin"},           {HB_SCRIPT_CYRILLIC, "Cyrillic"},
      {HB_SCRIPT_GREEK, "Greek"},           {HB_SCRIPT_ARABIC, "Arabic"},
      {HB_SCRIPT_HEBREW, "Hebrew"},         {HB_SCRIPT_HAN, "Chinese (Han)"},
      {HB_SCRIPT_HIRAGANA, "Hiragana"},     {HB_SCRIPT_KATAKANA, "Katakana"},
      {HB_SCRIPT_HANGUL, "Hangul"},         {HB_SCRIPT_THAI, "Thai"},
      {HB_SCRIPT_DEVANAGARI, "Devanagari"}, {HB_SCRIPT_ARMENIAN, "Armenian"},
      {HB_SCRIPT_GEORGIAN, "Georgian"},     {HB_SCRIPT_BOPOMOFO, "Bopomofo"},
  };
  const hb_script_t s = script(c);
  for (const auto& entry : kNames)
    if (entry.script == s) return std::string("a ") + entry.name + " letter";
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(s), tag);
  return std::string("a letter of script ") + tag;
}

bool is_latin_name_letter(char32_t c) {
  if ((c >= 0xFB00 && c <= 0xFB4F) || (c >= 0xFF00 && c <= 0xFFEF))
    return false;  // ligatures, fullwidth
  const auto cat = category(c);
  return script(c) == HB_SCRIPT_LATIN && (cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER ||
                                          cat == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER ||
                                          cat == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER);
}

bool is_latin_diacritic(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F && c != 0x034F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF);
}

bool is_han(char32_t c) {
  const auto cat = category(c);
  return script(c) == HB_SCRIPT_HAN && (cat == HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER ||
                                        cat == HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER ||
                                        cat == HB_UNICODE_GENERAL_CATEGORY_LETTER_NUMBER);
}

// Messages, each kind once, in the order first met.
class Findings {
 public:
  void add(std::string_view kind, std::string message) {
    if (kinds_.emplace(kind).second) messages_.push_back(std::move(message));
  }
  std::vector<std::string> take() { return std::move(messages_); }

 private:
  std::set<std::string, std::less<>> kinds_;
  std::vector<std::string> messages_;
};

// The problems every kind of text shares; true when `c` was one of them.
bool common_problem(char32_t c, CharClass cls, Findings& f) {
  const std::string at = " (" + code_point_name(c) + ")";
  switch (cls) {
    case CharClass::control:
      f.add("control", "contains a control character" + at);
      return true;
    case CharClass::format:
      f.add("format", "contains an invisible formatting character" + at);
      return true;
    case CharClass::unassigned:
      f.add("unassigned", "contains an unassigned or private-use character" + at);
      return true;
    case CharClass::emoji:
      f.add("emoji", "contains an emoji" + at);
      return true;
    default:
      return false;
  }
}

void check_length(std::size_t chars, std::size_t max_chars, Findings& f) {
  if (max_chars && chars > max_chars)
    f.add("length",
          "is " + std::to_string(chars) + " characters long; at most " + std::to_string(max_chars));
}

}  // namespace

std::vector<std::string> latin_name_problems(std::string_view text, std::size_t max_chars) {
  const auto decoded = utf8::decode(text);
  if (!decoded) return {"is not valid UTF-8"};
  const std::u32string& s = *decoded;
  Findings f;
  bool any_letter = false;
  bool after_letter = false;  // a combining mark needs a letter (and its marks) before it
  int marks = 0;
  for (char32_t c : s) {
    const CharClass cls = classify(c);
    const std::string at = " (" + code_point_name(c) + ")";
    if (cls == CharClass::mark) {
      if (!is_latin_diacritic(c))
        f.add("mark", "contains a combining mark that is not a Latin diacritic" + at);
      else if (!after_letter)
        f.add("loose mark", "contains a combining mark that follows no letter" + at);
      else if (++marks > 2)
        f.add("marks", "has a letter with more than 2 combining marks");
      continue;
    }
    after_letter = false;
    if (common_problem(c, cls, f)) continue;
    switch (cls) {
      case CharClass::letter:
        any_letter = true;
        if (is_latin_name_letter(c)) {
          after_letter = true;
          marks = 0;
        } else if (script(c) == HB_SCRIPT_LATIN || script(c) == HB_SCRIPT_COMMON) {
          f.add("odd letter", "contains a letter form not used in names" + at);
        } else {
          f.add("script",
                "contains " + letter_of_script(c) + at + "; only Latin letters are allowed");
        }
        break;
      case CharClass::number:
        f.add("number", "contains a digit" + at);
        break;
      case CharClass::other_space:
        f.add("other space", "contains a space other than U+0020" + at);
        break;
      case CharClass::punctuation:
        if (c != U'-' && c != U'\'' && c != U'\u2019' && c != U'.')
          f.add("punctuation", "contains a punctuation mark that is not allowed" + at +
                                   "; only hyphen, apostrophe and period are");
        break;
      case CharClass::symbol:
        f.add("symbol", "contains a symbol" + at);
        break;
      default:
        break;
    }
  }
  if (!s.empty() && s.front() == U' ') f.add("leading", "starts with a space");
  if (!s.empty() && s.back() == U' ') f.add("trailing", "ends with a space");
  if (s.find(U"  ") != std::u32string::npos) f.add("double", "contains two spaces in a row");
  if (!s.empty() && !any_letter) f.add("no letter", "contains no letter");
  check_length(s.size(), max_chars, f);
  return f.take();
}

std::vector<std::string> han_name_problems(std::string_view text, std::size_t max_chars) {
  const auto decoded = utf8::decode(text);
  if (!decoded) return {"is not valid UTF-8"};
  const std::u32string& s = *decoded;
  constexpr char32_t kDot = 0x00B7;
  // Dots that look like U+00B7 but are other characters: bullet, katakana and halfwidth middle
  // dots, hyphenation point, dot operator, bullet operator, Greek ano teleia, word separator.
  static constexpr char32_t kLookalikes[] = {0x2022, 0x30FB, 0xFF65, 0x2027, 0x22C5,
                                             0x2219, 0x0387, 0x2E31, 0xFF0E};
  Findings f;
  for (char32_t c : s) {
    if (c == kDot || is_han(c)) continue;
    const std::string at = " (" + code_point_name(c) + ")";
    if (std::find(std::begin(kLookalikes), std::end(kLookalikes), c) != std::end(kLookalikes)) {
      f.add("separator", "separates names with" + at + "; write the middle dot U+00B7");
      continue;
    }
    const CharClass cls = classify(c);
    if (common_problem(c, cls, f)) continue;
    switch (cls) {
      case CharClass::space:
      case CharClass::other_space:
        f.add("space", "contains a space" + at + "; Chinese names are written without spaces");
        break;
      case CharClass::letter:
        f.add("script", "contains " + letter_of_script(c) + at +
                            "; only Chinese characters and the middle dot U+00B7 are allowed");
        break;
      case CharClass::number:
        f.add("number", "contains a digit" + at);
        break;
      default:
        f.add("other", "contains a character that is not a Chinese character" + at +
                           "; only Chinese characters and the middle dot U+00B7 are allowed");
        break;
    }
  }
  if (!s.empty() && s.front() == kDot) f.add("leading", "starts with the middle dot");
  if (!s.empty() && s.back() == kDot) f.add("trailing", "ends with the middle dot");
  if (s.find(U"\u00B7\u00B7") != std::u32string::npos)
    f.add("double", "contains two middle dots in a row");
  check_length(s.size(), max_chars, f);
  return f.take();
}

std::vector<std::string> plain_text_problems(std::string_view text, std::size_t max_chars) {
  const auto decoded = utf8::decode(text);
  if (!decoded) return {"is not valid UTF-8"};
  Findings f;
  for (char32_t c : *decoded) common_problem(c, classify(c), f);
  check_length(decoded->size(), max_chars, f);
  return f.take();
}

}  // namespace cardface::card
