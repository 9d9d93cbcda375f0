#include "text/line_break.h"

#include <hb.h>

#include "core/utf8.h"

namespace cardface::text {
namespace {

bool is_breaking_space(char32_t cp) {
  return cp == 0x0020 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) ||
         (cp >= 0x2008 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000;
}

bool is_hyphen(char32_t cp) {
  return cp == 0x002D || cp == 0x2010;
}

bool is_mark(char32_t cp) {
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_han(char32_t cp) {
  return hb_unicode_script(hb_unicode_funcs_get_default(), cp) == HB_SCRIPT_HAN;
}

// CJK punctuation after which a line may end (and the next start with a Han character).
bool is_cjk_line_end_punctuation(char32_t cp) {
  switch (cp) {
    case 0x3001:
    case 0x3002:
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF1B:
    case 0xFF1A:
    case 0x00B7:
    case 0x30FB:
    case 0x2027:
    case 0xFF65:
    case 0x3009:
    case 0x300B:
    case 0x300D:
    case 0x300F:
    case 0x3011:
    case 0x3015:
    case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool is_cjk_opening_bracket(char32_t cp) {
  switch (cp) {
    case 0x3008:
    case 0x300A:
    case 0x300C:
    case 0x300E:
    case 0x3010:
    case 0x3014:
    case 0xFF08:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<LineBreak> line_breaks(std::string_view utf8, std::string_view where) {
  const std::vector<utf8::CodePoint> cps = utf8::decode_utf8(utf8, where);
  std::vector<LineBreak> breaks;
  const std::size_t n = cps.size();
  for (std::size_t i = 1; i < n; ++i) {
    const char32_t before = cps[i - 1].value;
    const char32_t after = cps[i].value;
    if (is_breaking_space(after) && !is_breaking_space(before)) {
      std::size_t end = i;
      while (end < n && is_breaking_space(cps[end].value)) ++end;
      if (end < n) breaks.push_back({cps[i].offset, cps[end].offset});
      continue;
    }
    if (is_breaking_space(before) || is_breaking_space(after) || is_mark(after)) continue;
    const bool after_hyphen = is_hyphen(before) && i >= 2 && !is_breaking_space(cps[i - 2].value);
    const bool han = is_han(after) && (is_han(before) || is_cjk_line_end_punctuation(before));
    const bool opening = is_cjk_opening_bracket(after) && is_han(before);
    if (after_hyphen || han || opening) breaks.push_back({cps[i].offset, cps[i].offset});
  }
  return breaks;
}

}  // namespace cardface::text
