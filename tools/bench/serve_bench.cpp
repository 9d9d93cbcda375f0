// cardface serve's speed over HTTP on loopback (tools/bench/serve prints it beside the
// batch command's rate in the same run):
//   serve_face/DPI     one client, warm server: a different holder's front face per request;
//                      p50/p99 latency in ms as counters;
//   serve_card/DPI     the same, both faces (a zip): the back is drawn beside the front
//   serve_clients/16   16 clients at once, both faces at 600 dpi PNG per card: cards/s;
//   encode_face/DPI    PNG-encoding (level 1) an already rendered front face in process: the
//                      floor a warm face's latency is set against.
// CARDFACE_SERVE_URL: a running `cardface serve`; CARDFACE_BENCH_HOLDERS: JSON Lines holders
// (cardface_make_holders), photos relative to the file.
#include <benchmark/benchmark.h>
#include <httplib.h>
#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cardface/card.h"
#include "cardface/render.h"
#include "cardface/renderer.h"

namespace {

using nlohmann::json;

struct Holders {
  std::vector<json> records;  // each with photo_base64 beside it
  std::vector<std::string> photos;
  std::string host;
  int port = 0;
};

std::string base64(const std::string& bytes) {
  std::string out((bytes.size() + 2) / 3 * 4, '\0');
  EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                  reinterpret_cast<const unsigned char*>(bytes.data()),
                  static_cast<int>(bytes.size()));
  return out;
}

const Holders& holders() {
  static Holders h = [] {
    Holders h;
    const char* file = std::getenv("CARDFACE_BENCH_HOLDERS");
    const char* url = std::getenv("CARDFACE_SERVE_URL");
    if (!file || !url) {
      std::cerr << "set CARDFACE_BENCH_HOLDERS and CARDFACE_SERVE_URL (http://127.0.0.1:PORT)\n";
      std::exit(2);
    }
    const std::string u = url;
    const auto colon = u.rfind(':');
    h.host = u.substr(7, colon - 7);
    h.port = std::stoi(u.substr(colon + 1));
    std::ifstream in(file);
    const auto dir = std::filesystem::path(file).parent_path();
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      json record = json::parse(line);
      std::ifstream photo(dir / record["photo"].get<std::string>(), std::ios::binary);
      std::stringstream bytes;
      bytes << photo.rdbuf();
      h.photos.push_back(base64(bytes.str()));
      h.records.push_back(std::move(record));
    }
    return h;
  }();
  return h;
}

std::string render_body(std::size_t i, const char* sides, int dpi) {
  const Holders& h = holders();
  const std::size_t k = i % h.records.size();
  return json{
      {"record", h.records[k]}, {"photo_base64", h.photos[k]}, {"sides", sides}, {"dpi", dpi}}
      .dump();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

void serve_sides(benchmark::State& state, const char* sides) {
  const int dpi = static_cast<int>(state.range(0));
  httplib::Client client(holders().host, holders().port);
  client.set_read_timeout(120);
  // Warm: the template's shared layers at this dpi are rendered once, before timing.
  client.Post("/v1/render", render_body(0, sides, dpi), "application/json");
  std::vector<double> ms;
  std::size_t i = 1;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto reply = client.Post("/v1/render", render_body(i++, sides, dpi), "application/json");
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (!reply || reply->status != 200) state.SkipWithError("render failed");
  }
  state.counters["p50_ms"] = percentile(ms, 0.5);
  state.counters["p99_ms"] = percentile(ms, 0.99);
}

void serve_face(benchmark::State& state) {
  serve_sides(state, "front");
}
void serve_card(benchmark::State& state) {
  serve_sides(state, "both");
}

void serve_clients(benchmark::State& state) {
  const int clients = static_cast<int>(state.range(0));
  const int cards_each = 6;
  for (auto _ : state) {
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
      threads.emplace_back([c, &failed] {
        httplib::Client client(holders().host, holders().port);
        client.set_read_timeout(300);
        for (int j = 0; j < cards_each;) {
          auto reply = client.Post("/v1/render", render_body(c * cards_each + j, "both", 600),
                                   "application/json");
          if (reply && reply->status == 503) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;  // busy: the bounded queue said so; ask again
          }
          if (!reply || reply->status != 200) ++failed;
          ++j;
        }
      });
    for (auto& t : threads) t.join();
    if (failed) state.SkipWithError("renders failed");
  }
  state.counters["cards_per_s"] = benchmark::Counter(
      static_cast<double>(clients * cards_each) * state.iterations(), benchmark::Counter::kIsRate);
}

void encode_face(benchmark::State& state) {
  const int dpi = static_cast<int>(state.range(0));
  const cardface::Renderer renderer(cardface::find_template("fprc-2023"));
  const auto& h = holders();
  const cardface::Card card = cardface::parse_card(
      std::string(h.records[0].dump()),
      std::filesystem::path(std::getenv("CARDFACE_BENCH_HOLDERS")).parent_path());
  const auto faces = renderer.render(card, {dpi, false}, {cardface::Side::front});
  for (auto _ : state) benchmark::DoNotOptimize(cardface::encode_png(faces[0], 1));
}

}  // namespace

BENCHMARK(serve_face)->Arg(300)->Arg(600)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(serve_card)->Arg(600)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(serve_clients)->Arg(16)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(encode_face)->Arg(300)->Arg(600)->Unit(benchmark::kMillisecond)->MinTime(1);
BENCHMARK_MAIN();
