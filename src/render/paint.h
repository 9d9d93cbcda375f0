// Draws a Face's items on any Cairo surface: image (PNG, panels), PDF and SVG all use this, so
// one Scene looks the same in every backend.
#pragma once

#include <cairo.h>

#include "cardface/scene.h"
#include "render/cairo_path.h"

namespace cardface::render {

// Which panels a painting includes. The colour image holds color and k; a panel bitmap one.
struct PanelFilter {
  bool color = true;
  bool k = true;
  bool uv = false;
  bool overlay_free = false;

  static PanelFilter only(Panel panel);
  bool includes(Panel panel) const;
};

struct PaintOptions {
  PanelFilter panels;
  // Items marked bleed are clipped to the trim grown by this on every side; the rest to the
  // trim. 0: everything to the trim.
  double bleed_mm = 0;
  // The trim as the card's rounded outline (screen images, proofs) or its rectangle (print: the
  // die cuts the corners, so art under them must not stop short of the cut).
  bool rounded_trim = true;
  // Off for 1-bit panels: shapes and glyphs cover a pixel fully or not at all.
  bool antialias = true;
  // Raster surfaces: barcode modules snap to whole device pixels on the pixel grid.
  bool snap_to_pixels = false;
  bool show_uv = false;  // tint the uv panel's coverage violet over the face
};

// Paints `face` on `cr`, whose user space must be millimetres with the trim's top-left corner
// at the origin. Leaves `cr`'s state as it found it. Throws Error(ErrorKind::internal) when
// Cairo fails, Error(ErrorKind::file) when a font file cannot be opened.
void paint_face(cairo_t* cr, const Face& face, const PaintOptions& options);

// For drawing items one by one on an image surface (the Renderer): scales `cr` from
// millimetres to pixels at `dpi` and sets the font options paint_face uses.
void set_up_raster_context(cairo_t* cr, int dpi);

// Draws one item inside its own clips (not the trim's: the caller clips to that), exactly as
// paint_face draws it.
void paint_item(cairo_t* cr, const Item& item, const PaintOptions& options);

// Throws Error(ErrorKind::internal, where, ...) when `cr` is in an error state.
void check_status(cairo_t* cr, const char* where);

}  // namespace cardface::render
