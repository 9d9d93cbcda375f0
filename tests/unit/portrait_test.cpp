// Portrait cards (width < height): card-printer panels turn the face a quarter turn clockwise
// into the printer's landscape frame, whole; PDF pages keep the card's own shape.
#include <gtest/gtest.h>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/fonts.h"
#include "cardface/panels.h"
#include "cardface/print.h"
#include "cardface/template.h"

namespace fs = std::filesystem;
using namespace cardface;

namespace {

const fs::path source_dir = CARDFACE_SOURCE_DIR;

Scene badge() {
  const Template tmpl = Template::load_dir(source_dir / "tests/data/portrait-badge");
  return compose(load_card(source_dir / "samples/eriksson-anna-maria.json"), tmpl,
                 Fonts::bundled());
}

struct Mark {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1, pixels = 0;
  double cx() const { return (x0 + x1) / 2.0; }
  double cy() const { return (y0 + y1) / 2.0; }
};

// The pure red (or blue) marks of an RGB panel, grouped by the quadrant they lie in.
std::vector<Mark> marks(const PanelSet& p, bool blue) {
  std::vector<Mark> quadrant(4);
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const std::uint8_t* c = &p.color[(std::size_t(y) * p.width + x) * 3];
      const bool hit =
          blue ? (c[0] < 40 && c[1] < 40 && c[2] > 215) : (c[0] > 215 && c[1] < 40 && c[2] < 40);
      if (!hit) continue;
      Mark& m = quadrant[(y < p.height / 2 ? 0 : 2) + (x < p.width / 2 ? 0 : 1)];
      m.x0 = std::min(m.x0, x), m.y0 = std::min(m.y0, y);
      m.x1 = std::max(m.x1, x), m.y1 = std::max(m.y1, y);
      ++m.pixels;
    }
  return quadrant;
}

}  // namespace

TEST(Portrait, PanelsHaveThePrintersLandscapeSizeWithTheWholeCardInside) {
  const Scene scene = badge();
  const Face& front = *scene.face(Side::front);
  for (const PrinterProfile& printer : printer_profiles()) {
    SCOPED_TRACE(printer.name);
    const PanelSet p = render_panels(front, printer);
    EXPECT_EQ(p.width, printer.width_px);
    EXPECT_EQ(p.height, printer.height_px);
    EXPECT_GT(p.width, p.height);
    // Four 2 mm marks, one in each corner of the frame, 1 mm in from the card's edges: none
    // cut (each whole, 2 mm = 23.6 px square at 300 dpi) and none touching the frame's edge.
    const double mark_px = 2 / 25.4 * printer.dpi;
    for (const Mark& m : marks(p, false)) {
      ASSERT_GT(m.pixels, 0);
      EXPECT_NEAR(m.x1 - m.x0 + 1, mark_px, 1.5);
      EXPECT_NEAR(m.y1 - m.y0 + 1, mark_px, 1.5);
      EXPECT_GT(m.x0, 0);
      EXPECT_GT(m.y0, 0);
      EXPECT_LT(m.x1, p.width - 1);
      EXPECT_LT(m.y1, p.height - 1);
    }
    // The marks span the card turned: 85.6 - 2 x 2 mm across, 53.98 - 2 x 2 mm down.
    const auto red = marks(p, false);
    EXPECT_NEAR(red[1].cx() - red[0].cx(), (85.6 - 4) / 25.4 * printer.dpi, 2);
    EXPECT_NEAR(red[2].cy() - red[0].cy(), (53.98 - 4) / 25.4 * printer.dpi, 2);
    // A quarter turn clockwise: the card's top-left corner (its second, blue mark beside it,
    // to the right) lands at the frame's top right, the blue mark below the red one.
    const auto blue = marks(p, true);
    EXPECT_GT(blue[1].pixels, 0);
    EXPECT_EQ(blue[0].pixels + blue[2].pixels + blue[3].pixels, 0);
    EXPECT_NEAR(blue[1].cx(), red[1].cx(), 1.5);
    EXPECT_NEAR(blue[1].cy() - red[1].cy(), 3 / 25.4 * printer.dpi, 1.5);
  }
}

TEST(Portrait, OverlayOfACardWithNoOverlayFreeAreaIsAllOverlay) {
  const Scene scene = badge();
  const PanelSet p = render_panels(*scene.face(Side::front), printer_profile("evolis"));
  // 0 = lay the clear overlay down (docs/print.md): every pixel, in the panel's turned frame.
  EXPECT_EQ(std::count(p.overlay.begin(), p.overlay.end(), 0), std::ptrdiff_t(p.overlay.size()));
  // The k panel holds the name only: some resin, most of the frame none.
  const auto resin = std::count(p.k.begin(), p.k.end(), 0);
  EXPECT_GT(resin, 0);
  EXPECT_LT(resin, std::ptrdiff_t(p.k.size() / 20));
}

TEST(Portrait, PdfTrimBoxIsThePortraitCard) {
  const Scene scene = badge();
  const PdfPageGeometry g = pdf_page_geometry(*scene.face(Side::front), PdfOptions{});
  EXPECT_NEAR(g.trim.x1 - g.trim.x0, 53.98 / 25.4 * 72, 0.01);
  EXPECT_NEAR(g.trim.y1 - g.trim.y0, 85.6 / 25.4 * 72, 0.01);
}
