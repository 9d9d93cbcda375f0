// The parsed template: every key resolved, every value checked. Compose reads only this.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cardface/barcode.h"
#include "cardface/scene.h"
#include "security/background_dropout.h"
#include "security/ghost_image.h"
#include "security/great_wall.h"
#include "security/guilloche.h"
#include "security/relief.h"
#include "tmpl/geometry_memo.h"

namespace cardface::tmpl {

enum class Align { left, center, right };
enum class Fit { cover, contain, stretch };

// Shown only when `if_present` names a value the card has, and `if_absent` one it lacks.
struct Condition {
  std::string if_present;
  std::string if_absent;
};

struct ShapeElement {
  Path path;
  std::optional<Rgba> fill;
  std::optional<Stroke> stroke;
  std::optional<Gradient> rainbow;
};

struct ImageElement {
  Rect box;
  std::filesystem::path file;  // inside the template directory, checked at load
  Fit fit = Fit::contain;
  std::shared_ptr<const Raster> pixels;  // decoded at load
};

struct PhotoElement {
  Rect box;
  Fit fit = Fit::cover;
  double radius_mm = 0;
  // Background drop-out: the backdrop made transparent, so the card's art shows through.
  std::optional<security::DropoutParams> dropout;
  double dropout_soften_mm = 0.3;
};

struct TextElement {
  Point anchor;        // x per `align`; y = the first line's baseline
  std::string source;  // literal text with {placeholders}
  std::string family = "sans";
  double size_pt = 7;
  Rgba color;
  Align align = Align::left;
  double letter_spacing_mm = 0;
  double max_width_mm = 0;  // 0: no limit
  double min_size_pt = 0;   // 0: never shrink
  bool wrap = false;
  int max_lines = 1;
  double line_height = 1.2;  // × size
};

// An ICAO 9303 TD1 machine-readable zone. Text settings are placeholders (`{id_number}`,
// `CHN`); dates name date fields. Geometry defaults are the ICAO values for an ID-1 card.
struct MrzElement {
  std::string document_code = "I";
  std::string issuing_state;
  std::string document_number;
  std::string optional_data_1;
  std::string optional_data_2;
  std::string nationality;
  std::string sex;
  std::string surname;
  std::string given_names;
  std::string date_of_birth = "date_of_birth";    // a date field's name
  std::string date_of_expiry = "date_of_expiry";  // a date field's name
  std::string family = "ocrb";
  double left_mm = 5.0;                 // the first character cell's left edge
  double middle_from_bottom_mm = 11.5;  // the middle line's centre above the bottom edge
  double pitch_mm = 2.54;
  double line_spacing_mm = 4.23;
  double cap_height_mm = 2.42;  // OCR-B size I
  Rgba color;
};

// Fine-line security patterns (src/security). With `personal_seed` set, the parameters are
// perturbed by a seed derived from the template's name and that text expanded for the card
// (e.g. "{id_number}"), so every card's pattern is its own and can be recomputed from its data.
struct GuillocheElement {
  std::variant<security::RosetteParams, security::WaveBandParams, security::FrameParams> params;
  Stroke stroke;
  std::optional<Gradient> rainbow;
  std::string personal_seed;
  double personal_amount = 0.06;
};

// The five-star motif (one large, four small) in the flag's construction, fitted to a box.
struct StarsElement {
  Rect box;
  std::optional<Rgba> fill;
  std::optional<Stroke> stroke;
};

// A second, smaller, screened greyscale copy of the holder's photo, rasterized at `dpi`.
struct GhostElement {
  Rect box;
  security::GhostParams params;
};

// Microtext repeated over a band of lines, around a frame (a rounded rectangle) or along any
// path (see tmpl/microtext.h).
struct MicrotextElement {
  std::string source;  // with placeholders
  std::string family = "sans";
  double cap_height_mm = 0.25;
  Rgba color;
  enum class Layout { band, frame, path } layout = Layout::band;
  Rect box;              // band, frame
  double radius_mm = 0;  // frame
  Path path;             // path: in template coordinates
  int lines = 1;
  double line_gap_mm = 0;
};

// Line-modulated relief: the lines' displacement or width follows a mask that is a path or
// text (with placeholders: a latent card number), shaped in `mask_family`.
struct ReliefElement {
  security::ReliefParams params;
  std::optional<Path> mask_path;
  std::string mask_text;
  std::string mask_family = "sans-bold";
  double mask_size_pt = 24;
  Point mask_anchor;  // x per mask_align; y = the baseline
  Align mask_align = Align::left;
  Rgba color;
  double stroke_width_mm = 0.06;  // displace mode
  std::optional<Gradient> rainbow;
};

// Great Wall line art (src/security/great_wall.h): terrain at stroke_width, the wall and
// towers at wall_stroke_width.
struct WallElement {
  security::WallParams params;
  Rgba color;
  double stroke_width_mm = 0.05;
  double wall_stroke_width_mm = 0.08;
  std::optional<Gradient> rainbow;
};

// A 2D code centred in `box`: `content` (with placeholders) encoded as its UTF-8 bytes, or with
// `seal` the card's signed Visible Digital Seal (DataMatrix). The module shrinks from `module_mm`
// towards `min_module_mm` only when the symbol would not fit the box. `unsigned_label`, when
// set, is printed under an unsigned seal (a band of `kLabelBandMm` is kept for it).
struct BarcodeElement {
  static constexpr double kLabelBandMm = 2.2;
  Symbology symbology = Symbology::datamatrix;
  std::string content;
  bool seal = false;
  Rect box;
  double module_mm = 0.254;
  double min_module_mm = 0.254;
  int quiet_zone_modules = 2;
  std::string unsigned_label;
};

struct Element;

// Children in coordinates relative to (x, y). A group in a stack takes `height` of room,
// plus whatever its wrapped text needs beyond its first line.
struct GroupElement {
  Point origin;
  double height_mm = 0;
  std::vector<Element> children;
};

// Children (groups) laid out top to bottom from `origin`, `gap_mm` apart; a hidden child
// takes no room, so the layout closes up.
struct StackElement {
  Point origin;
  double gap_mm = 0;
  std::vector<Element> children;
};

struct Element {
  std::string id;    // the template's id, or its JSON path
  std::string path;  // JSON path, for errors at compose time
  Panel panel = Panel::color;
  bool bleed = false;       // extends past the trim into the print bleed
  bool background = false;  // background art: lint's overlap and MRZ-zone checks exempt it
  Condition condition;
  std::optional<Path> clip;
  std::variant<ShapeElement, ImageElement, PhotoElement, TextElement, MrzElement, GuillocheElement,
               StarsElement, GhostElement, MicrotextElement, ReliefElement, WallElement,
               GroupElement, StackElement, BarcodeElement>
      content;
};

struct SideModel {
  Side side = Side::front;
  std::vector<Element> elements;
};

struct Model {
  std::string name;
  std::string description;
  std::filesystem::path dir;
  std::vector<std::string> card_types;
  double width_mm = 85.60;
  double height_mm = 53.98;
  double corner_radius_mm = 3.18;
  std::vector<SideModel> sides;
  // What compose generates for elements that do not depend on the card, kept across cards.
  std::shared_ptr<GeometryMemo> memo = std::make_shared<GeometryMemo>();
};

}  // namespace cardface::tmpl
