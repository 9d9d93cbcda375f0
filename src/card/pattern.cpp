#include "card/pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <new>

#include "core/limits.h"

namespace cardface::card {
namespace {

// The largest repeat count in `source` ({n}, {n,}, {n,m}; escaped braces and braces in a
// class do not count), saturating at limit + 1.
long largest_repeat(const std::string& source) {
  long largest = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (c == '[') in_class = true;
    if (c != '{') continue;
    long n = 0;
    for (std::size_t j = i + 1; j < source.size(); ++j) {
      const char d = source[j];
      if (std::isdigit(static_cast<unsigned char>(d))) {
        n = std::min(n * 10 + (d - '0'), limits::pattern_repeat + 1);
      } else {
        largest = std::max(largest, n);
        n = 0;
        if (d != ',') break;
      }
    }
  }
  return largest;
}

// What one match may spend: backtracking steps, nesting depth, heap (KiB).
constexpr std::uint32_t kMatchLimit = 1'000'000;
constexpr std::uint32_t kDepthLimit = 10'000;
constexpr std::uint32_t kHeapLimitKib = 16 * 1024;

}  // namespace

struct Pattern::Code {
  pcre2_code* code = nullptr;
  ~Code() { pcre2_code_free(code); }
};

std::shared_ptr<const Pattern> compile_pattern(const std::string& source,
                                               const tmpl::JsonReader& reader,
                                               const std::string& key) {
  if (source.size() > limits::pattern_chars) {
    reader.note_at(key, "is longer than " + std::to_string(limits::pattern_chars) +
                            " characters (docs/limits.md)");
    return nullptr;
  }
  if (largest_repeat(source) > limits::pattern_repeat) {
    reader.note_at(key, "repeats something more than " + std::to_string(limits::pattern_repeat) +
                            " times (docs/limits.md)");
    return nullptr;
  }
  int error = 0;
  PCRE2_SIZE offset = 0;
  auto code = std::make_shared<Pattern::Code>();
  code->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                             PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                             &error, &offset, nullptr);
  if (!code->code) {
    PCRE2_UCHAR text[256];
    pcre2_get_error_message(error, text, sizeof text);
    reader.note_at(key, "is not a valid regular expression (at character " +
                            std::to_string(offset) + ": " + reinterpret_cast<char*>(text) + ")");
    return nullptr;
  }
  auto pattern = std::make_shared<Pattern>();
  pattern->code_ = std::move(code);
  return pattern;
}

Pattern::Match Pattern::whole(const std::string& text) const {
  if (text.size() > limits::pattern_text_bytes) return Match::too_costly;
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  if (!context || !data) {
    pcre2_match_context_free(context);
    pcre2_match_data_free(data);
    throw std::bad_alloc();
  }
  pcre2_set_match_limit(context, kMatchLimit);
  pcre2_set_depth_limit(context, kDepthLimit);
  pcre2_set_heap_limit(context, kHeapLimitKib);
  const int found = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                                0, 0, data, context);
  pcre2_match_data_free(data);
  pcre2_match_context_free(context);
  if (found >= 0) return Match::whole;
  if (found == PCRE2_ERROR_MATCHLIMIT || found == PCRE2_ERROR_DEPTHLIMIT ||
      found == PCRE2_ERROR_HEAPLIMIT || found == PCRE2_ERROR_NOMEMORY)
    return Match::too_costly;
  return Match::not_whole;  // no match, or text that is not UTF-8
}

std::string too_costly_to_match() {
  return "could not be checked against its pattern within its limits (over " +
         std::to_string(limits::pattern_text_bytes) +
         " bytes, or a pattern that backtracks too much; docs/limits.md)";
}

}  // namespace cardface::card
