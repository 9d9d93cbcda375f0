#include <cstdio>

#include "cardface/golden.h"
#include "golden/markup.h"

namespace cardface::golden {

std::string outcome_headline(const CaseOutcome& outcome) {
  if (!outcome.message.empty()) return outcome.message;
  for (const ImageOutcome& io : outcome.images)
    if (io.status == ImageOutcome::Status::failed)
      return io.reference + ": " + io.comparison.summary;
  return "";
}

std::string outcome_details(const CaseOutcome& outcome) {
  std::string out;
  if (!outcome.message.empty()) out += outcome.message + "\n";
  for (const ImageOutcome& io : outcome.images) {
    if (io.status != ImageOutcome::Status::failed) continue;
    out += io.reference_file.string() + ": " + io.comparison.summary + "\n";
    if (io.changed_mm) {
      const Rect& r = *io.changed_mm;
      out += "  changed: x " + decimal_text(r.x, 2) + " to " + decimal_text(r.x + r.width, 2) +
             " mm, y " + decimal_text(r.y, 2) + " to " + decimal_text(r.y + r.height, 2) +
             " mm from the top-left corner\n";
    }
    if (!io.actual_file.empty()) out += "  actual: " + io.actual_file.string() + "\n";
    if (!io.diff_file.empty()) out += "  diff:   " + io.diff_file.string() + "\n";
  }
  return out;
}

}  // namespace cardface::golden
