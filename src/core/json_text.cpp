#include "core/json_text.h"

#include <algorithm>

namespace cardface::json_text {
namespace {

// Optimal string alignment distance: edits, with a swap of neighbours counting as one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::string position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string parse_error_reason(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  const std::size_t dash = what.find(" - ");
  std::string reason = dash == std::string::npos ? "syntax error" : what.substr(dash + 3);
  if (const std::size_t quote = reason.find("; last read:"); quote != std::string::npos)
    reason.erase(quote);
  return reason;
}

std::string syntax_error_message(std::string_view text, const nlohmann::json::parse_error& e) {
  return "is not valid JSON: " + parse_error_reason(e) + " (" +
         position(text, e.byte > 0 ? e.byte - 1 : 0) + ")";
}

std::string_view closest_name(std::string_view typo, const std::vector<std::string_view>& known) {
  std::string_view best;
  std::size_t best_distance = 3;  // suggest within 2 edits
  if (typo.size() > 64) return best;
  for (std::string_view name : known)
    if (const std::size_t d = edit_distance(typo, name); d < best_distance)
      best = name, best_distance = d;
  return best;
}

std::string with_suggestion(std::string message, std::string_view typo,
                            const std::vector<std::string_view>& known) {
  const std::string_view best = closest_name(typo, known);
  if (!best.empty()) message += "; did you mean \"" + std::string(best) + "\"?";
  return message;
}

}  // namespace cardface::json_text
