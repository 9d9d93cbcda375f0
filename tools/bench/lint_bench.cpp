// Lint against render, one card at 300 dpi (docs/lint.md quotes the figures):
//   render_cold   what `cardface render CARD.json` does: compose + rasterize + PNG both faces,
//                 a fresh Renderer (no cached layers);
//   render_warm   the same in a batch (layer cache warm);
//   lint          compose + every check, pixels included (a raster pass of each face, the
//                 barcodes decoded back);
//   lint_geometry compose + the checks that need no pixels;
//   rasterize_uncached  both faces through cardface::rasterize (no Renderer, no layer cache).
// Run from the source tree: cardface_lint_bench (the sample is samples/dubois-claire.json).
#include <benchmark/benchmark.h>

#include "cardface/card.h"
#include "cardface/lint.h"
#include "cardface/render.h"
#include "cardface/renderer.h"

namespace {

using namespace cardface;

constexpr int dpi = 300;

const Card& card() {
  static const Card c =
      load_card(std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples/dubois-claire.json");
  return c;
}

void render_cold(benchmark::State& state) {
  for (auto _ : state) {
    const Renderer renderer(default_template(card().type));
    for (const Bitmap& face : renderer.render(card(), {dpi, false}))
      benchmark::DoNotOptimize(encode_png(face));
  }
}

void render_warm(benchmark::State& state) {
  const Renderer renderer(default_template(card().type));
  renderer.render(card(), {dpi, false});
  for (auto _ : state)
    for (const Bitmap& face : renderer.render(card(), {dpi, false}))
      benchmark::DoNotOptimize(encode_png(face));
}

void run_lint(benchmark::State& state, bool pixels) {
  const Renderer renderer(default_template(card().type));
  LintOptions options;
  options.dpi = dpi;
  options.pixels = pixels;
  for (auto _ : state) benchmark::DoNotOptimize(lint(renderer.compose(card()), options));
}

void lint_all(benchmark::State& state) {
  run_lint(state, true);
}
void lint_geometry(benchmark::State& state) {
  run_lint(state, false);
}

}  // namespace

BENCHMARK(render_cold)->Unit(benchmark::kMillisecond);
BENCHMARK(render_warm)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_all)->Name("lint")->Unit(benchmark::kMillisecond);
BENCHMARK(lint_geometry)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
namespace {
void rasterize_uncached(benchmark::State& state) {
  const Renderer renderer(default_template(card().type));
  const Scene scene = renderer.compose(card());
  for (auto _ : state)
    for (const Face& face : scene.faces)
      benchmark::DoNotOptimize(rasterize(face, {int(state.range(0)), false}));
}
}  // namespace
BENCHMARK(rasterize_uncached)->Arg(dpi)->Unit(benchmark::kMillisecond);
