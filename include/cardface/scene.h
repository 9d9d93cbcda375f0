// The resolved card: a flat display list per face, in millimetres, top-left origin, y down.
// Nothing in it refers back to the holder's data or to the template; backends only draw it,
// and tests inspect it without pixels.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cardface/export.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

enum class Side { front, back };
// Card-printer ribbon panels: dye colour, resin black, fluorescent; `overlay_free` marks areas
// the clear overlay must leave bare (a chip, a signature strip) and is never drawn as ink.
enum class Panel { color, k, uv, overlay_free };

const char* to_string(Side side);
const char* to_string(Panel panel);

struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;  // sRGB, 0..1, not premultiplied
  bool operator==(const Rgba&) const = default;
};

struct Point {
  double x = 0, y = 0;  // mm
  bool operator==(const Point&) const = default;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;  // mm
  bool operator==(const Rect&) const = default;
};

// A path as a list of segments; `cubic` takes the two control points and the end point.
struct PathOp {
  enum class Verb { move, line, cubic, close } verb = Verb::move;
  Point p[3];
};

struct Path {
  std::vector<PathOp> ops;

  void move_to(Point p);
  void line_to(Point p);
  void cubic_to(Point c1, Point c2, Point end);
  void close();
  void rounded_rect(Rect r, double radius);
  void ellipse(Rect r);
};

struct Stroke {
  Rgba color;
  double width_mm = 0.1;
};

// A linear gradient (split-fountain / rainbow printing): colours at evenly spaced stops from
// `from` to `to`, padded beyond them.
struct Gradient {
  Point from, to;
  std::vector<Rgba> colors;
};

struct Shape {
  Path path;
  std::optional<Rgba> fill;
  std::optional<Stroke> stroke;
  // When set, the fill and the stroke take their colour from the gradient instead.
  std::optional<Gradient> gradient;
};

// A font by its file and face index: backends open and cache faces themselves.
struct FontRef {
  std::filesystem::path file;
  int face_index = 0;
  bool operator==(const FontRef&) const = default;
};

struct Glyph {
  std::uint32_t index = 0;  // glyph id in the font
  Point origin;             // pen position on the baseline, mm
  double angle_rad = 0;     // baseline direction, clockwise from +x (text along a path)
};

struct GlyphRun {
  FontRef font;
  double size_mm = 0;  // em size
  Rgba color;
  std::vector<Glyph> glyphs;
  std::string text;  // the characters this run shows (UTF-8), for tests and PDF text
};

// Decoded pixels, 8-bit RGBA, straight (not premultiplied) alpha, rows top to bottom.
struct Raster {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4
};

struct Image {
  std::shared_ptr<const Raster> pixels;
  Rect source;  // the part of `pixels` shown, in pixels
  Rect dest;    // where it lands on the card, mm
};

// A 2D code (DataMatrix, QR, PDF417, Aztec): `modules` row by row, 1 = dark, centred in `box`
// at `module_mm` a module, with `quiet_zone_modules` of white kept around it. Raster backends
// snap the module to whole device pixels (render.h: barcode_module_px) and draw it crisp.
struct Barcode {
  int columns = 0;
  int rows = 0;
  std::vector<std::uint8_t> modules;
  Rect box;  // the symbol, quiet zone excluded, at the unsnapped module size
  double module_mm = 0;
  int quiet_zone_modules = 0;
};

// What a template element is on the card, for the layout checks (include/cardface/lint.h)
// and the debug overlay; backends draw every role alike.
enum class Role { art, text, photo, ghost, barcode, mrz, microtext };
const char* to_string(Role role);

struct Item {
  Panel panel = Panel::color;
  Role role = Role::art;
  std::string element;      // the template element's id, for tests and debugging
  std::vector<Path> clips;  // drawn only inside all of these paths
  std::variant<Shape, GlyphRun, Image, Barcode> content;
  bool bleed = false;  // background art: in print output it runs past the trim into the bleed
  // Whether the item depends on the card (its data, photo or a condition on them). Items that
  // do not are the same on every card of a template: renderers may cache them (Renderer).
  bool personal = false;
  // Declared background art (the template's `background` key): exempt from the overlap and
  // MRZ clear-zone checks, judged by contrast instead.
  bool background = false;
  // The box the template gave the element (photo, ghost, barcode, image; text: its
  // max_width across one line's ascent and descent), when it has one.
  std::optional<Rect> box;
};

struct Face {
  Side side = Side::front;
  double width_mm = 85.60;
  double height_mm = 53.98;
  double corner_radius_mm = 3.18;
  std::vector<Item> items;  // in painting order
};

struct Scene {
  std::vector<Face> faces;
  const Face* face(Side side) const;
};

}  // namespace cardface
CARDFACE_CXX_API_END
