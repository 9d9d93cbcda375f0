// What the C API costs over the C++ API for one face at 600 dpi (the specimen, the layer cache
// warm): the same work — compose the side, rasterize it through the Renderer, and for *_png
// encode it — called through cardface::Renderer and through cardface.h. Run:
//   build/cardface_capi_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <ctime>
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

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The two calls in pairs, alternating which goes first, each timed in this thread's CPU time:
// the counter `c_over_cpp_percent` is the C API's extra time, robust to load on the machine
// drifting between two separate benchmarks.
void paired_bitmap(benchmark::State& state) {
  const cardface::Renderer renderer(cardface::find_template("fprc-2023"));
  const cardface::Card card = cardface::load_card(sample);
  cpp_face(renderer, card);
  CHandles c;
  double cpp_ms = 0, c_ms = 0;
  auto run_cpp = [&] {
    const double t0 = thread_cpu_ms();
    benchmark::DoNotOptimize(cpp_face(renderer, card));
    cpp_ms += thread_cpu_ms() - t0;
  };
  auto run_c = [&] {
    const double t0 = thread_cpu_ms();
    cardface_bitmap* bitmap = nullptr;
    cardface_render_bitmap(c.renderer, c.card, CARDFACE_FRONT, &c.options,
                           CARDFACE_ARGB32_PREMULTIPLIED, &bitmap);
    benchmark::DoNotOptimize(cardface_bitmap_data(bitmap));
    cardface_bitmap_free(bitmap);
    c_ms += thread_cpu_ms() - t0;
  };
  run_c();  // the C handles' renderer: its shared layers, once
  c_ms = 0;
  bool c_first = false;
  for (auto _ : state) {
    if (c_first) {
      run_c();
      run_cpp();
    } else {
      run_cpp();
      run_c();
    }
    c_first = !c_first;
  }
  state.counters["cpp_ms"] = cpp_ms / state.iterations();
  state.counters["c_ms"] = c_ms / state.iterations();
  state.counters["c_over_cpp_percent"] = 100.0 * (c_ms - cpp_ms) / cpp_ms;
}

}  // namespace

BENCHMARK(paired_bitmap)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(cpp_bitmap)->Unit(benchmark::kMillisecond);
BENCHMARK(c_bitmap)->Unit(benchmark::kMillisecond);
BENCHMARK(cpp_png)->Unit(benchmark::kMillisecond);
BENCHMARK(c_png)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
