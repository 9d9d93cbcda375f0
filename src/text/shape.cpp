#include "text/shape.h"

#include <hb.h>

#include <memory>

#include "cardface/error.h"
#include "core/utf8.h"
#include "text/itemize.h"

namespace cardface::text {
namespace {

using BufferPtr = std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)>;

// The code point that starts a cluster, for an error message.
char32_t code_point_at(std::string_view utf8, std::size_t offset) {
  for (const utf8::CodePoint& cp : utf8::decode_utf8(utf8, "")) {
    if (cp.offset >= offset) return cp.value;
  }
  return 0;
}

}  // namespace

double ShapedText::width_mm(double size_pt, double letter_spacing_mm) const {
  if (clusters == 0) return 0;
  return advance_em * pt_to_mm(size_pt) + (clusters - 1) * letter_spacing_mm;
}

ShapedText shape_text(const FontBook& book, std::string_view utf8, std::string_view family_name,
                      bool ligatures, std::string_view where) {
  const Family& family = book.family(family_name, where);
  const std::vector<TextRun> runs = itemize(utf8, family, where);

  static const hb_feature_t no_ligatures[] = {
      {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  BufferPtr buffer(hb_buffer_create(), &hb_buffer_destroy);
  ShapedText out;
  double pen_em = 0;
  int cluster_index = -1;
  unsigned previous_cluster = 0;
  for (const TextRun& run : runs) {
    hb_buffer_clear_contents(buffer.get());
    // The whole text goes in as context, so shaping at a run's edges sees its neighbours.
    hb_buffer_add_utf8(buffer.get(), utf8.data(), static_cast<int>(utf8.size()),
                       static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), run.script);
    hb_buffer_set_language(buffer.get(), run.language);
    hb_buffer_set_flags(buffer.get(), static_cast<hb_buffer_flags_t>(
                                          (run.begin == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                                          (run.end == utf8.size() ? HB_BUFFER_FLAG_EOT : 0)));
    hb_shape(run.face->hb_font(), buffer.get(), ligatures ? nullptr : no_ligatures,
             ligatures ? 0 : 2);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    const double per_unit = 1.0 / run.face->units_per_em();
    ShapedRun shaped{run.face, std::string(utf8.substr(run.begin, run.end - run.begin)), {}};
    shaped.glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
      if (infos[i].codepoint == 0) {
        // Itemization checked the cmap; a font whose shaping still yields .notdef is broken.
        const char32_t cp = code_point_at(utf8, infos[i].cluster);
        throw Error(
            ErrorKind::data, std::string(where),
            utf8::code_point_name(cp) + " has no glyph in " + run.face->ref().file.string());
      }
      if (cluster_index < 0 || infos[i].cluster != previous_cluster) {
        ++cluster_index;
        previous_cluster = infos[i].cluster;
      }
      shaped.glyphs.push_back({infos[i].codepoint, pen_em + positions[i].x_offset * per_unit,
                               -positions[i].y_offset * per_unit, cluster_index});
      pen_em += positions[i].x_advance * per_unit;
    }
    out.runs.push_back(std::move(shaped));
  }
  out.advance_em = pen_em;
  out.clusters = cluster_index + 1;
  return out;
}

Line layout(const ShapedText& shaped, const TextStyle& style) {
  const double size_mm = pt_to_mm(style.size_pt);
  Line line;
  line.runs.reserve(shaped.runs.size());
  for (const ShapedRun& run : shaped.runs) {
    GlyphRun out{run.face->ref(), size_mm, style.color, {}, run.text};
    out.glyphs.reserve(run.glyphs.size());
    for (const ShapedGlyph& g : run.glyphs) {
      out.glyphs.push_back(
          {g.index,
           {g.x_em * size_mm + g.spacing_steps * style.letter_spacing_mm, g.y_em * size_mm}});
    }
    line.runs.push_back(std::move(out));
  }
  line.width_mm = shaped.width_mm(style.size_pt, style.letter_spacing_mm);
  return line;
}

Line shape_line(const FontBook& book, std::string_view utf8, const TextStyle& style,
                std::string_view where) {
  return layout(shape_text(book, utf8, style.family, style.letter_spacing_mm == 0, where), style);
}

}  // namespace cardface::text
