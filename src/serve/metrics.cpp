#include "serve/metrics.h"

#include <sstream>

namespace cardface::serve {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Latency& l = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++l.buckets[i];
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::exposition(std::size_t in_flight, std::size_t working, int workers, int queue,
                                const RendererStats& cache, std::size_t reloads) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP cardface_requests_total Requests answered, by route and status.\n"
         "# TYPE cardface_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "cardface_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << n << "\n";
  out << "# HELP cardface_request_seconds Time from a request's arrival to its answer.\n"
         "# TYPE cardface_request_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out << "cardface_request_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i]
          << "\"} " << l.buckets[i] << "\n";
    out << "cardface_request_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << l.count
        << "\n";
    out << "cardface_request_seconds_sum{route=\"" << route << "\"} " << l.sum << "\n";
    out << "cardface_request_seconds_count{route=\"" << route << "\"} " << l.count << "\n";
  }
  out << "# HELP cardface_in_flight Requests working or waiting for a worker.\n"
         "# TYPE cardface_in_flight gauge\ncardface_in_flight "
      << in_flight << "\n";
  out << "# HELP cardface_working Requests holding a worker.\n"
         "# TYPE cardface_working gauge\ncardface_working "
      << working << "\n";
  out << "# TYPE cardface_workers gauge\ncardface_workers " << workers << "\n";
  out << "# TYPE cardface_queue_limit gauge\ncardface_queue_limit " << queue << "\n";
  out << "# HELP cardface_layer_cache_hits_total Shared layers taken from a Renderer's cache.\n"
         "# TYPE cardface_layer_cache_hits_total counter\ncardface_layer_cache_hits_total "
      << cache.layer_hits << "\n";
  out << "# TYPE cardface_layer_cache_misses_total counter\ncardface_layer_cache_misses_total "
      << cache.layer_misses << "\n";
  out << "# TYPE cardface_layer_cache_evictions_total counter\n"
         "cardface_layer_cache_evictions_total "
      << cache.layer_evictions << "\n";
  out << "# TYPE cardface_layer_cache_bytes gauge\ncardface_layer_cache_bytes "
      << cache.cached_bytes << "\n";
  out << "# HELP cardface_template_reloads_total Templates loaded again after a change on disk.\n"
         "# TYPE cardface_template_reloads_total counter\ncardface_template_reloads_total "
      << reloads << "\n";
  return out.str();
}

}  // namespace cardface::serve
