// Proof sheets: every card's two faces at actual size with the record's key fields beneath,
// set with the bundled fonts, three cards to an A4 page.
#include <algorithm>
#include <string>

#include "cardface/error.h"
#include "cardface/proof.h"
#include "print/pdf_document.h"
#include "render/paint.h"
#include "text/font_book.h"
#include "text/shape.h"

namespace cardface {
namespace {

constexpr double kPageW = 210, kPageH = 297, kMargin = 12;
constexpr double kFaceGap = 8;      // between a card's front and back
constexpr double kBlockGap = 6;     // between two cards' blocks
constexpr double kFieldSizePt = 8;  // the key fields' text
constexpr double kLineMm = 3.6;     // their line pitch

// The record values a sign-off checks, by the key card types know them under.
const char* const kKeyFields[] = {"surname",       "given_names",     "name_zh",       "sex",
                                  "date_of_birth", "nationality",     "id_number",     "valid_from",
                                  "valid_until",   "document_number", "date_of_expiry"};

std::string value_text(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Date>(&v)) return d->iso();
  return std::to_string(std::get<std::int64_t>(v));
}

void show_line(cairo_t* cr, const text::FontBook& book, const std::string& line, Point at,
               double size_pt, bool bold) {
  text::TextStyle style;
  style.family = bold ? "sans-bold" : "sans";
  style.size_pt = size_pt;
  style.color = {0.1, 0.1, 0.1, 1};
  text::Line shaped = text::shape_line(book, line, style, "proof");
  Face face;  // an unclipped face the painter draws at `at`
  face.width_mm = kPageW;
  face.height_mm = kPageH;
  face.corner_radius_mm = 0;
  for (GlyphRun& run : shaped.runs) {
    for (Glyph& g : run.glyphs) g.origin = {g.origin.x + at.x, g.origin.y + at.y};
    Item item;
    item.content = std::move(run);
    face.items.push_back(std::move(item));
  }
  render::paint_face(cr, face, {});
}

void outline(cairo_t* cr, Rect r, double radius) {
  Path p;
  p.rounded_rect(r, radius);
  cairo_save(cr);
  add_path(cr, p);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.15);
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace

std::vector<std::uint8_t> proof_pdf(const std::vector<ProofEntry>& entries, const Fonts& fonts) {
  if (entries.empty()) throw Error(ErrorKind::data, "cards", "no card to proof");
  const text::FontBook& book = fonts.book();
  print::PdfDocument document;
  cairo_t* cr = nullptr;
  double y = 0;
  int page = 0;
  for (std::size_t n = 0; n < entries.size(); ++n) {
    const ProofEntry& e = entries[n];
    double face_h = 0;
    for (const Face& f : e.scene.faces) face_h = std::max(face_h, f.height_mm);
    const double block_h = face_h + 4 + kLineMm * 6;
    if (!cr || y + block_h > kPageH - kMargin) {
      cr = document.begin_page(kPageW, kPageH);
      ++page;
      show_line(cr, book, "PROOF — check every card before the run. Page " + std::to_string(page),
                {kMargin, kMargin + 3}, 9, true);
      y = kMargin + 8;
    }
    // The faces side by side as the card will look: rounded corners, no bleed.
    double x = kMargin;
    for (const Face& f : e.scene.faces) {
      cairo_save(cr);
      cairo_translate(cr, x, y);
      render::paint_face(cr, f, {});
      cairo_restore(cr);
      outline(cr, {x, y, f.width_mm, f.height_mm}, f.corner_radius_mm);
      x += f.width_mm + kFaceGap;
    }
    // Key fields in two columns beneath.
    double ty = y + face_h + 4 + kLineMm * 0.8;
    show_line(cr, book, std::to_string(n + 1) + ". " + e.label + "  (" + e.card->type + ")",
              {kMargin, ty}, kFieldSizePt, true);
    int column_row[2] = {0, 0};
    int i = 0;
    for (const char* key : kKeyFields) {
      if (!e.card->knows(key)) continue;
      const auto value = e.card->lookup(key);
      if (!value) continue;
      const int column = i++ % 2;
      const double cx = kMargin + column * (kPageW - 2 * kMargin) / 2;
      const double cy = ty + kLineMm * (1 + column_row[column]++);
      show_line(cr, book, std::string(key) + ": " + value_text(*value), {cx, cy}, kFieldSizePt,
                false);
    }
    y += block_h + kBlockGap;
  }
  return document.finish();
}

}  // namespace cardface
