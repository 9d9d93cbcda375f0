#include "mrz/name_field.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "cardface/error.h"
#include "mrz/transliterate.h"

namespace cardface::mrz {
namespace {

// Components joined by single `<`, whatever fillers the input had between them.
std::string normalized(std::string_view identifier) {
  std::string out;
  bool separator = false;
  for (char c : identifier) {
    if (c == '<') {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) out += '<';
    separator = false;
    out += c;
  }
  return out;
}

// `joined` (normalized, longer than `width`) cut to exactly `width` characters ending with a
// letter. When the cut falls on a `<`, the last component of two or more letters gives up its
// last letter so the next component's initial ends the field. nullopt when no component can.
std::optional<std::string> cut(const std::string& joined, std::size_t width) {
  std::string kept = joined.substr(0, width);
  if (kept.back() != '<') return kept;
  const char next_initial = joined[width];
  kept.pop_back();
  if (kept.size() < 2) return std::nullopt;
  for (std::size_t i = kept.size() - 1; i >= 1; --i) {
    const bool ends_component = i + 1 == kept.size() || kept[i + 1] == '<';
    if (kept[i] != '<' && kept[i - 1] != '<' && ends_component) {
      kept.erase(i, 1);
      return kept + '<' + next_initial;
    }
  }
  return std::nullopt;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

}  // namespace

std::string fit_name_field(std::string_view primary_mrz, std::string_view secondary_mrz,
                           std::size_t width) {
  const std::string primary = normalized(primary_mrz);
  const std::string secondary = normalized(secondary_mrz);
  const std::string full = secondary.empty() ? primary : primary + "<<" + secondary;
  if (full.size() <= width) return full + std::string(width - full.size(), '<');

  if (secondary.empty()) {
    if (auto field = cut(primary, width)) return *field;
  } else if (width >= 3) {
    // The primary identifier whole if it leaves room for `<<` and one secondary letter, else
    // cut by as few characters as give `<<` and the first secondary letter their places.
    for (std::size_t p = std::min(primary.size(), width - 3); p >= 1; --p) {
      const auto head = p == primary.size() ? std::optional(primary) : cut(primary, p);
      if (!head) continue;
      const std::size_t rest = width - p - 2;
      const auto tail = secondary.size() > rest ? cut(secondary, rest) : std::optional(secondary);
      if (!tail) continue;
      return *head + "<<" + *tail + std::string(rest - tail->size(), '<');
    }
  }
  // Only names made of a long run of single-letter components get here: no cut of theirs can
  // end on a letter. Cut plainly.
  return full.substr(0, width);
}

std::string name_field(std::string_view primary, std::string_view secondary, std::size_t width) {
  std::vector<Problem> problems;
  std::string primary_mrz;
  std::string secondary_mrz;
  try {
    primary_mrz = transliterate(primary, "surname");
    if (primary_mrz.empty())
      problems.push_back({"surname", is_blank(primary)
                                         ? "is empty; the MRZ needs a primary identifier"
                                         : "has no Latin letter to write in the MRZ"});
  } catch (const Error& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
  }
  try {
    secondary_mrz = transliterate(secondary, "given_names");
    if (secondary_mrz.empty() && !is_blank(secondary))
      problems.push_back({"given_names", "has no Latin letter to write in the MRZ"});
  } catch (const Error& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
  }
  if (!problems.empty()) throw Error(ErrorKind::data, std::move(problems));
  return fit_name_field(primary_mrz, secondary_mrz, width);
}

}  // namespace cardface::mrz
