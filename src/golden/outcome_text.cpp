#include <cstdio>

#include "cardface/golden.h"

namespace cardface::golden {

namespace {

std::string mm_text(double mm) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", mm);
  return buffer;
}

}  // namespace

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
      out += "  changed: x " + mm_text(r.x) + " to " + mm_text(r.x + r.width) + " mm, y " +
             mm_text(r.y) + " to " + mm_text(r.y + r.height) + " mm from the top-left corner\n";
    }
    if (!io.actual_file.empty()) out += "  actual: " + io.actual_file.string() + "\n";
    if (!io.diff_file.empty()) out += "  diff:   " + io.diff_file.string() + "\n";
  }
  return out;
}

}  // namespace cardface::golden
