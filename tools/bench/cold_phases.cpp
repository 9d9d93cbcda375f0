// One card from a cold process, phase by phase (tools/bench/run prints it): what a process
// that renders a single card spends before and while drawing. Run it in a fresh process.
//
//   cardface_cold_phases CARD.json DPI [CACHE_DIR]   # no CACHE_DIR: no disk cache
#include <chrono>
#include <cstdio>
#include <string>

#include "cardface/card.h"
#include "cardface/fonts.h"
#include "cardface/render.h"
#include "cardface/renderer.h"
#include "cardface/template.h"

namespace {

using Clock = std::chrono::steady_clock;

class Phases {
 public:
  void mark(const char* name) {
    const auto now = Clock::now();
    std::printf("%s %.1f ms\n", name,
                std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  Clock::time_point last_ = Clock::now();
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: cardface_cold_phases CARD.json DPI [CACHE_DIR]\n");
    return 2;
  }
  Phases phases;
  const int dpi = std::stoi(argv[2]);
  cardface::Fonts fonts = cardface::Fonts::bundled();
  phases.mark("fonts");
  const cardface::Card card = cardface::load_card(argv[1]);
  phases.mark("card");
  cardface::Template tmpl = cardface::default_template(card.type);
  phases.mark("template");
  cardface::RendererOptions options;
  if (argc > 3) options.cache_dir = argv[3];
  const cardface::Renderer renderer(std::move(tmpl), std::move(fonts), options);
  const cardface::Scene first = renderer.compose(card);
  phases.mark("compose_cold");
  const cardface::Scene scene = renderer.compose(card);
  phases.mark("compose_warm");
  std::vector<cardface::Bitmap> faces;
  for (const cardface::Face& face : scene.faces) faces.push_back(renderer.rasterize(face, {dpi}));
  phases.mark("rasterize_cold");
  for (const cardface::Face& face : scene.faces) faces[0] = renderer.rasterize(face, {dpi});
  phases.mark("rasterize_warm");
  std::size_t bytes = 0;
  for (const cardface::Face& face : scene.faces)
    bytes += cardface::encode_png(renderer.rasterize(face, {dpi})).size();
  phases.mark("rasterize_warm_and_encode");
  const cardface::RendererStats s = renderer.stats();
  std::printf("layers drawn %zu, read from disk %zu; %zu PNG bytes\n",
              s.layer_misses - s.disk_reads, s.disk_reads, bytes);
  return 0;
}
