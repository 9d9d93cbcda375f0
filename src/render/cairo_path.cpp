#include "render/cairo_path.h"

namespace cardface {

void add_path(cairo_t* cr, const Path& path) {
  for (const PathOp& op : path.ops) {
    switch (op.verb) {
      case PathOp::Verb::move:
        cairo_move_to(cr, op.p[0].x, op.p[0].y);
        break;
      case PathOp::Verb::line:
        cairo_line_to(cr, op.p[0].x, op.p[0].y);
        break;
      case PathOp::Verb::cubic:
        cairo_curve_to(cr, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
        break;
      case PathOp::Verb::close:
        cairo_close_path(cr);
        break;
    }
  }
}

}  // namespace cardface
