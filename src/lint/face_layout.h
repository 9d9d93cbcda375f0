// One face as the checks see it: every item with its ink box, the part its clips leave, and the
// face's ICAO MRZ zones when it has an MRZ.
#pragma once

#include <cairo.h>

#include <functional>
#include <optional>
#include <vector>

#include "cardface/lint.h"
#include "cardface/render.h"

namespace cardface::layout {

struct PlacedItem {
  const Item* item = nullptr;
  std::optional<Rect> ink;      // before clips
  std::optional<Rect> visible;  // ink within the clips' extents
};

struct FaceLayout {
  const Face* face = nullptr;
  std::vector<PlacedItem> items;  // painting order
  std::optional<Rect> mrz_zone;   // the three line zones (ICAO Doc 9303 TD1)
  std::optional<Rect> mrz_clear;  // the zone grown by the ±1.0 mm placement tolerance
};

FaceLayout lay_out(const Face& face);

// Whether an item is one of the elements that hold the card's content (text, photo, barcode,
// MRZ, ghost, microtext) and is not declared background.
bool is_content(const Item& item);

// Adds a finding unless one of the same element and rule is already there.
void add_finding(std::vector<Finding>& out, const Face& face, const Item& item, const char* rule,
                 Severity severity, std::string reason, std::optional<Rect> area);

std::string mm(double value);  // "1.23 mm"

// Geometry alone: trim, boxes, clips, overlaps, zones, module and glyph sizes, panels' colours.
void check_geometry(const FaceLayout& layout, const LintOptions& options,
                    std::vector<Finding>& out);
// A raster pass at options.dpi: text and MRZ contrast against what is under them, barcodes
// decoded back. `geometry` is what check_geometry found (a code it already faulted is not
// decoded again).
// A Renderer's cached layers for the pixel pass: the painted items (those of the color and k
// panels, numbered in painting order) that every card shares, a maximal run at a time, are
// taken from them instead of painted again when no check samples inside the run: the leading
// run always (its texts are the template's own, the same on every card, and are not checked
// here), a later run when it holds no text or MRZ to check.
struct SharedLayers {
  // The pixels of the leading run [0, leading) at options.dpi (nullptr: none).
  const Bitmap* leading = nullptr;
  std::size_t leading_items = 0;
  // Composites the run [first, end) onto `cr` (set up for the face at options.dpi).
  std::function<void(cairo_t* cr, std::size_t first, std::size_t end)> composite;
};
void check_pixels(const FaceLayout& layout, const LintOptions& options,
                  const std::vector<Finding>& geometry, std::vector<Finding>& out,
                  const SharedLayers& layers = {});

// Every finding on `face`: geometry, then (options.pixels) the pixel pass.
std::vector<Finding> lint_face(const Face& face, const LintOptions& options,
                               const SharedLayers& layers = {});

}  // namespace cardface::layout
