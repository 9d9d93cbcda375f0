// What the C API costs over the C++ API for one face at 600 dpi (the specimen, the layer cache
// warm): the same work — compose the side, rasterize it through the Renderer, and for *_png
// encode it — called through cardface::Renderer and through cardface.h. Run:
//   build/cardface_capi_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "cardface/card.h"
#include "cardface/cardface.h"
#include "cardface/render.h"
#include "cardface/renderer.h"
#include "cardface/template.h"

namespace {

constexpr int dpi = 600;
const char* const sample = CARDFACE_SOURCE_DIR "/samples/zhengjian-yangben.json";

cardface::Bitmap cpp_face(const cardface::Renderer& renderer, const cardface::Card& card) {
  cardface::ComposeOptions options;
  options.sides = {cardface::Side::front};
  const cardface::Scene scene = renderer.compose(card, options);
  return renderer.rasterize(scene.faces.at(0), {dpi});
}

void cpp_bitmap(benchmark::State& state) {
  const cardface::Renderer renderer(cardface::find_template("fprc-2023"));
  const cardface::Card card = cardface::load_card(sample);
  cpp_face(renderer, card);
  for (auto _ : state) benchmark::DoNotOptimize(cpp_face(renderer, card));
}

void cpp_png(benchmark::State& state) {
  const cardface::Renderer renderer(cardface::find_template("fprc-2023"));
  const cardface::Card card = cardface::load_card(sample);
  cpp_face(renderer, card);
  for (auto _ : state) benchmark::DoNotOptimize(cardface::encode_png(cpp_face(renderer, card)));
}

struct CHandles {
  cardface_renderer* renderer = nullptr;
  cardface_card* card = nullptr;
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  CHandles() {
    if (cardface_renderer_new("fprc-2023", &renderer) != CARDFACE_OK ||
        cardface_card_from_file(sample, &card) != CARDFACE_OK)
      throw std::runtime_error(cardface_last_error_message());
    options.dpi = dpi;
  }
  ~CHandles() {
    cardface_card_free(card);
    cardface_renderer_free(renderer);
  }
};

void c_bitmap(benchmark::State& state) {
  CHandles c;
  cardface_bitmap* first = nullptr;  // the shared layers, once (as cpp_face above)
  cardface_render_bitmap(c.renderer, c.card, CARDFACE_FRONT, &c.options,
                         CARDFACE_ARGB32_PREMULTIPLIED, &first);
  cardface_bitmap_free(first);
  for (auto _ : state) {
    cardface_bitmap* bitmap = nullptr;
    if (cardface_render_bitmap(c.renderer, c.card, CARDFACE_FRONT, &c.options,
                               CARDFACE_ARGB32_PREMULTIPLIED, &bitmap) != CARDFACE_OK)
      state.SkipWithError(cardface_last_error_message());
    benchmark::DoNotOptimize(cardface_bitmap_data(bitmap));
    cardface_bitmap_free(bitmap);
  }
}

void c_png(benchmark::State& state) {
  CHandles c;
  cardface_bytes* first = nullptr;
  cardface_render_png(c.renderer, c.card, CARDFACE_FRONT, &c.options, &first);
  cardface_bytes_free(first);
  for (auto _ : state) {
    cardface_bytes* png = nullptr;
    if (cardface_render_png(c.renderer, c.card, CARDFACE_FRONT, &c.options, &png) != CARDFACE_OK)
      state.SkipWithError(cardface_last_error_message());
    benchmark::DoNotOptimize(cardface_bytes_data(png));
    cardface_bytes_free(png);
  }
}

}  // namespace

BENCHMARK(cpp_bitmap)->Unit(benchmark::kMillisecond);
BENCHMARK(c_bitmap)->Unit(benchmark::kMillisecond);
BENCHMARK(cpp_png)->Unit(benchmark::kMillisecond);
BENCHMARK(c_png)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
