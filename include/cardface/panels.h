// Card-printer output: one bitmap per ribbon panel (YMCKO and UV ribbons), sized and centred
// as a printer model's SDK takes them. See docs/print.md for what each panel's values mean.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct PrinterProfile {
  std::string name;
  int width_px = 0;  // the printer's image, the card centred in it
  int height_px = 0;
  int dpi = 300;
};

// `exact` (the card at 300 dpi, 1011 × 638), `evolis` (1016 × 648), `zebra` (1006 × 640).
const std::vector<PrinterProfile>& printer_profiles();
// Throws Error(ErrorKind::tmpl, "printer", ...) naming the known profiles.
const PrinterProfile& printer_profile(std::string_view name);

struct PanelOptions {
  double bleed_mm = 0;  // card printers print edge to edge: bleed art only when asked
};

// One byte (grey) or three (RGB) a pixel, rows top to bottom, no padding.
struct PanelSet {
  int width = 0;
  int height = 0;
  int dpi = 0;
  std::vector<std::uint8_t> color;    // RGB: the color panel's items over white
  std::vector<std::uint8_t> k;        // 0 = resin black, 255 = none; nothing in between
  std::vector<std::uint8_t> uv;       // 0 = full fluorescent ink ... 255 = none
  std::vector<std::uint8_t> overlay;  // 0 = clear overlay, 255 = kept free; nothing between
};

// The face's panels: color holds only Panel::color items (k, uv and overlay_free never), k
// only Panel::k items, thresholded at half coverage with antialiasing off, uv the Panel::uv
// items' coverage, overlay everywhere but the Panel::overlay_free areas.
// Throws Error(ErrorKind::internal) when Cairo fails.
PanelSet render_panels(const Face& face, const PrinterProfile& printer,
                       const PanelOptions& options = {});

struct PanelPng {
  std::string panel;  // "color", "k", "uv", "overlay"
  std::vector<std::uint8_t> png;
};

// color: 24-bit RGB; k: 1-bit grey; uv: 8-bit grey; overlay: 1-bit grey. pHYs = the dpi,
// an sRGB chunk on color.
std::vector<PanelPng> encode_panel_pngs(const PanelSet& panels);

}  // namespace cardface
CARDFACE_CXX_API_END
