// Per-card timings on one thread (tools/bench/run prints them with the throughput figures):
//   encode_floor      PNG-encoding both faces of an already rendered card (the floor);
//   full_render       compose + rasterize (layer cache warm) + PNG-encode both faces, a
//                     different holder each iteration;
//   rasterize_only    the same without encoding; compose_only: compose alone;
//   encode_level/N    both faces at zlib level N: time and bytes (for --png-compression).
// Holders come from the JSON Lines file in CARDFACE_BENCH_HOLDERS (cardface_make_holders);
// 600 dpi, PNG level from CARDFACE_BENCH_PNG_LEVEL (default 1).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cardface/card.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "cardface/renderer.h"

namespace {

using namespace cardface;

constexpr int dpi = 600;

struct Bench {
  std::vector<Card> cards;
  std::unique_ptr<Renderer> renderer;
  int png_level = 1;
};

Bench& bench() {
  static Bench b = [] {
    Bench b;
    const char* file = std::getenv("CARDFACE_BENCH_HOLDERS");
    if (!file) {
      std::cerr << "set CARDFACE_BENCH_HOLDERS to a JSON Lines file of holders\n";
      std::exit(2);
    }
    if (const char* level = std::getenv("CARDFACE_BENCH_PNG_LEVEL")) b.png_level = std::atoi(level);
    std::ifstream in(file);
    std::string line;
    const std::filesystem::path base = std::filesystem::path(file).parent_path();
    while (std::getline(in, line) && b.cards.size() < 200)
      b.cards.push_back(parse_card(line, base));
    b.renderer = std::make_unique<Renderer>(default_template(b.cards.at(0).type));
    b.renderer->render(b.cards[0], {dpi, false});  // the shared layers, once
    return b;
  }();
  return b;
}

void encode_floor(benchmark::State& state) {
  Bench& b = bench();
  const std::vector<Bitmap> faces = b.renderer->render(b.cards[0], {dpi, false});
  for (auto _ : state)
    for (const Bitmap& face : faces) benchmark::DoNotOptimize(encode_png(face, b.png_level));
}

// --png-compression's trade: time and bytes of both faces at each zlib level (filter NONE).
void encode_level(benchmark::State& state) {
  Bench& b = bench();
  const std::vector<Bitmap> faces = b.renderer->render(b.cards[0], {dpi, false});
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const Bitmap& face : faces) bytes += encode_png(face, int(state.range(0))).size();
  }
  state.counters["bytes"] = double(bytes);
}

void full_render(benchmark::State& state) {
  Bench& b = bench();
  std::size_t i = 0;
  for (auto _ : state) {
    const Card& card = b.cards[i++ % b.cards.size()];
    for (const Bitmap& face : b.renderer->render(card, {dpi, false}))
      benchmark::DoNotOptimize(encode_png(face, b.png_level));
  }
}

void rasterize_only(benchmark::State& state) {
  Bench& b = bench();
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(b.renderer->render(b.cards[i++ % b.cards.size()], {dpi, false}));
}

void compose_only(benchmark::State& state) {
  Bench& b = bench();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(b.renderer->compose(b.cards[i++ % b.cards.size()]));
}

BENCHMARK(encode_floor)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(full_render)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(rasterize_only)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(compose_only)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(encode_level)->Unit(benchmark::kMillisecond)->DenseRange(0, 9)->MinTime(1);

}  // namespace

BENCHMARK_MAIN();
