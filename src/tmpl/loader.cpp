// template.json → tmpl::Model. Every fault names its JSON path.
#include <cmath>
#include <fstream>
#include <sstream>

#include "card/card_type.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/template.h"
#include "core/json_text.h"
#include "core/limits.h"
#include "core/paths.h"
#include "tmpl/colors.h"
#include "tmpl/json_reader.h"
#include "tmpl/model.h"
#include "tmpl/path_data.h"

namespace cardface {
namespace tmpl {
namespace {

namespace fs = std::filesystem;

class Loader {
 public:
  Loader(fs::path dir, Faults& faults) : dir_(std::move(dir)), faults_(faults) {}

  Model load(const nlohmann::json& root_json) {
    JsonReader root(root_json, "", faults_);
    Model m;
    m.dir = dir_;
    m.name = root.string("name");
    m.description = root.string("description", "");
    m.card_types = root.strings("card_types");
    if (m.card_types.empty() && root.has("card_types"))
      root.note_at("card_types", "must name at least one card type");
    if (root.has("size")) {
      JsonReader size = root.object("size");
      m.width_mm = at_most(size, "width", size.positive("width"), limits::card_side_mm);
      m.height_mm = at_most(size, "height", size.positive("height"), limits::card_side_mm);
      m.corner_radius_mm = size.non_negative("corner_radius", m.corner_radius_mm);
      size.finish();
    }
    JsonReader sides = root.object("sides");
    for (const auto& [key, side] :
         {std::pair{"front", Side::front}, std::pair{"back", Side::back}}) {
      if (!sides.has(key)) continue;
      JsonReader s = sides.object(key);
      SideModel sm;
      sm.side = side;
      budget_ = {};
      sm.elements = elements(s, "elements");
      s.finish();
      m.sides.push_back(std::move(sm));
    }
    sides.finish();
    if (m.sides.empty() && root.has("sides")) sides.note("must have a \"front\" or a \"back\"");
    root.finish();
    return m;
  }

 private:
  std::vector<Element> elements(JsonReader& parent, const std::string& key) {
    std::vector<Element> out;
    if (depth_ >= limits::group_depth) {
      parent.note_at(key, "groups nest more than " + std::to_string(limits::group_depth) + " deep");
      return out;
    }
    ++depth_;
    for (JsonReader& e : parent.objects(key)) {
      if (++budget_.elements > limits::elements_per_side) {
        e.note("more than " + std::to_string(limits::elements_per_side) + " elements on this side");
        break;  // one fault, not one for each element past the budget
      }
      try {
        out.push_back(element(e));
      } catch (const Abandon&) {
        e.finish_abandoned();  // a fault that leaves the rest meaningless: go on with the next
      }
    }
    --depth_;
    return out;
  }

  // What one side's generated art costs, counted as it loads (see docs/limits.md).
  struct Budget {
    int elements = 0;
    std::int64_t segments = 0;
    std::int64_t glyphs = 0;
  };

  void spend_segments(JsonReader& r, double segments) {
    const bool within = budget_.segments <= limits::curve_segments_per_side;
    budget_.segments += static_cast<std::int64_t>(std::min(segments, 1e15));
    if (within && budget_.segments > limits::curve_segments_per_side)  // noted once a side
      r.note("brings this side's curve segments to " + std::to_string(budget_.segments) +
             "; at most " + std::to_string(limits::curve_segments_per_side));
  }

  void spend_glyphs(JsonReader& r, double glyphs) {
    budget_.glyphs += static_cast<std::int64_t>(std::min(glyphs, 1e15));
    if (budget_.glyphs > limits::glyphs_per_side)
      r.fail("brings this side's glyphs to about " + std::to_string(budget_.glyphs) + "; at most " +
             std::to_string(limits::glyphs_per_side));
  }

  static double at_most(JsonReader& r, const std::string& key, double value, double limit) {
    if (std::abs(value) > limit) {
      std::ostringstream text;
      text << "must be at most " << limit << " in size";
      r.note_at(key, text.str());
      return value < 0 ? -limit : limit;  // noted: go on with a value the rest can afford
    }
    return value;
  }

  double coordinate(JsonReader& r, const std::string& key) {
    return at_most(r, key, r.number(key), limits::coordinate_mm);
  }
  double coordinate(JsonReader& r, const std::string& key, double fallback) {
    return at_most(r, key, r.number(key, fallback), limits::coordinate_mm);
  }

  Element element(JsonReader& r) {
    Element e;
    e.path = r.path();
    e.id = r.string("id", r.path());
    const std::string kind =
        r.one_of("kind",
                 {"rect", "ellipse", "line", "path", "image", "photo", "text", "mrz", "guilloche",
                  "stars", "ghost", "microtext", "relief", "wall", "group", "stack", "barcode"},
                 "");
    if (kind.empty()) throw Abandon{};  // noted: without a kind its other keys mean nothing
    const std::string panel = r.one_of("panel", {"color", "k", "uv", "overlay_free"}, "");
    e.panel = panel == "k"              ? Panel::k
              : panel == "uv"           ? Panel::uv
              : panel == "overlay_free" ? Panel::overlay_free
                                        : Panel::color;
    e.bleed = r.boolean("bleed", false);
    e.background = r.boolean("background", false);
    e.condition.if_present = r.string("if", "");
    e.condition.if_absent = r.string("unless", "");
    if (r.has("clip")) e.clip = path_data(r, "clip");

    if (kind == "rect" || kind == "ellipse") {
      ShapeElement s;
      const Rect box = rect(r);
      if (kind == "rect")
        s.path.rounded_rect(box, r.non_negative("radius", 0));
      else
        s.path.ellipse(box);
      paint(r, s);
      e.content = std::move(s);
    } else if (kind == "line") {
      ShapeElement s;
      s.path.move_to({coordinate(r, "x1"), coordinate(r, "y1")});
      s.path.line_to({coordinate(r, "x2"), coordinate(r, "y2")});
      paint(r, s);
      if (!s.stroke && r.has("fill")) r.note_at("stroke", "is required for a line");
      e.content = std::move(s);
    } else if (kind == "path") {
      ShapeElement s;
      s.path = path_data(r, "d");
      paint(r, s);
      e.content = std::move(s);
    } else if (kind == "image") {
      ImageElement im;
      im.box = rect(r);
      im.file = asset(r, "src");
      im.fit = fit(r, "contain");
      try {
        im.pixels = std::make_shared<const Raster>(read_image(im.file, limits::asset_pixels));
      } catch (const Error& err) {
        const std::string what = err.problems().empty() ? "" : err.problems().front().message;
        r.fail_at("src", what.find("pixels") != std::string::npos
                             ? what
                             : "is not an image cardface reads (PNG or JPEG)");
      }
      asset_pixels_ += std::int64_t{im.pixels->width} * im.pixels->height;
      if (asset_pixels_ > limits::template_asset_pixels)
        r.fail_at("src", "brings the template's images to " + std::to_string(asset_pixels_) +
                             " pixels; at most " + std::to_string(limits::template_asset_pixels));
      e.content = std::move(im);
    } else if (kind == "photo") {
      PhotoElement p;
      p.box = rect(r);
      p.fit = fit(r, "cover");
      p.radius_mm = r.non_negative("radius", 0);
      if (r.boolean("drop_background", false)) {
        p.dropout = security::DropoutParams{};
        p.dropout->tolerance = r.number("drop_tolerance", p.dropout->tolerance);
        p.dropout_soften_mm = r.number("drop_soften", p.dropout_soften_mm);
        if (p.dropout->tolerance < 0 || p.dropout->tolerance > 1)
          r.fail_at("drop_tolerance", "must be from 0 to 1");
        if (p.dropout_soften_mm < 0 || p.dropout_soften_mm > 5)
          r.fail_at("drop_soften", "must be from 0 to 5 mm");
      }
      e.content = std::move(p);
    } else if (kind == "text") {
      e.content = text(r);
    } else if (kind == "guilloche") {
      e.content = guilloche(r);
    } else if (kind == "ghost") {
      GhostElement g;
      g.box = rect(r);
      g.params.width_mm = g.box.width;
      g.params.height_mm = g.box.height;
      g.params.screen = r.one_of("screen", {"lines", "dots"}, "lines") == "dots"
                            ? security::GhostParams::Screen::dots
                            : security::GhostParams::Screen::lines;
      g.params.dpi = r.integer("dpi", 1200, 72, 2400);
      if (g.box.width * g.box.height * std::pow(g.params.dpi / 25.4, 2) > limits::ghost_pixels)
        r.fail_at("dpi", "gives the ghost image more than " + std::to_string(limits::ghost_pixels) +
                             " pixels");
      g.params.screen_pitch_mm = r.number("pitch", g.params.screen_pitch_mm);
      if (g.params.screen_pitch_mm <= 0) r.note_at("pitch", "must be greater than 0");
      g.params.screen_angle_deg = r.number("angle", g.params.screen_angle_deg);
      g.params.lightest = r.number("lightest", g.params.lightest);
      g.params.darkest = r.number("darkest", g.params.darkest);
      if (g.params.lightest < 0 || g.params.lightest > 1 || g.params.darkest < 0 ||
          g.params.darkest > g.params.lightest)
        r.note("needs 0 <= darkest <= lightest <= 1");
      g.params.ink = color(r, "ink", g.params.ink);
      g.params.drop_background = r.boolean("drop_background", false);
      g.params.dropout_tolerance = r.number("drop_tolerance", g.params.dropout_tolerance);
      g.params.dropout_soften_mm = r.number("drop_soften", g.params.dropout_soften_mm);
      if (g.params.dropout_tolerance < 0 || g.params.dropout_tolerance > 1)
        r.fail_at("drop_tolerance", "must be from 0 to 1");
      if (g.params.dropout_soften_mm < 0 || g.params.dropout_soften_mm > 5)
        r.fail_at("drop_soften", "must be from 0 to 5 mm");
      e.content = std::move(g);
    } else if (kind == "microtext") {
      MicrotextElement m;
      m.source = r.string("text");
      m.family = r.string("font", m.family);
      m.cap_height_mm = r.number("cap_height", m.cap_height_mm);
      if (m.cap_height_mm < 0.1 || m.cap_height_mm > 1.0)
        r.note_at("cap_height", "must be from 0.1 to 1.0 mm (microtext is 0.15-0.4 mm)");
      m.color = color(r, "color", Rgba{0, 0, 0, 1});
      const std::string layout = r.one_of("layout", {"band", "frame", "path"}, "band");
      if (layout == "path") {
        m.layout = MicrotextElement::Layout::path;
        m.path = path_data(r, "d");
      } else {
        m.layout =
            layout == "frame" ? MicrotextElement::Layout::frame : MicrotextElement::Layout::band;
        m.box = rect(r);
        m.radius_mm = r.non_negative("radius", 0);
      }
      m.lines = r.integer("lines", 1, 1, 1000);
      m.line_gap_mm = at_most(r, "line_gap", r.non_negative("line_gap", 0), limits::card_side_mm);
      // A glyph is at least about a third of the cap height wide.
      const double length_mm = m.layout == MicrotextElement::Layout::path ? control_length(m.path)
                               : m.layout == MicrotextElement::Layout::frame
                                   ? 2 * (m.box.width + m.box.height)
                                   : m.box.width;
      spend_glyphs(r, m.lines * length_mm / (m.cap_height_mm / 3) + double(m.source.size()));
      e.content = std::move(m);
    } else if (kind == "relief") {
      e.content = relief(r);
    } else if (kind == "wall") {
      WallElement w;
      w.params.box = rect(r);
      w.params.seed = std::uint64_t(r.integer("seed", 1, 0, 2147483647));
      w.params.ridges = r.integer("ridges", w.params.ridges, 1, 12);
      w.params.wall_ridge = r.integer("wall_ridge", -1, -1, w.params.ridges - 1);
      w.params.towers = r.integer("towers", w.params.towers, 0, 40);
      w.params.wall_height_mm = r.non_negative("wall_height", 0);
      w.params.hatch_lines = r.integer("hatch_lines", w.params.hatch_lines, 0, 40);
      w.params.hatch_spacing_mm = r.positive("hatch_spacing", w.params.hatch_spacing_mm);
      w.color = color(r, "color", Rgba{0, 0, 0, 1});
      w.stroke_width_mm = r.positive("stroke_width", w.stroke_width_mm);
      w.wall_stroke_width_mm = r.positive("wall_stroke_width", w.wall_stroke_width_mm);
      w.rainbow = rainbow(r);
      e.content = std::move(w);
    } else if (kind == "stars") {
      StarsElement st;
      st.box = rect(r);
      ShapeElement paint_only;
      paint(r, paint_only);
      st.fill = paint_only.fill;
      st.stroke = paint_only.stroke;
      e.content = std::move(st);
    } else if (kind == "mrz") {
      e.content = mrz(r);
    } else if (kind == "barcode") {
      e.content = barcode(r);
    } else if (kind == "group") {
      GroupElement g;
      g.origin = {coordinate(r, "x", 0), coordinate(r, "y", 0)};
      g.height_mm = r.non_negative("height", 0);
      g.children = elements(r, "children");
      e.content = std::move(g);
    } else {  // stack
      StackElement s;
      s.origin = {coordinate(r, "x", 0), coordinate(r, "y", 0)};
      s.gap_mm = r.non_negative("gap", 0);
      s.children = elements(r, "children");
      for (const Element& child : s.children)
        if (!std::holds_alternative<GroupElement>(child.content))
          faults_.add(child.path, "a stack's children must be groups");
      e.content = std::move(s);
    }
    r.finish();
    return e;
  }

  TextElement text(JsonReader& r) {
    TextElement t;
    t.anchor = {coordinate(r, "x"), coordinate(r, "y")};
    t.source = r.string("text");
    spend_glyphs(r, double(t.source.size()));
    t.family = r.string("font", "sans");
    t.size_pt = at_most(r, "size", r.positive("size"), limits::text_size_pt);
    t.color = color(r, "color", Rgba{0, 0, 0, 1});
    const std::string align = r.one_of("align", {"left", "center", "right"}, "left");
    t.align = align == "center" ? Align::center : align == "right" ? Align::right : Align::left;
    t.letter_spacing_mm =
        at_most(r, "letter_spacing", r.number("letter_spacing", 0), limits::letter_spacing_mm);
    t.max_width_mm = at_most(r, "max_width", r.non_negative("max_width", 0), limits::card_side_mm);
    t.min_size_pt = r.non_negative("min_size", 0);
    if (t.min_size_pt > t.size_pt) r.note_at("min_size", "must not exceed size");
    if (t.min_size_pt > 0 && t.max_width_mm == 0)
      r.note_at("min_size", "needs max_width (shrinking needs a width to fit)");
    t.wrap = r.boolean("wrap", false);
    t.max_lines = r.integer("max_lines", t.wrap ? 2 : 1, 1, 20);
    if (t.wrap && t.max_width_mm == 0) r.note_at("wrap", "needs max_width");
    t.line_height = at_most(r, "line_height", r.number("line_height", 1.2), limits::line_height);
    if (t.line_height <= 0) r.note_at("line_height", "must be greater than 0");
    return t;
  }

  GuillocheElement guilloche(JsonReader& r) {
    GuillocheElement g;
    const std::string pattern = r.one_of("pattern", {"rosette", "wave_band", "frame"}, "");
    auto count = [&](const std::string& key, int fallback) {
      return r.integer(key, fallback, 1, 100000);
    };
    constexpr double kRad = 3.14159265358979323846 / 180;
    if (pattern == "rosette") {
      security::RosetteParams p;
      p.kind = r.boolean("epitrochoid", false) ? security::RosetteParams::Kind::epitrochoid
                                               : security::RosetteParams::Kind::hypotrochoid;
      p.centre = {r.number("cx"), r.number("cy")};
      p.R = r.positive("R");
      p.r = r.positive("r");
      p.d = r.non_negative("d", p.d);
      p.turns = count("turns", p.turns);
      p.curves = count("curves", p.curves);
      p.phase_step_rad = r.number("phase_step", p.phase_step_rad / kRad) * kRad;
      p.rotation_rad = r.number("rotation", 0) * kRad;
      p.samples = count("samples", p.samples);
      spend_segments(r, double(p.curves) * p.samples);
      g.params = p;
    } else if (pattern == "wave_band") {
      security::WaveBandParams p;
      p.band = rect(r);
      p.envelope = r.one_of("envelope", {"sine", "flat"}, "sine") == "flat"
                       ? security::WaveBandParams::Envelope::flat
                       : security::WaveBandParams::Envelope::sine;
      p.lines = count("lines", p.lines);
      p.amplitude_mm = r.non_negative("amplitude", p.amplitude_mm);
      p.wavelength_mm = r.positive("wavelength");
      p.phase_rad = r.number("phase", 0) * kRad;
      p.phase_step_rad = r.number("phase_step", p.phase_step_rad / kRad) * kRad;
      p.samples = count("samples", p.samples);
      spend_segments(r, double(p.lines) * p.samples);
      g.params = p;
    } else {
      security::FrameParams p;
      p.outline = rect(r);
      p.corner_radius_mm = r.non_negative("radius", p.corner_radius_mm);
      p.inset_mm = r.non_negative("inset", p.inset_mm);
      p.lines = count("lines", p.lines);
      p.spacing_mm = r.non_negative("spacing", p.spacing_mm);
      p.amplitude_mm = r.non_negative("amplitude", p.amplitude_mm);
      p.waves = count("waves", p.waves);
      p.phase_rad = r.number("phase", 0) * kRad;
      p.phase_step_rad = r.number("phase_step", p.phase_step_rad / kRad) * kRad;
      p.samples = count("samples", p.samples);
      spend_segments(r, double(p.lines) * p.samples);
      g.params = p;
    }
    g.stroke = Stroke{color(r, "stroke", Rgba{0, 0, 0, 1}), r.positive("stroke_width")};
    g.rainbow = rainbow(r);
    g.personal_seed = r.string("personal_seed", "");
    g.personal_amount = r.non_negative("personal_amount", g.personal_amount);
    return g;
  }

  ReliefElement relief(JsonReader& r) {
    ReliefElement m;
    security::ReliefParams& p = m.params;
    p.box = rect(r);
    p.mode = r.one_of("mode", {"displace", "width"}, "displace") == "width"
                 ? security::ReliefParams::Mode::width
                 : security::ReliefParams::Mode::displace;
    p.spacing_mm = r.positive("spacing", p.spacing_mm);
    p.amount_mm = r.non_negative("amount", p.amount_mm);
    p.line_width_mm = r.positive("line_width", p.line_width_mm);
    p.soften_mm = r.non_negative("soften", p.soften_mm);
    p.wave_amplitude_mm = r.non_negative("wave_amplitude", 0);
    p.wavelength_mm = r.positive("wavelength", p.wavelength_mm);
    if (p.box.height / p.spacing_mm > 2000) r.note_at("spacing", "gives more than 2000 lines");
    p.soften_mm = at_most(r, "soften", p.soften_mm, limits::relief_soften_mm);
    if (p.box.width * p.box.height > limits::relief_area_mm2)
      r.fail("covers more than " + std::to_string(int(limits::relief_area_mm2)) + " mm²");
    spend_segments(r, std::floor(p.box.height / p.spacing_mm) * std::ceil(p.box.width / p.step_mm));
    m.color = color(r, "color", Rgba{0, 0, 0, 1});
    m.stroke_width_mm = r.positive("stroke_width", m.stroke_width_mm);
    m.rainbow = rainbow(r);
    JsonReader mask = r.object("mask");
    if (mask.has("d") == mask.has("text")) mask.fail("needs either \"d\" (path data) or \"text\"");
    if (mask.has("d")) {
      m.mask_path = path_data(mask, "d");
    } else {
      m.mask_text = mask.string("text");
      m.mask_family = mask.string("font", m.mask_family);
      spend_glyphs(mask, double(m.mask_text.size()));
      m.mask_size_pt = at_most(mask, "size", mask.positive("size"), limits::text_size_pt);
      m.mask_anchor = {coordinate(mask, "x"), coordinate(mask, "y")};
      const std::string align = mask.one_of("align", {"left", "center", "right"}, "left");
      m.mask_align = align == "center"  ? Align::center
                     : align == "right" ? Align::right
                                        : Align::left;
    }
    mask.finish();
    return m;
  }

  MrzElement mrz(JsonReader& r) {
    MrzElement m;
    m.document_code = r.string("document_code", m.document_code);
    m.issuing_state = r.string("issuing_state");
    m.document_number = r.string("document_number");
    m.optional_data_1 = r.string("optional_data_1", "");
    m.optional_data_2 = r.string("optional_data_2", "");
    m.nationality = r.string("nationality");
    m.sex = r.string("sex");
    m.surname = r.string("surname");
    m.given_names = r.string("given_names", "");
    m.date_of_birth = r.string("date_of_birth", m.date_of_birth);
    m.date_of_expiry = r.string("date_of_expiry", m.date_of_expiry);
    m.family = r.string("font", m.family);
    m.left_mm = coordinate(r, "left", m.left_mm);
    m.middle_from_bottom_mm = coordinate(r, "middle_line_from_bottom", m.middle_from_bottom_mm);
    m.pitch_mm = at_most(r, "pitch", r.non_negative("pitch", m.pitch_mm), limits::card_side_mm);
    m.line_spacing_mm = at_most(
        r, "line_spacing", r.non_negative("line_spacing", m.line_spacing_mm), limits::card_side_mm);
    m.cap_height_mm = at_most(r, "cap_height", r.non_negative("cap_height", m.cap_height_mm),
                              limits::card_side_mm);
    m.color = color(r, "color", Rgba{0, 0, 0, 1});
    if (m.pitch_mm <= 0 || m.cap_height_mm <= 0)
      r.note("pitch and cap_height must be greater than 0");
    return m;
  }

  BarcodeElement barcode(JsonReader& r) {
    BarcodeElement b;
    b.seal = r.boolean("seal", false);
    const std::string symbology =
        r.one_of("symbology", {"datamatrix", "qr", "pdf417", "aztec"}, "datamatrix");
    b.symbology = *symbology_from_string(symbology);
    if (b.seal) {
      if (b.symbology != Symbology::datamatrix)
        r.note_at("symbology", "a seal is always a DataMatrix (the reader looks for one)");
      if (r.has("content")) r.note_at("content", "a seal's content is the card's seal");
      b.unsigned_label = r.string("unsigned_label", "");
    } else {
      b.content = r.string("content");
      if (b.content.empty() && r.has("content")) r.note_at("content", "must not be empty");
    }
    b.box = rect(r);
    b.module_mm = r.positive("module");
    b.min_module_mm = r.non_negative("min_module", b.module_mm);
    if (b.min_module_mm <= 0 || b.min_module_mm > b.module_mm)
      r.note_at("min_module", "must be greater than 0 and at most module");
    b.quiet_zone_modules = r.integer("quiet_zone", 2, 1, 20);
    return b;
  }

  Rect rect(JsonReader& r) {
    return {coordinate(r, "x"), coordinate(r, "y"),
            at_most(r, "width", r.positive("width"), limits::card_side_mm),
            at_most(r, "height", r.positive("height"), limits::card_side_mm)};
  }

  // An upper bound of a path's length: its control polygon.
  static double control_length(const Path& path) {
    double length = 0;
    Point at{0, 0};
    for (const PathOp& op : path.ops) {
      const int points = op.verb == PathOp::Verb::cubic   ? 3
                         : op.verb == PathOp::Verb::close ? 0
                                                          : 1;
      for (int i = 0; i < points; ++i) {
        if (op.verb != PathOp::Verb::move) length += std::hypot(op.p[i].x - at.x, op.p[i].y - at.y);
        at = op.p[i];
      }
    }
    return length;
  }

  // "rainbow": {"from": [x, y], "to": [x, y], "colors": ["#...", ...]}: split-fountain colour.
  std::optional<Gradient> rainbow(JsonReader& r) {
    if (!r.has("rainbow")) return std::nullopt;
    JsonReader g = r.object("rainbow");
    auto point = [&](const std::string& key) {
      const auto& v = g.raw(key);
      if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
        g.fail_at(key, "must be [x, y] in mm");
      return Point{v[0].get<double>(), v[1].get<double>()};
    };
    if (!g.has("from") || !g.has("to")) g.fail("needs \"from\" and \"to\"");
    Gradient out{point("from"), point("to"), {}};
    for (const std::string& c : g.strings("colors")) {
      auto rgba = parse_color(c);
      if (!rgba) g.fail_at("colors", "must be colours \"#rrggbb\" or \"#rrggbbaa\"");
      out.colors.push_back(*rgba);
    }
    if (out.colors.size() < 2) g.note_at("colors", "needs at least two colours");
    g.finish();
    return out;
  }

  void paint(JsonReader& r, ShapeElement& s) {
    s.rainbow = rainbow(r);
    if (r.has("fill")) s.fill = color(r, "fill", {});
    if (r.has("stroke"))
      s.stroke = Stroke{color(r, "stroke", {}), r.number("stroke_width", 0.1)};
    else if (r.has("stroke_width"))
      r.note_at("stroke_width", "needs a stroke colour");
    if (s.stroke && s.stroke->width_mm <= 0) r.note_at("stroke_width", "must be greater than 0");
    if (!s.fill && !s.stroke) r.note("needs a fill or a stroke");
  }

  Rgba color(JsonReader& r, const std::string& key, Rgba fallback) {
    if (!r.has(key)) return fallback;
    if (!r.value().at(key).is_string()) return r.string(key), fallback;  // noted
    auto c = parse_color(r.string(key));
    if (!c) {
      r.note_at(key, "must be a colour \"#rrggbb\" or \"#rrggbbaa\"");
      return fallback;
    }
    return *c;
  }

  Fit fit(JsonReader& r, const std::string& fallback) {
    const std::string f = r.one_of("fit", {"cover", "contain", "stretch"}, fallback);
    return f == "cover" ? Fit::cover : f == "contain" ? Fit::contain : Fit::stretch;
  }

  Path path_data(JsonReader& r, const std::string& key) {
    if (!r.has(key)) return r.string(key), Path{};  // noted as required
    const std::string data = r.string(key);
    if (data.size() > limits::path_data_bytes)
      r.fail_at(key, "is " + std::to_string(data.size()) + " bytes long; at most " +
                         std::to_string(limits::path_data_bytes));
    std::string error;
    auto p = parse_path_data(data, error);
    if (!p) r.fail_at(key, error);
    for (const PathOp& op : p->ops)
      for (const Point& q : op.p)
        if (std::abs(q.x) > limits::coordinate_mm || std::abs(q.y) > limits::coordinate_mm)
          r.fail_at(key,
                    "has a point beyond " + std::to_string(int(limits::coordinate_mm)) + " mm");
    spend_segments(r, double(p->ops.size()));
    return *p;
  }

  // Assets may only be read from inside the template's own directory (symlinks resolved).
  fs::path asset(JsonReader& r, const std::string& key) {
    if (!r.has(key)) r.string(key), throw Abandon{};  // noted as required
    const fs::path rel = r.string(key);
    if (rel.empty() || rel.is_absolute())
      r.fail_at(key, "must be a path relative to the template directory");
    std::error_code ec;
    const fs::path root = fs::canonical(dir_, ec);
    const fs::path full = fs::weakly_canonical(dir_ / rel, ec);
    auto [end, _] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (ec || end != root.end()) r.fail_at(key, "must stay inside the template directory");
    if (!fs::is_regular_file(full, ec)) r.fail_at(key, "no such file in the template directory");
    return full;
  }

  fs::path dir_;
  Faults& faults_;
  Budget budget_;
  int depth_ = 0;
  std::int64_t asset_pixels_ = 0;
};

}  // namespace
}  // namespace tmpl

Template Template::load_dir(const std::filesystem::path& dir) {
  const auto file = dir / "template.json";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec) && !std::filesystem::exists(file, ec))
    throw Error(ErrorKind::tmpl, dir.string(), "no template.json in this directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::file, file.string(), "cannot read the template");
  std::error_code size_error;
  if (const auto bytes = std::filesystem::file_size(file, size_error);
      !size_error && bytes > limits::template_bytes)
    throw Error(ErrorKind::tmpl, file.string(),
                "is " + std::to_string(bytes) + " bytes; at most " +
                    std::to_string(limits::template_bytes));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_json(buffer.str(), dir, file.string());
}

Template Template::parse_json(const std::string& text, const std::filesystem::path& dir,
                              const std::string& label) {
  if (text.size() > limits::template_bytes)
    throw Error(ErrorKind::tmpl, label,
                "is " + std::to_string(text.size()) + " bytes; at most " +
                    std::to_string(limits::template_bytes));
  const auto json = json_text::parse<nlohmann::json>(text, ErrorKind::tmpl, label);
  std::error_code ec;
  // A folder that brings its own card type: one folder is a new card (docs/card-types.md).
  if (std::filesystem::exists(dir / "card-type.json", ec))
    card::add_card_type(card::read_card_type_file(dir / "card-type.json"));
  tmpl::Faults faults;
  tmpl::Model model = tmpl::Loader(dir, faults).load(json);
  if (!faults.empty()) throw Error(ErrorKind::tmpl, tmpl::in_file(faults.problems(), label));
  Template t;
  t.model_ = std::make_shared<const tmpl::Model>(std::move(model));
  return t;
}

const std::string& Template::name() const {
  return model_->name;
}
const std::filesystem::path& Template::dir() const {
  return model_->dir;
}
const std::vector<std::string>& Template::card_types() const {
  return model_->card_types;
}

std::vector<Side> Template::sides() const {
  std::vector<Side> sides;
  for (const auto& s : model_->sides) sides.push_back(s.side);
  return sides;
}

namespace {

std::vector<std::filesystem::path> search_path() {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("CARDFACE_TEMPLATE_PATH"); env && *env) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      if (colon != 0) dirs.emplace_back(std::string(rest.substr(0, colon)));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.push_back(paths::templates_dir());
  return dirs;
}

}  // namespace

std::vector<std::string> bundled_templates() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(paths::templates_dir(), ec))
    if (std::filesystem::exists(entry.path() / "template.json", ec))
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Template default_template(const std::string& card_type) {
  std::error_code ec;
  for (const auto& dir : search_path())
    if (std::filesystem::exists(dir / card_type / "template.json", ec))
      return Template::load_dir(dir / card_type);
  for (const std::string& name : bundled_templates()) {
    Template t = Template::load_dir(paths::templates_dir() / name);
    const auto& types = t.card_types();
    if (std::find(types.begin(), types.end(), card_type) != types.end()) return t;
  }
  throw Error(ErrorKind::tmpl, "template", "no bundled template renders card type " + card_type);
}

Template find_template(const std::string& name_or_dir) {
  std::error_code ec;
  const bool looks_like_path = name_or_dir.find('/') != std::string::npos;
  if (looks_like_path ||
      std::filesystem::exists(std::filesystem::path(name_or_dir) / "template.json", ec)) {
    if (!std::filesystem::exists(std::filesystem::path(name_or_dir) / "template.json", ec))
      throw Error(ErrorKind::tmpl, name_or_dir, "no template.json in this directory");
    return Template::load_dir(name_or_dir);
  }
  for (const auto& dir : search_path())
    if (std::filesystem::exists(dir / name_or_dir / "template.json", ec))
      return Template::load_dir(dir / name_or_dir);
  if (std::filesystem::is_directory(name_or_dir, ec))
    throw Error(ErrorKind::tmpl, name_or_dir, "no template.json in this directory");
  std::string known;
  for (const auto& n : bundled_templates()) known += (known.empty() ? "" : ", ") + n;
  throw Error(ErrorKind::tmpl, "template",
              "unknown template \"" + name_or_dir + "\" (bundled: " + known + ")");
}

}  // namespace cardface
