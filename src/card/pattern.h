// Card types' patterns: regular expressions through PCRE2 (the ECMAScript forms fields use:
// classes, groups, alternation, repeats, \d \w \s, \uhhhh), bounded before they are compiled
// and while a value is matched (docs/limits.md): PCRE2 backtracks on the heap within a match
// limit, so no pattern and value can take unbounded time, memory or stack.
#pragma once

#include <memory>
#include <string>

#include "tmpl/json_reader.h"

namespace cardface::card {

class Pattern {
 public:
  enum class Match { whole, not_whole, too_costly };
  // The whole of `text` against the pattern; too_costly when the match limit is reached (or
  // the text is over limits::pattern_text_bytes, never matched).
  Match whole(const std::string& text) const;

  struct Code;  // PCRE2's compiled pattern, shared by every thread

 private:
  friend std::shared_ptr<const Pattern> compile_pattern(const std::string&, const tmpl::JsonReader&,
                                                        const std::string&);
  std::shared_ptr<Code> code_;
};

// `source` compiled, or nullptr with the fault noted at `key` of `reader`: longer than
// limits::pattern_chars, a repeat count above limits::pattern_repeat, not a valid expression.
std::shared_ptr<const Pattern> compile_pattern(const std::string& source,
                                               const tmpl::JsonReader& reader,
                                               const std::string& key);

// The problem a field gets when its value could not be matched within the limits.
std::string too_costly_to_match();

}  // namespace cardface::card
