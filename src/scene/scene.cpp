#include "cardface/scene.h"

#include <algorithm>

namespace cardface {

const char* to_string(Side side) {
  return side == Side::front ? "front" : "back";
}

const char* to_string(Panel panel) {
  switch (panel) {
    case Panel::color:
      return "color";
    case Panel::k:
      return "k";
    case Panel::uv:
      return "uv";
    case Panel::overlay_free:
      return "overlay_free";
  }
  return "color";
}

const char* to_string(Role role) {
  switch (role) {
    case Role::art:
      return "art";
    case Role::text:
      return "text";
    case Role::photo:
      return "photo";
    case Role::ghost:
      return "ghost";
    case Role::barcode:
      return "barcode";
    case Role::mrz:
      return "mrz";
    case Role::microtext:
      return "microtext";
  }
  return "art";
}

void Path::move_to(Point p) {
  ops.push_back({PathOp::Verb::move, {p, {}, {}}});
}
void Path::line_to(Point p) {
  ops.push_back({PathOp::Verb::line, {p, {}, {}}});
}
void Path::cubic_to(Point c1, Point c2, Point end) {
  ops.push_back({PathOp::Verb::cubic, {c1, c2, end}});
}
void Path::close() {
  ops.push_back({PathOp::Verb::close, {}});
}

// Quarter circles as cubics with the usual kappa (4/3 (sqrt 2 - 1)).
constexpr double kKappa = 0.5522847498307936;

void Path::rounded_rect(Rect r, double radius) {
  radius = std::max(0.0, std::min(radius, std::min(r.width, r.height) / 2));
  const double k = radius * kKappa;
  const double x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
  move_to({x0 + radius, y0});
  line_to({x1 - radius, y0});
  if (radius > 0) cubic_to({x1 - radius + k, y0}, {x1, y0 + radius - k}, {x1, y0 + radius});
  line_to({x1, y1 - radius});
  if (radius > 0) cubic_to({x1, y1 - radius + k}, {x1 - radius + k, y1}, {x1 - radius, y1});
  line_to({x0 + radius, y1});
  if (radius > 0) cubic_to({x0 + radius - k, y1}, {x0, y1 - radius + k}, {x0, y1 - radius});
  line_to({x0, y0 + radius});
  if (radius > 0) cubic_to({x0, y0 + radius - k}, {x0 + radius - k, y0}, {x0 + radius, y0});
  close();
}

void Path::ellipse(Rect r) {
  const double rx = r.width / 2, ry = r.height / 2;
  const double cx = r.x + rx, cy = r.y + ry;
  const double kx = rx * kKappa, ky = ry * kKappa;
  move_to({cx + rx, cy});
  cubic_to({cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry});
  cubic_to({cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy});
  cubic_to({cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry});
  cubic_to({cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy});
  close();
}

const Face* Scene::face(Side side) const {
  for (const Face& f : faces)
    if (f.side == side) return &f;
  return nullptr;
}

}  // namespace cardface
