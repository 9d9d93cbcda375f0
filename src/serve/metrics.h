// Prometheus text exposition of what the server did: requests by route and status, their
// latencies (a histogram), requests in flight, and the Renderers' layer-cache counters.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "cardface/renderer.h"

namespace cardface::serve {

class Metrics {
 public:
  void record(const std::string& route, int status, double seconds);
  // `in_flight` and `working` are read from the Admission at scrape time.
  std::string exposition(std::size_t in_flight, std::size_t working, int workers, int queue,
                         const RendererStats& cache, std::size_t reloads) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,  1.0,   2.5,  5.0};
  struct Latency {
    std::array<std::size_t, kBuckets.size()> buckets{};
    std::size_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::size_t> requests_;
  std::map<std::string, Latency> latency_;
};

}  // namespace cardface::serve
