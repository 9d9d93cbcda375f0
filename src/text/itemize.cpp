#include "text/itemize.h"

#include <optional>
#include <string>

#include "cardface/error.h"
#include "core/utf8.h"

namespace cardface::text {
namespace {

// What itemization knows of one code point. A "strong" class or script decides a run; a
// neutral one (nullopt / HB_SCRIPT_INVALID) takes its neighbour's.
struct Char {
  utf8::CodePoint cp;
  std::optional<ScriptClass> script_class;
  hb_script_t script = HB_SCRIPT_INVALID;
  bool continues_cluster = false;  // a mark or joiner that belongs to the preceding character
};

bool is_neutral_script(hb_script_t script) {
  return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED ||
         script == HB_SCRIPT_UNKNOWN || script == HB_SCRIPT_INVALID;
}

bool continues_cluster(hb_unicode_funcs_t* unicode, char32_t cp) {
  switch (hb_unicode_general_category(unicode, cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
             (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}

std::vector<Char> classify(const std::vector<utf8::CodePoint>& cps, std::string_view where) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<Char> chars;
  chars.reserve(cps.size());
  for (const utf8::CodePoint& cp : cps) {
    if (hb_unicode_general_category(unicode, cp.value) == HB_UNICODE_GENERAL_CATEGORY_CONTROL) {
      throw Error(ErrorKind::data, std::string(where),
                  utf8::code_point_name(cp.value) + " is a control character, not printable text");
    }
    Char c;
    c.cp = cp;
    const hb_script_t script = hb_unicode_script(unicode, cp.value);
    if (!is_neutral_script(script)) c.script = script;
    if (is_cjk_block(cp.value) || script == HB_SCRIPT_HAN || script == HB_SCRIPT_BOPOMOFO ||
        script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA) {
      c.script_class = ScriptClass::han;
    } else if (!is_neutral_script(script)) {
      c.script_class = ScriptClass::latin;
    }
    c.continues_cluster = !chars.empty() && continues_cluster(unicode, cp.value);
    chars.push_back(c);
  }
  return chars;
}

// Neutral values take the preceding strong value, or the first strong one at the start.
template <typename T, typename IsSet>
void fill_neutrals(std::vector<T>& values, IsSet is_set, T fallback) {
  std::optional<T> previous;
  for (const T& v : values) {
    if (is_set(v)) {
      previous = v;
      break;
    }
  }
  for (T& v : values) {
    if (is_set(v)) {
      previous = v;
    } else {
      v = previous.value_or(fallback);
    }
  }
}

hb_language_t language_for(ScriptClass script_class) {
  // Fixed languages: HarfBuzz would otherwise use the process locale, and output must not
  // depend on where it runs. zh-Hans selects the Simplified Chinese forms (locl).
  static const hb_language_t chinese = hb_language_from_string("zh-Hans", -1);
  static const hb_language_t english = hb_language_from_string("en", -1);
  return script_class == ScriptClass::han ? chinese : english;
}

bool face_has_all(const Face& face, const std::vector<Char>& chars, std::size_t begin,
                  std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!is_default_ignorable(chars[i].cp.value) && !face.has(chars[i].cp.value)) return false;
  }
  return true;
}

[[noreturn]] void throw_missing(char32_t cp, const Family& family, std::string_view where) {
  throw Error(ErrorKind::data, std::string(where),
              utf8::code_point_name(cp) + " is not in any font of family \"" + family.name + "\"");
}

}  // namespace

bool is_cjk_block(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF) ||  // CJK and Kangxi radicals
         (cp >= 0x3000 && cp <= 0x312F) ||  // CJK symbols and punctuation, kana, Bopomofo
         (cp >= 0x31A0 && cp <= 0x33FF) ||  // Bopomofo ext., katakana ext., enclosed, compat.
         (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF);    // halfwidth and fullwidth forms
}

bool is_default_ignorable(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
         (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
         (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF);
}

std::vector<TextRun> itemize(std::string_view utf8, const Family& family, std::string_view where) {
  std::vector<Char> chars = classify(utf8::decode_utf8(utf8, where), where);
  if (chars.empty()) return {};

  // Classes first (over the whole text), then scripts within each class.
  std::vector<std::optional<ScriptClass>> classes;
  for (const Char& c : chars) classes.push_back(c.script_class);
  fill_neutrals(
      classes, [](const auto& v) { return v.has_value(); },
      std::optional<ScriptClass>(ScriptClass::latin));
  for (std::size_t i = 0; i < chars.size(); ++i) {
    // A mark keeps its base's class even when its own script says otherwise.
    chars[i].script_class = chars[i].continues_cluster ? chars[i - 1].script_class : classes[i];
  }
  for (std::size_t begin = 0; begin < chars.size();) {
    std::size_t end = begin;
    while (end < chars.size() && chars[end].script_class == chars[begin].script_class) ++end;
    std::vector<hb_script_t> scripts;
    for (std::size_t i = begin; i < end; ++i) scripts.push_back(chars[i].script);
    fill_neutrals(
        scripts, [](hb_script_t s) { return s != HB_SCRIPT_INVALID; },
        chars[begin].script_class == ScriptClass::han ? HB_SCRIPT_HAN : HB_SCRIPT_LATIN);
    for (std::size_t i = begin; i < end; ++i) chars[i].script = scripts[i - begin];
    begin = end;
  }

  // Faces, one cluster (a character and its marks) at a time.
  const std::vector<const Face*> all_faces = family.faces();
  std::vector<const Face*> faces(chars.size(), nullptr);
  for (std::size_t begin = 0; begin < chars.size();) {
    std::size_t end = begin + 1;
    while (end < chars.size() && chars[end].continues_cluster) ++end;
    std::vector<const Face*> candidates;
    if (const Face* preferred = family.face(*chars[begin].script_class)) {
      candidates.push_back(preferred);
    }
    candidates.insert(candidates.end(), all_faces.begin(), all_faces.end());
    const Face* chosen = nullptr;
    for (const Face* face : candidates) {
      if (face_has_all(*face, chars, begin, end)) {
        chosen = face;
        break;
      }
    }
    for (std::size_t i = begin; i < end; ++i) {
      // No face has the whole cluster: each character on its own, if some face has it.
      const Face* face = chosen;
      for (std::size_t k = 0; !face && k < candidates.size(); ++k) {
        if (face_has_all(*candidates[k], chars, i, i + 1)) face = candidates[k];
      }
      if (!face) throw_missing(chars[i].cp.value, family, where);
      faces[i] = face;
    }
    begin = end;
  }

  std::vector<TextRun> runs;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const Char& c = chars[i];
    const hb_language_t language = language_for(*c.script_class);
    if (runs.empty() || runs.back().face != faces[i] || runs.back().script != c.script ||
        runs.back().language != language) {
      runs.push_back({c.cp.offset, c.cp.offset, faces[i], c.script, language});
    }
    runs.back().end = c.cp.offset + c.cp.length;
  }
  return runs;
}

}  // namespace cardface::text
