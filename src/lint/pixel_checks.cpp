// The checks that need the composed face's pixels, from one raster pass in painting order:
// what lies under a text or the MRZ is sampled just before it is painted; barcodes are decoded
// from the finished face.
#include <cairo.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

#include "cardface/barcode.h"
#include "cardface/error.h"
#include "cardface/render.h"
#include "lint/face_layout.h"
#include "lint/ink_box.h"
#include "render/paint.h"

namespace cardface::layout {
namespace {

double linear(double srgb) {
  return srgb <= 0.04045 ? srgb / 12.92 : std::pow((srgb + 0.055) / 1.055, 2.4);
}

// WCAG 2 relative luminance of an sRGB colour over white paper.
double luminance(const Rgba& c) {
  auto over_white = [&](double v) { return v * c.a + (1 - c.a); };
  return 0.2126 * linear(over_white(c.r)) + 0.7152 * linear(over_white(c.g)) +
         0.0722 * linear(over_white(c.b));
}

const std::array<double, 256>& linear_table() {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int i = 0; i < 256; ++i) t[i] = linear(i / 255.0);
    return t;
  }();
  return table;
}

class FaceCanvas {
 public:
  FaceCanvas(const Face& face, int dpi)
      : dpi_(dpi),
        width_(pixels_for_mm(face.width_mm, dpi)),
        height_(pixels_for_mm(face.height_mm, dpi)) {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_, height_);
    cr_ = cairo_create(surface_);
    render::set_up_raster_context(cr_, dpi);
    cairo_rectangle(cr_, 0, 0, face.width_mm, face.height_mm);
    cairo_clip(cr_);
  }
  // Starting from `start` (the face's size at `dpi`, ARGB32 premultiplied).
  FaceCanvas(const Face& face, int dpi, const Bitmap& start) : FaceCanvas(face, dpi) {
    if (start.width != width_ || start.height != height_)
      throw Error(ErrorKind::internal, "lint", "the shared layer is not the face's size");
    cairo_surface_flush(surface_);
    unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    for (int y = 0; y < height_; ++y)
      std::memcpy(data + std::size_t(y) * stride, start.data.data() + std::size_t(y) * start.stride,
                  std::size_t(width_) * 4);
    cairo_surface_mark_dirty(surface_);
  }
  ~FaceCanvas() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  FaceCanvas(const FaceCanvas&) = delete;
  FaceCanvas& operator=(const FaceCanvas&) = delete;

  void paint(const Item& item) {
    render::PaintOptions options;
    options.snap_to_pixels = true;
    render::paint_item(cr_, item, options);
    render::check_status(cr_, "lint");
  }

  cairo_t* context() { return cr_; }

  struct Span {
    int x0, y0, x1, y1;
  };
  Span pixels_of(const Rect& r) const {
    const double s = dpi_ / 25.4;
    return {std::max(0, int(std::floor(r.x * s))), std::max(0, int(std::floor(r.y * s))),
            std::min(width_, int(std::ceil((r.x + r.width) * s))),
            std::min(height_, int(std::ceil((r.y + r.height) * s)))};
  }

  // Mean relative luminance of what is painted in `r`, transparent pixels as white paper.
  std::optional<double> mean_luminance(const Rect& r) {
    cairo_surface_flush(surface_);
    const Span s = pixels_of(r);
    if (s.x1 <= s.x0 || s.y1 <= s.y0) return std::nullopt;
    const auto& lin = linear_table();
    const unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    double sum = 0;
    for (int y = s.y0; y < s.y1; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
      for (int x = s.x0; x < s.x1; ++x) {
        const std::uint32_t p = row[x];
        const int white = 255 - int(p >> 24);  // premultiplied: colour + (1 - alpha) × white
        sum += 0.2126 * lin[((p >> 16) & 255) + white] + 0.7152 * lin[((p >> 8) & 255) + white] +
               0.0722 * lin[(p & 255) + white];
      }
    }
    return sum / (double(s.x1 - s.x0) * (s.y1 - s.y0));
  }

  // The pixels of `r` as straight RGBA on white, for the barcode reader.
  Raster crop(const Rect& r) {
    cairo_surface_flush(surface_);
    const Span s = pixels_of(r);
    Raster out;
    out.width = std::max(0, s.x1 - s.x0);
    out.height = std::max(0, s.y1 - s.y0);
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    for (int y = 0; y < out.height; ++y) {
      const auto* row =
          reinterpret_cast<const std::uint32_t*>(data + std::size_t(y + s.y0) * stride);
      for (int x = 0; x < out.width; ++x) {
        const std::uint32_t p = row[x + s.x0];
        const int white = 255 - int(p >> 24);
        std::uint8_t* o = &out.rgba[(std::size_t(y) * out.width + x) * 4];
        o[0] = std::uint8_t(((p >> 16) & 255) + white);
        o[1] = std::uint8_t(((p >> 8) & 255) + white);
        o[2] = std::uint8_t((p & 255) + white);
        o[3] = 255;
      }
    }
    return out;
  }

 private:
  int dpi_, width_, height_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

bool faulted(const std::vector<Finding>& findings, const Face& face, const Item& item) {
  for (const Finding& f : findings)
    if (f.side == face.side && f.element == item.element && f.severity == Severity::error)
      return true;
  return false;
}

void check_text_contrast(FaceCanvas& canvas, const Face& face, const PlacedItem& p,
                         const LintOptions& o, std::vector<Finding>& out) {
  const auto& run = std::get<GlyphRun>(p.item->content);
  const auto under = canvas.mean_luminance(*p.visible);
  if (!under) return;
  const double ink = luminance(run.color);
  const double ratio = (std::max(ink, *under) + 0.05) / (std::min(ink, *under) + 0.05);
  if (ratio >= o.min_text_contrast) return;
  char text[128];
  std::snprintf(text, sizeof text, "contrast %.2f:1 against what is under it (needs %.1f:1)", ratio,
                o.min_text_contrast);
  add_finding(out, face, *p.item, "text-contrast", Severity::warning, text, p.visible);
}

// Print contrast signal (ICAO Doc 9303 Part 3): PCS = (Rb - Ri) / Rb, with the reflectances of
// the band under the MRZ and of its ink, here their luminances in the visible range. Printed
// black reflects some light: the ink is taken at no less than kInkReflectance.
constexpr double kInkReflectance = 0.05;
void check_mrz_contrast(FaceCanvas& canvas, const FaceLayout& layout, const PlacedItem& p,
                        const LintOptions& o, std::vector<Finding>& out) {
  const auto under = canvas.mean_luminance(*layout.mrz_zone);
  if (!under || *under <= 0) return;
  const double ink =
      std::max(kInkReflectance, luminance(std::get<GlyphRun>(p.item->content).color));
  const double pcs = (*under - ink) / *under;
  if (pcs >= o.min_mrz_contrast) return;
  char text[160];
  std::snprintf(text, sizeof text,
                "print contrast signal %.2f against its band (reflectance %.2f, ink %.2f; "
                "Doc 9303 asks %.2f)",
                pcs, *under, ink, o.min_mrz_contrast);
  add_finding(out, *layout.face, *p.item, "mrz-contrast", Severity::error, text, *layout.mrz_zone);
}

// The symbol as drawn, at the module snapped to device pixels, and some paper beyond its quiet
// zone: ZXing's locators look past the symbol's edge.
Rect decode_area(const Barcode& code, int dpi) {
  Barcode drawn = code;
  drawn.module_mm = barcode_module_px(code.module_mm, dpi) * 25.4 / dpi;
  return grown(quiet_zone_box(drawn), 4 * drawn.module_mm);
}

void check_decodes(FaceCanvas& canvas, const Face& face, const PlacedItem& p, const LintOptions& o,
                   std::vector<Finding>& out) {
  const auto& code = std::get<Barcode>(p.item->content);
  const Rect area = decode_area(code, o.dpi);
  const Raster pixels = canvas.crop(area);
  const auto decoded = read_barcode(
      pixels, {Symbology::datamatrix, Symbology::qr, Symbology::pdf417, Symbology::aztec});
  bool same = false;
  if (decoded) {
    // The code read back is the code drawn when its bytes encode to the same modules.
    const ModuleMatrix again = encode_barcode(decoded->bytes, decoded->symbology, p.item->element);
    same = again.columns == code.columns && again.rows == code.rows && again.dark == code.modules;
  }
  if (same) return;
  add_finding(out, face, *p.item, "barcode-decode", Severity::error,
              decoded
                  ? "decodes from the rendered face to another code"
                  : "does not decode from the rendered face at " + std::to_string(o.dpi) + " dpi",
              area);
}

}  // namespace

void check_pixels(const FaceLayout& layout, const LintOptions& options,
                  const std::vector<Finding>& geometry, std::vector<Finding>& out,
                  const SharedLayers& layers) {
  const Face& face = *layout.face;
  std::vector<const PlacedItem*> painted;  // the color and k panels' items, in painting order
  for (const PlacedItem& p : layout.items)
    if (p.item->panel == Panel::color || p.item->panel == Panel::k) painted.push_back(&p);
  const PlacedItem* mrz = nullptr;  // the first MRZ: its band is sampled just before it
  for (const PlacedItem* p : painted)
    if (!mrz && p->item->role == Role::mrz && layout.mrz_zone) mrz = p;
  auto contrast_checked = [](const PlacedItem& p) {
    return p.visible && p.item->role == Role::text && !p.item->background;
  };
  auto decoded = [&](const PlacedItem& p) {
    return p.item->role == Role::barcode && p.ink && !faulted(geometry, face, *p.item);
  };
  // The areas the checks sample: an item that touches none of them need not be painted.
  std::vector<Rect> sampled;
  for (const PlacedItem* p : painted)
    if (contrast_checked(*p)) sampled.push_back(*p->visible);
  for (const PlacedItem& p : layout.items)
    if (decoded(p)) sampled.push_back(decode_area(std::get<Barcode>(p.item->content), options.dpi));
  if (mrz) sampled.push_back(*layout.mrz_zone);
  const double pixel = 25.4 / options.dpi;
  auto touches_sampled = [&](const PlacedItem& p) {
    if (!p.ink) return true;  // no box known: it may be anywhere
    const Rect ink = grown(*p.ink, 2 * pixel);
    for (const Rect& r : sampled)
      if (intersection(ink, r)) return true;
    return false;
  };

  std::optional<FaceCanvas> fresh;
  std::optional<FaceCanvas> started;
  FaceCanvas& canvas = layers.leading ? started.emplace(face, options.dpi, *layers.leading)
                                      : fresh.emplace(face, options.dpi);
  for (std::size_t i = layers.leading ? layers.leading_items : 0; i < painted.size();) {
    const PlacedItem& p = *painted[i];
    if (layers.composite && !p.item->personal) {
      std::size_t end = i;
      bool checked_inside = false;  // a text or the MRZ sampled within the run
      for (; end < painted.size() && !painted[end]->item->personal; ++end)
        checked_inside = checked_inside || contrast_checked(*painted[end]) || painted[end] == mrz;
      if (!checked_inside) {
        layers.composite(canvas.context(), i, end);
        i = end;
        continue;
      }
    }
    if (contrast_checked(p)) check_text_contrast(canvas, face, p, options, out);
    if (&p == mrz) check_mrz_contrast(canvas, layout, p, options, out);
    if (touches_sampled(p)) canvas.paint(*p.item);
    ++i;
  }
  for (const PlacedItem& p : layout.items)
    if (decoded(p)) check_decodes(canvas, face, p, options, out);
}

}  // namespace cardface::layout
