// One face as SVG through Cairo's SVG surface, sized in points.
#include <cairo-svg.h>

#include <cctype>
#include <map>
#include <string>

#include "cardface/error.h"
#include "cardface/print.h"
#include "print/byte_sink.h"
#include "render/debug_layout.h"
#include "render/paint.h"

namespace cardface {
namespace {

// Cairo 1.16 names a surface's group "surface<N>" after a counter shared by every surface
// the process ever made: the same face would differ by how many came before it. Renumber
// them in order of appearance so the same face gives the same bytes in any process.
void renumber_surface_ids(std::vector<std::uint8_t>& bytes) {
  const std::string text(bytes.begin(), bytes.end());
  const std::string key = "surface";
  std::map<std::string, std::string> renamed;
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (true) {
    const std::size_t hit = text.find(key, at);
    if (hit == std::string::npos) break;
    std::size_t end = hit + key.size();
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    const char before = hit > 0 ? text[hit - 1] : ' ';
    out.append(text, at, hit - at);
    if (end > hit + key.size() && (before == '"' || before == '#')) {
      const std::string number = text.substr(hit + key.size(), end - hit - key.size());
      auto it = renamed.try_emplace(number, std::to_string(renamed.size() + 1)).first;
      out += key + it->second;
    } else {
      out.append(text, hit, end - hit);
    }
    at = end;
  }
  out.append(text, at, std::string::npos);
  bytes.assign(out.begin(), out.end());
}

}  // namespace

std::vector<std::uint8_t> render_svg(const Face& face, const SvgOptions& options) {
  std::vector<std::uint8_t> bytes;
  // Points, not mm, as the SVG's user unit: Cairo keeps coordinates to 1/256 of a unit, and
  // 1/256 mm would shape 0.3 mm microtext glyphs visibly coarser.
  constexpr double kPtPerMm = 72.0 / 25.4;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(
      print::append_to_bytes, &bytes, face.width_mm * kPtPerMm, face.height_mm * kPtPerMm);
  cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t* cr = cairo_create(surface);
  try {
    cairo_scale(cr, kPtPerMm, kPtPerMm);
    render::paint_face(cr, face, {});
    if (options.debug_layout) render::paint_debug_layout(cr, face, 0, 600);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "svg", cairo_status_to_string(status));
  renumber_surface_ids(bytes);
  return bytes;
}

}  // namespace cardface
