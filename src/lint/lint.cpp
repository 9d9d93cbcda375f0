#include "cardface/lint.h"

#include <cstdio>

#include "lint/face_layout.h"
#include "lint/ink_box.h"
#include "render/debug_layout.h"

namespace cardface {

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

namespace layout {

FaceLayout lay_out(const Face& face) {
  FaceLayout layout;
  layout.face = &face;
  layout.items.reserve(face.items.size());
  bool has_mrz = false;
  for (const Item& item : face.items) {
    PlacedItem placed;
    placed.item = &item;
    placed.ink = ink_box(item);
    placed.visible = placed.ink;
    if (placed.ink) {
      if (const auto clip = clip_box(item)) placed.visible = intersection(*placed.ink, *clip);
    }
    has_mrz = has_mrz || item.role == Role::mrz;
    layout.items.push_back(placed);
  }
  if (has_mrz) {
    layout.mrz_zone = render::icao_td1_mrz_zone(face);
    layout.mrz_clear = render::icao_td1_clear_margin(face);
  }
  return layout;
}

bool is_content(const Item& item) {
  return item.role != Role::art && !item.background &&
         (item.panel == Panel::color || item.panel == Panel::k);
}

void add_finding(std::vector<Finding>& out, const Face& face, const Item& item, const char* rule,
                 Severity severity, std::string reason, std::optional<Rect> area) {
  for (const Finding& f : out)
    if (f.side == face.side && f.element == item.element && f.rule == rule) return;
  out.push_back({face.side, item.element, rule, severity, std::move(reason), area, 0});
}

std::string mm(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f mm", value);
  return text;
}

}  // namespace layout

namespace layout {

std::vector<Finding> lint_face(const Face& face, const LintOptions& options,
                               const SharedLayers& layers) {
  const FaceLayout layout = lay_out(face);
  std::vector<Finding> findings;
  check_geometry(layout, options, findings);
  if (options.pixels) {
    std::vector<Finding> pixels;
    check_pixels(layout, options, findings, pixels, layers);
    findings.insert(findings.end(), pixels.begin(), pixels.end());
  }
  return findings;
}

}  // namespace layout

std::vector<Finding> lint(const Face& face, const LintOptions& options) {
  return layout::lint_face(face, options);
}

std::vector<Finding> lint(const Scene& scene, const LintOptions& options) {
  std::vector<Finding> findings;
  for (const Face& face : scene.faces) {
    std::vector<Finding> one = lint(face, options);
    findings.insert(findings.end(), one.begin(), one.end());
  }
  return findings;
}

std::string describe(const Finding& f) {
  std::string line;
  if (f.record_line > 0) line += "line " + std::to_string(f.record_line) + ": ";
  line += std::string(to_string(f.side)) + " " + f.element + ": " + f.rule + " (" +
          to_string(f.severity) + "): " + f.reason;
  return line;
}

bool has_errors(const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    if (f.severity == Severity::error) return true;
  return false;
}

}  // namespace cardface
