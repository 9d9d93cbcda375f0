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
  auto single = [&out](const char* name, const char* type, const char* help, std::size_t value) {
    if (*help) out << "# HELP " << name << " " << help << "\n";
    out << "# TYPE " << name << " " << type << "\n" << name << " " << value << "\n";
  };
  single("cardface_in_flight", "gauge", "Requests working or waiting for a worker.", in_flight);
  single("cardface_working", "gauge", "Requests holding a worker.", working);
  single("cardface_workers", "gauge", "", static_cast<std::size_t>(workers));
  single("cardface_queue_limit", "gauge", "", static_cast<std::size_t>(queue));
  single("cardface_layer_cache_hits_total", "counter",
         "Shared layers taken from a Renderer's cache.", cache.layer_hits);
  single("cardface_layer_cache_misses_total", "counter", "", cache.layer_misses);
  single("cardface_layer_cache_evictions_total", "counter", "", cache.layer_evictions);
  single("cardface_layer_cache_bytes", "gauge", "", cache.cached_bytes);
  single("cardface_layer_disk_reads_total", "counter",
         "Shared layers read from the cache folder instead of drawn.", cache.disk_reads);
  single("cardface_layer_disk_writes_total", "counter", "", cache.disk_writes);
  single("cardface_layer_disk_rejected_total", "counter",
         "Cache files that failed a check (drawn instead).", cache.disk_rejected);
  single("cardface_template_reloads_total", "counter",
         "Templates loaded again after a change on disk.", reloads);
  return out.str();
}

}  // namespace cardface::serve
