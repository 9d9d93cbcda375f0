#include "text/fit.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "cardface/error.h"
#include "text/line_break.h"

namespace cardface::text {
namespace {

constexpr double kEpsilonMm = 1e-9;  // widths equal within this count as fitting
constexpr double kSizeStepPt = 0.1;

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// Shapes each substring once; sizes only scale the result.
class Measurer {
 public:
  Measurer(const FontBook& book, std::string_view utf8, const TextStyle& style,
           std::string_view where)
      : book_(book), utf8_(utf8), style_(style), where_(where) {}

  const ShapedText& shaped(std::size_t begin, std::size_t end) {
    auto it = cache_.find({begin, end});
    if (it == cache_.end()) {
      it = cache_
               .emplace(std::make_pair(begin, end),
                        shape_text(book_, utf8_.substr(begin, end - begin), style_.family,
                                   style_.letter_spacing_mm == 0, where_))
               .first;
    }
    return it->second;
  }

  bool fits(std::size_t begin, std::size_t end, double size_pt, double max_width_mm) {
    return shaped(begin, end).width_mm(size_pt, style_.letter_spacing_mm) <=
           max_width_mm + kEpsilonMm;
  }

 private:
  const FontBook& book_;
  std::string_view utf8_;
  const TextStyle& style_;
  std::string_view where_;
  std::map<std::pair<std::size_t, std::size_t>, ShapedText> cache_;
};

using Segments = std::vector<std::pair<std::size_t, std::size_t>>;

// Greedy breaking: each line takes as much as fits. It needs the fewest lines possible, and
// if the text fits at one size it fits at every smaller one, so the size search may bisect.
std::optional<Segments> wrap(Measurer& measurer, std::size_t length,
                             const std::vector<LineBreak>& breaks, double size_pt,
                             const FitRule& rule) {
  Segments lines;
  std::size_t start = 0;
  auto next = breaks.begin();
  while (static_cast<int>(lines.size()) < rule.max_lines) {
    if (measurer.fits(start, length, size_pt, rule.max_width_mm)) {
      lines.emplace_back(start, length);
      return lines;
    }
    const LineBreak* best = nullptr;
    for (; next != breaks.end() && next->line_end > start; ++next) {
      if (!measurer.fits(start, next->line_end, size_pt, rule.max_width_mm)) break;
      best = &*next;
    }
    if (!best) return std::nullopt;
    lines.emplace_back(start, best->line_end);
    start = best->next_start;
    while (next != breaks.end() && next->line_end <= start) ++next;
  }
  return std::nullopt;
}

}  // namespace

Block fit_text(const FontBook& book, std::string_view utf8, const TextStyle& style,
               const FitRule& rule, std::string_view where) {
  if (!(style.size_pt > 0) || rule.max_lines < 1 || !(rule.line_height > 0) ||
      rule.max_width_mm < 0 || rule.min_size_pt < 0) {
    throw Error(ErrorKind::tmpl, std::string(where),
                "text needs size > 0, max_lines >= 1, line_height > 0, no negative widths");
  }
  const Face& metrics = book.family(style.family, where).metrics_face();
  const auto block_at = [&](double size_pt) {
    const double size_mm = pt_to_mm(size_pt);
    return Block{{},
                 size_pt,
                 rule.line_height * size_mm,
                 metrics.ascender_em() * size_mm,
                 metrics.descender_em() * size_mm};
  };
  const auto with_size = [&](double size_pt) {
    TextStyle sized = style;
    sized.size_pt = size_pt;
    return sized;
  };

  Measurer measurer(book, utf8, style, where);
  const ShapedText& whole = measurer.shaped(0, utf8.size());
  if (whole.runs.empty()) return block_at(style.size_pt);

  // 1. As it is.
  if (rule.max_width_mm == 0 || measurer.fits(0, utf8.size(), style.size_pt, rule.max_width_mm)) {
    Block block = block_at(style.size_pt);
    block.lines.push_back(layout(whole, style));
    return block;
  }

  // 2. Shrunk onto one line: glyph advances scale with the size, letter spacing does not.
  const double floor_pt =
      rule.min_size_pt > 0 ? std::min(rule.min_size_pt, style.size_pt) : style.size_pt;
  if (rule.min_size_pt > 0) {
    const double spacing_mm = (whole.clusters - 1) * style.letter_spacing_mm;
    const double size_pt = style.size_pt * (rule.max_width_mm - spacing_mm) /
                           (whole.width_mm(style.size_pt, style.letter_spacing_mm) - spacing_mm);
    if (size_pt >= floor_pt) {
      Block block = block_at(size_pt);
      block.lines.push_back(layout(whole, with_size(size_pt)));
      return block;
    }
  }

  // 3. Wrapped, at the largest size on a 0.1 pt grid from style.size_pt down to the floor.
  if (rule.wrap && rule.max_lines > 1) {
    std::vector<double> sizes;
    for (int k = 0;; ++k) {
      const double size_pt = std::round((style.size_pt - k * kSizeStepPt) * 1e6) / 1e6;
      if (size_pt <= floor_pt + 1e-9) break;
      sizes.push_back(size_pt);
    }
    sizes.push_back(floor_pt);
    const std::vector<LineBreak> breaks = line_breaks(utf8, where);
    std::optional<Segments> best = wrap(measurer, utf8.size(), breaks, sizes.back(), rule);
    std::size_t best_index = sizes.size() - 1;
    if (best) {
      // Bisect for the first (largest) size that fits; sizes.back() is known to.
      std::size_t low = 0, high = sizes.size() - 1;
      while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (std::optional<Segments> lines = wrap(measurer, utf8.size(), breaks, sizes[mid], rule)) {
          high = mid;
          best = std::move(lines);
          best_index = mid;
        } else {
          low = mid + 1;
        }
      }
      const double size_pt = sizes[best_index];
      Block block = block_at(size_pt);
      const TextStyle sized = with_size(size_pt);
      for (const auto& [begin, end] : *best) {
        block.lines.push_back(layout(measurer.shaped(begin, end), sized));
      }
      return block;
    }
    throw Error(ErrorKind::data, std::string(where),
                "does not fit in " + std::to_string(rule.max_lines) + " lines of " +
                    number(rule.max_width_mm) + " mm at the minimum size " + number(floor_pt) +
                    " pt");
  }

  // 4. Nothing fits.
  throw Error(ErrorKind::data, std::string(where),
              "does not fit in " + number(rule.max_width_mm) + " mm at the minimum size " +
                  number(floor_pt) + " pt");
}

}  // namespace cardface::text
