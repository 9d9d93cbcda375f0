// Template + card → Scene. Layout decisions (fit, wrap, conditions, stacks) happen here and
// nowhere else; backends only draw what this produces.
#include "cardface/compose.h"

#include <algorithm>
#include <map>

#include "card/card_type.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/seal.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "security/background_dropout.h"
#include "security/ghost_image.h"
#include "security/great_wall.h"
#include "security/relief.h"
#include "security/rng.h"
#include "security/stars.h"
#include "text/fit.h"
#include "text/font_book.h"
#include "text/glyph_outline.h"
#include "tmpl/json_reader.h"
#include "tmpl/microtext.h"
#include "tmpl/model.h"
#include "tmpl/mrz_binding.h"
#include "tmpl/placeholder.h"

namespace cardface {
namespace {

using namespace tmpl;

Path translated(Path path, Point by) {
  for (PathOp& op : path.ops)
    for (Point& p : op.p) p = {p.x + by.x, p.y + by.y};
  return path;
}

std::optional<Gradient> shifted(std::optional<Gradient> g, Point by) {
  if (g) {
    g->from = {g->from.x + by.x, g->from.y + by.y};
    g->to = {g->to.x + by.x, g->to.y + by.y};
  }
  return g;
}

Rect translated(Rect r, Point by) {
  return {r.x + by.x, r.y + by.y, r.width, r.height};
}

// Source (pixels) and destination (mm) rectangles for drawing an image into `box`.
std::pair<Rect, Rect> fit_image(const Raster& image, Rect box, Fit fit) {
  Rect source{0, 0, double(image.width), double(image.height)};
  Rect dest = box;
  const double image_aspect = source.width / source.height;
  const double box_aspect = box.width / box.height;
  if (fit == Fit::cover) {
    // Crop the image to the box's aspect, centred, keeping its own aspect.
    if (image_aspect > box_aspect) {
      const double w = source.height * box_aspect;
      source.x = (source.width - w) / 2;
      source.width = w;
    } else {
      const double h = source.width / box_aspect;
      source.y = (source.height - h) / 2;
      source.height = h;
    }
  } else if (fit == Fit::contain) {
    if (image_aspect > box_aspect) {
      dest.height = box.width / image_aspect;
      dest.y += (box.height - dest.height) / 2;
    } else {
      dest.width = box.height * image_aspect;
      dest.x += (box.width - dest.width) / 2;
    }
  }
  return {source, dest};
}

class Composer {
 public:
  Composer(const Card& card, const Model& model, const text::FontBook& fonts,
           const SealOptions& seal, bool static_only, std::shared_ptr<const Raster> photo)
      : card_(card),
        model_(model),
        fonts_(fonts),
        seal_(seal),
        photo_(std::move(photo)),
        static_only_(static_only) {}

  Face face(const SideModel& side) {
    Face face;
    face.side = side.side;
    face.width_mm = model_.width_mm;
    face.height_mm = model_.height_mm;
    face.corner_radius_mm = model_.corner_radius_mm;
    out_ = &face.items;
    for (const Element& e : side.elements) emit(e, {0, 0}, {});
    return face;
  }

 private:
  bool visible(const Element& e) const {
    const Condition& c = e.condition;
    if (!c.if_present.empty() && !present(c.if_present, e.path + "/if")) return false;
    if (!c.if_absent.empty() && present(c.if_absent, e.path + "/unless")) return false;
    return true;
  }

  bool present(const std::string& key, const std::string& where) const {
    if (!card_.knows(key)) {
      // A template for several types: a key another listed type has is absent from this one.
      for (const std::string& other : model_.card_types) {
        const card::CardType* type = card::find_card_type(other);
        if (!type) continue;
        const auto keys = card::lookup_keys(*type);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
      }
      throw Error(ErrorKind::tmpl, where,
                  "unknown field \"" + key + "\" for card type " + card_.type);
    }
    if (key == "photo") return !card_.photo.empty();
    return card_.lookup(key).has_value();
  }

  // The data field behind a placeholder key: `name.zh` → `name_zh`, `sex.zh` → `sex`.
  std::string field_of(const std::string& key) const {
    const auto dot = key.find('.');
    if (dot == std::string::npos) return key;
    const std::string head = key.substr(0, dot), joined = head + "_" + key.substr(dot + 1);
    if (card_.knows(joined)) return joined;
    if (card_.knows(head) && head != "name") return head;
    return key;
  }

  // A missing character is blamed on the one field that holds it (or the element, when it
  // is in the template's literal text).
  std::vector<Problem> blame(const Error& err, const std::vector<Segment>& segments,
                             const std::string& element) const {
    std::vector<Problem> problems = err.problems();
    for (Problem& p : problems) {
      if (p.message.rfind("U+", 0) != 0) continue;
      const char32_t cp = char32_t(std::stoul(p.message.substr(2), nullptr, 16));
      for (const Segment& s : segments)
        if (utf8::decode_lenient(s.text).find(cp) != std::u32string::npos) {
          p.where = s.key.empty() ? element + "/text" : field_of(s.key);
          break;
        }
    }
    return problems;
  }

  void push(const Element& e, std::vector<Path> clips, decltype(Item::content) content,
            Role role = Role::art, std::optional<Rect> box = std::nullopt) {
    Item item;
    item.panel = e.panel;
    item.role = role;
    item.background = e.background;
    item.box = box;
    item.bleed = e.bleed;
    item.element = e.id;
    item.clips = std::move(clips);
    item.content = std::move(content);
    item.personal = personal_;
    out_->push_back(std::move(item));
  }

  void load_photo() {
    if (photo_ && !checked_photo_) {
      checked_photo_ = true;
      const std::int64_t pixels = std::int64_t{photo_->width} * photo_->height;
      if (photo_->width <= 0 || photo_->height <= 0 ||
          photo_->rgba.size() != std::size_t(pixels) * 4)
        throw Error(ErrorKind::file, "photo", "the pixels given are malformed");
      if (pixels > limits::photo_pixels)
        throw Error(ErrorKind::file, "photo",
                    "image too large (" + std::to_string(photo_->width) + " x " +
                        std::to_string(photo_->height) + " pixels; photos take at most " +
                        std::to_string(limits::photo_pixels) + " pixels)");
    }
    if (!photo_) {
      try {
        photo_ = std::make_shared<const Raster>(read_image(card_.photo, limits::photo_pixels));
      } catch (const Error& err) {
        // Name the field, not the file: a photo's file name often carries the holder's name.
        throw Error(ErrorKind::file, "photo",
                    err.problems().empty() ? "unreadable" : err.problems().front().message);
      }
    }
  }

  // Draws `e` at `offset`; returns the height its wrapped text needs beyond its first line,
  // or a negative number when the element is hidden.
  double emit(const Element& e, Point offset, std::vector<Path> clips) {
    if (!visible(e)) return -1;
    if (e.clip) clips.push_back(translated(*e.clip, offset));
    // Whether the card shows it is the card's business; so is what a stack's rows hold,
    // since a hidden or wrapped row moves every row below it.
    const bool outer = personal_;
    personal_ = outer || !e.condition.if_present.empty() || !e.condition.if_absent.empty() ||
                std::holds_alternative<StackElement>(e.content) ||
                std::visit([](const auto& content) { return depends_on_card(content); }, e.content);
    if (static_only_ && personal_) {
      personal_ = outer;
      return -1;
    }
    const double extra =
        std::visit([&](const auto& content) { return draw(e, content, offset, clips); }, e.content);
    personal_ = outer;
    return extra;
  }

  static bool has_placeholder(const std::string& source) {
    return source.find('{') != std::string::npos;  // `{{` (a literal brace) errs on the safe side
  }
  static bool depends_on_card(const TextElement& t) { return has_placeholder(t.source); }
  static bool depends_on_card(const MicrotextElement& m) { return has_placeholder(m.source); }
  static bool depends_on_card(const GuillocheElement& g) { return !g.personal_seed.empty(); }
  static bool depends_on_card(const ShapeElement&) { return false; }
  static bool depends_on_card(const ImageElement&) { return false; }
  static bool depends_on_card(const StarsElement&) { return false; }
  static bool depends_on_card(const WallElement&) { return false; }
  static bool depends_on_card(const ReliefElement& r) {
    return !r.mask_path && has_placeholder(r.mask_text);
  }
  static bool depends_on_card(const GroupElement&) { return false; }  // its children decide
  // Photo, ghost, MRZ and any element kind not listed: assume the card's (safe for a cache).
  template <typename Other>
  static bool depends_on_card(const Other&) {
    return true;
  }

  double draw(const Element& e, const ShapeElement& s, Point offset, std::vector<Path>& clips) {
    push(e, clips, Shape{translated(s.path, offset), s.fill, s.stroke, shifted(s.rainbow, offset)});
    return 0;
  }

  double draw(const Element& e, const ImageElement& im, Point offset, std::vector<Path>& clips) {
    const Rect box = translated(im.box, offset);
    auto [source, dest] = fit_image(*im.pixels, box, im.fit);
    push(e, clips, Image{im.pixels, source, dest}, Role::art, box);
    return 0;
  }

  double draw(const Element& e, const PhotoElement& p, Point offset, std::vector<Path>& clips) {
    if (card_.photo.empty()) return 0;
    load_photo();
    const Rect box = translated(p.box, offset);
    Path frame;
    frame.rounded_rect(box, p.radius_mm);
    clips.push_back(frame);
    auto [source, dest] = fit_image(*photo_, box, p.fit);
    std::shared_ptr<const Raster> pixels = photo_;
    if (p.dropout) {
      security::DropoutParams dropout = *p.dropout;
      dropout.soften_px = p.dropout_soften_mm * source.width / dest.width;
      pixels = std::make_shared<const Raster>(security::without_background(*photo_, dropout));
    }
    push(e, clips, Image{pixels, source, dest}, Role::photo, box);
    return 0;
  }

  double draw(const Element& e, const TextElement& t, Point offset, std::vector<Path>& clips) {
    const auto segments = expand(t.source, card_, e.path + "/text");
    const std::string value = join(segments);
    if (value.empty()) return 0;
    // A fault in the text names the data fields it came from, or the element for literals.
    std::string where;
    for (const Segment& s : segments)
      if (!s.key.empty() && where.find(field_of(s.key)) == std::string::npos)
        where += (where.empty() ? "" : ", ") + field_of(s.key);
    if (where.empty()) where = e.path;
    if (!fonts_.has_family(t.family))
      throw Error(ErrorKind::tmpl, e.path + "/font", "unknown font family \"" + t.family + "\"");

    text::TextStyle style;
    style.family = t.family;
    style.size_pt = t.size_pt;
    style.letter_spacing_mm = t.letter_spacing_mm;
    style.color = t.color;
    text::FitRule rule;
    rule.max_width_mm = t.max_width_mm;
    rule.min_size_pt = t.min_size_pt;
    rule.wrap = t.wrap;
    rule.max_lines = t.max_lines;
    rule.line_height = t.line_height;
    text::Block block;
    try {
      block = text::fit_text(fonts_, value, style, rule, where);
    } catch (const Error& err) {
      throw Error(err.kind(), blame(err, segments, e.path));
    }

    // The left end of a span `width` wide, anchored per the text's alignment.
    auto left_of = [&](double width) {
      const double x = t.anchor.x + offset.x;
      return t.align == Align::center ? x - width / 2 : t.align == Align::right ? x - width : x;
    };
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
      const text::Line& line = block.lines[i];
      const double x = left_of(line.width_mm);
      const double y = t.anchor.y + offset.y + double(i) * block.line_advance_mm;
      std::optional<Rect> box;
      if (t.max_width_mm > 0)
        box = Rect{left_of(t.max_width_mm), y - block.ascent_mm, t.max_width_mm,
                   block.ascent_mm + block.descent_mm};
      for (GlyphRun run : line.runs) {
        for (Glyph& g : run.glyphs) g.origin = {g.origin.x + x, g.origin.y + y};
        push(e, clips, std::move(run), Role::text, box);
      }
    }
    return double(block.lines.size() - 1) * block.line_advance_mm;
  }

  // Each character is placed in its own 2.54 mm cell, centred, whatever the font's advance:
  // ICAO fixes the pitch, so the font's metrics must not decide it.
  double draw(const Element& e, const MrzElement& m, Point offset, std::vector<Path>& clips) {
    const auto lines = mrz_lines(card_, m, e.path);
    const text::Family& family = fonts_.family(m.family, e.path + "/font");
    const text::Face& face = family.metrics_face();
    const double cap_em = face.cap_height_em();
    const double size_mm = m.cap_height_mm / cap_em;
    text::TextStyle style;
    style.family = m.family;
    style.size_pt = size_mm / text::kMmPerPt;
    style.color = m.color;
    const double middle_y = model_.height_mm - m.middle_from_bottom_mm + offset.y;
    for (int i = 0; i < 3; ++i) {
      const double centre_y = middle_y + (i - 1) * m.line_spacing_mm;
      const double baseline = centre_y + m.cap_height_mm / 2;
      text::Line line = text::shape_line(fonts_, lines[i], style, e.path);
      const double advance = line.width_mm / double(lines[i].size());
      int column = 0;
      for (GlyphRun& run : line.runs) {
        for (Glyph& g : run.glyphs) {
          g.origin = {offset.x + m.left_mm + column * m.pitch_mm + (m.pitch_mm - advance) / 2,
                      baseline};
          ++column;
        }
        push(e, clips, std::move(run), Role::mrz);
      }
      if (column != int(lines[i].size()))
        throw Error(ErrorKind::tmpl, e.path + "/font",
                    "the MRZ font does not map one glyph per character");
    }
    return 0;
  }

  double draw(const Element& e, const GuillocheElement& g, Point offset, std::vector<Path>& clips) {
    auto params = g.params;
    if (!g.personal_seed.empty()) {
      const std::string text = join(expand(g.personal_seed, card_, e.path + "/personal_seed"));
      security::Rng rng(security::seed_from(model_.name + "/" + text));
      std::visit([&](auto& p) { p = security::perturb(p, rng, g.personal_amount); }, params);
    }
    auto generate = [params, offset] {
      const std::vector<Path> lines = std::visit(
          [](const auto& p) {
            using P = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<P, security::RosetteParams>)
              return security::rosette(p);
            else if constexpr (std::is_same_v<P, security::WaveBandParams>)
              return security::wave_band(p);
            else
              return security::frame(p);
          },
          params);
      // One path of many subpaths: one stroke call for the whole pattern.
      Path all;
      std::size_t ops = 0;
      for (const Path& line : lines) ops += line.ops.size();
      all.ops.reserve(ops);
      for (const Path& line : lines)
        all.ops.insert(all.ops.end(), line.ops.begin(), line.ops.end());
      return GeometryMemo::Paths{translated(std::move(all), offset)};
    };
    const auto paths = g.personal_seed.empty()
                           ? model_.memo->get(&e, offset, generate)
                           : std::make_shared<const GeometryMemo::Paths>(generate());
    push(e, clips, Shape{paths->front(), std::nullopt, g.stroke, shifted(g.rainbow, offset)});
    return 0;
  }

  double draw(const Element& e, const GhostElement& g, Point offset, std::vector<Path>& clips) {
    if (card_.photo.empty()) return 0;
    load_photo();
    auto ghost = std::make_shared<const Raster>(security::ghost_image(*photo_, g.params));
    const Rect dest = translated(g.box, offset);
    push(e, clips, Image{ghost, {0, 0, double(ghost->width), double(ghost->height)}, dest},
         Role::ghost, dest);
    return 0;
  }

  double draw(const Element& e, const MicrotextElement& m, Point offset, std::vector<Path>& clips) {
    const std::string unit = join(expand(m.source, card_, e.path + "/text"));
    if (unit.empty()) return 0;
    MicrotextLayout layout;
    layout.box = translated(m.box, offset);
    if (m.layout != MicrotextElement::Layout::band) {
      layout.kind = MicrotextLayout::Kind::path;
      if (m.layout == MicrotextElement::Layout::frame) {
        layout.path.rounded_rect(layout.box, m.radius_mm);
      } else {
        layout.path = translated(m.path, offset);
      }
    }
    layout.lines = m.lines;
    layout.line_gap_mm = m.line_gap_mm;
    for (GlyphRun& run :
         microtext_runs(fonts_, unit, m.family, m.cap_height_mm, m.color, layout, e.path))
      push(e, clips, std::move(run), Role::microtext);
    return 0;
  }

  double draw(const Element& e, const ReliefElement& m, Point offset, std::vector<Path>& clips) {
    security::ReliefParams params = m.params;
    params.box = translated(params.box, offset);
    Path mask;
    if (m.mask_path) {
      mask = translated(*m.mask_path, offset);
    } else {
      const auto segments = expand(m.mask_text, card_, e.path + "/mask/text");
      const std::string value = join(segments);
      if (value.empty()) return 0;
      text::TextStyle style;
      style.family = m.mask_family;
      style.size_pt = m.mask_size_pt;
      text::Line line;
      try {
        line = text::shape_line(fonts_, value, style, e.path + "/mask");
      } catch (const Error& err) {
        throw Error(err.kind(), blame(err, segments, e.path + "/mask"));
      }
      double x = m.mask_anchor.x + offset.x;
      if (m.mask_align == Align::center)
        x -= line.width_mm / 2;
      else if (m.mask_align == Align::right)
        x -= line.width_mm;
      for (GlyphRun& run : line.runs)
        for (Glyph& g : run.glyphs)
          g.origin = {g.origin.x + x, g.origin.y + m.mask_anchor.y + offset.y};
      mask = text::line_outline(fonts_, line);
    }
    auto generate = [&] {
      Path all;
      for (const Path& line : security::relief(params, mask))
        all.ops.insert(all.ops.end(), line.ops.begin(), line.ops.end());
      return GeometryMemo::Paths{std::move(all)};
    };
    const auto paths = depends_on_card(m) ? std::make_shared<const GeometryMemo::Paths>(generate())
                                          : model_.memo->get(&e, offset, generate);
    const Path& all = paths->front();
    if (params.mode == security::ReliefParams::Mode::displace)
      push(
          e, clips,
          Shape{all, std::nullopt, Stroke{m.color, m.stroke_width_mm}, shifted(m.rainbow, offset)});
    else
      push(e, clips, Shape{all, m.color, std::nullopt, shifted(m.rainbow, offset)});
    return 0;
  }

  double draw(const Element& e, const WallElement& w, Point offset, std::vector<Path>& clips) {
    security::WallParams params = w.params;
    params.box = translated(params.box, offset);
    // Terrain, then the wall and towers: two strokes of their own widths.
    const auto paths = model_.memo->get(&e, offset, [&] {
      const security::WallArt art = security::great_wall(params);
      GeometryMemo::Paths out;
      for (const auto* lines : {&art.terrain, &art.wall}) {
        Path all;
        for (const Path& line : *lines)
          all.ops.insert(all.ops.end(), line.ops.begin(), line.ops.end());
        out.push_back(std::move(all));
      }
      return out;
    });
    const double widths[] = {w.stroke_width_mm, w.wall_stroke_width_mm};
    for (std::size_t i = 0; i < 2; ++i)
      push(
          e, clips,
          Shape{(*paths)[i], std::nullopt, Stroke{w.color, widths[i]}, shifted(w.rainbow, offset)});
    return 0;
  }

  double draw(const Element& e, const StarsElement& st, Point offset, std::vector<Path>& clips) {
    Path all;
    for (const Path& star : security::five_stars(translated(st.box, offset)))
      all.ops.insert(all.ops.end(), star.ops.begin(), star.ops.end());
    push(e, clips, Shape{all, st.fill, st.stroke, std::nullopt});
    return 0;
  }

  double draw(const Element& e, const BarcodeElement& b, Point offset, std::vector<Path>& clips) {
    std::vector<std::uint8_t> bytes;
    if (b.seal) {
      bytes = encode_seal(card_seal(card_, seal_));
    } else {
      const std::string text = join(expand(b.content, card_, e.path + "/content"));
      bytes.assign(text.begin(), text.end());
    }
    if (bytes.empty()) return 0;  // every value it binds is absent
    const ModuleMatrix matrix = encode_barcode(bytes, b.symbology, b.seal ? "seal" : e.path);
    Rect area = translated(b.box, offset);
    const bool labelled = b.seal && !b.unsigned_label.empty();
    // The label's band is kept whether the seal is signed or not, so the code never moves.
    if (labelled) area.height -= BarcodeElement::kLabelBandMm;
    const int q = b.quiet_zone_modules;
    const double fit_mm =
        std::min(area.width / (matrix.columns + 2 * q), area.height / (matrix.rows + 2 * q));
    const double module_mm = std::min(b.module_mm, fit_mm);
    if (module_mm < b.min_module_mm)
      throw Error(ErrorKind::data, b.seal ? "seal" : e.path,
                  "the code needs " + std::to_string(matrix.columns) + " x " +
                      std::to_string(matrix.rows) +
                      " modules and does not fit the template's box at its minimum module size");
    const double width = matrix.columns * module_mm, height = matrix.rows * module_mm;
    const Rect symbol{area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width,
                      height};
    push(e, clips, Barcode{matrix.columns, matrix.rows, matrix.dark, symbol, module_mm, q},
         Role::barcode, area);
    if (labelled && !seal_.key) {
      TextElement label;
      label.anchor = {area.x + area.width / 2, symbol.y + height + q * module_mm + 1.7};
      label.source = b.unsigned_label;
      label.family = "sans-bold";
      label.size_pt = 4.2;
      label.color = Rgba{0.784, 0.063, 0.180, 1};  // the specimen mark's red
      label.align = Align::center;
      label.max_width_mm = area.width;
      label.min_size_pt = 3;
      Element label_element = e;
      label_element.id = e.id + "/unsigned_label";
      label_element.panel = Panel::color;
      draw(label_element, label, {0, 0}, clips);
    }
    return 0;
  }

  double draw(const Element&, const GroupElement& g, Point offset, std::vector<Path>& clips) {
    const Point origin{offset.x + g.origin.x, offset.y + g.origin.y};
    double extra = 0;
    for (const Element& child : g.children) extra = std::max(extra, emit(child, origin, clips));
    return extra;
  }

  double draw(const Element&, const StackElement& s, Point offset, std::vector<Path>& clips) {
    double y = offset.y + s.origin.y;
    for (const Element& child : s.children) {
      const auto& group = std::get<GroupElement>(child.content);
      // Each group is placed at the running position; its own y is a nudge within its row.
      const double extra = emit(child, {offset.x + s.origin.x, y}, clips);
      if (extra < 0) continue;  // hidden: the rows below close up
      y += group.height_mm + extra + s.gap_mm;
    }
    return 0;
  }

  const Card& card_;
  const Model& model_;
  const text::FontBook& fonts_;
  const SealOptions& seal_;
  std::vector<Item>* out_ = nullptr;
  std::shared_ptr<const Raster> photo_;
  bool checked_photo_ = false;  // a photo given decoded is checked once, when first drawn
  bool personal_ = false;       // the element being drawn depends on the card
  bool static_only_ = false;
};

}  // namespace

Scene compose(const Card& card, const Template& tmpl, const Fonts& fonts,
              const ComposeOptions& options) {
  const Model& model = tmpl.model();
  if (std::find(model.card_types.begin(), model.card_types.end(), card.type) ==
      model.card_types.end()) {
    std::string types;
    for (const auto& t : model.card_types) types += (types.empty() ? "" : ", ") + t;
    throw Error(
        ErrorKind::tmpl, "template",
        "template \"" + model.name + "\" renders card types " + types + ", not " + card.type);
  }
  Composer composer(card, model, fonts.book(), options.seal, options.static_only, options.photo);
  Scene scene;
  const std::vector<Side> sides = options.sides.empty() ? tmpl.sides() : options.sides;
  for (Side side : sides) {
    auto it = std::find_if(model.sides.begin(), model.sides.end(),
                           [&](const SideModel& s) { return s.side == side; });
    if (it == model.sides.end())
      throw Error(ErrorKind::tmpl, "template",
                  "template \"" + model.name + "\" has no " + to_string(side) + " side");
    try {
      scene.faces.push_back(composer.face(*it));
    } catch (const Error& e) {
      // A fault at a template JSON path names the template file, as the loader's do.
      throw Error(e.kind(), in_file(e.problems(), model.dir / "template.json"));
    }
  }
  return scene;
}

}  // namespace cardface
