// What every route of one server shares: its options, templates, keys, limits and counters.
#pragma once

#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "cardface/renderer.h"
#include "cardface/seal.h"
#include "serve/admission.h"
#include "serve/metrics.h"
#include "serve/serve.h"
#include "serve/template_shelf.h"
#include "serve/worker_pool.h"

namespace cardface::serve {

// What a route answers with.
struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string filename;  // set: Content-Disposition: attachment
};

// Renderers for templates edited in the workbench (template JSON in the request), keyed by
// the template's text: the next edit of the record reuses the warm one.
class EditedTemplates {
 public:
  std::shared_ptr<const Renderer> find(const std::string& key);
  void keep(const std::string& key, std::shared_ptr<const Renderer> renderer);

 private:
  static constexpr std::size_t kKept = 4;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const Renderer>>> recent_;
};

struct ServiceState {
  explicit ServiceState(const ServeOptions& o);

  ServeOptions options;
  TemplateShelf shelf;
  Admission admission;
  WorkerPool workers;
  Metrics metrics;
  EditedTemplates edited;
  std::shared_ptr<const SealKey> seal_key;
  std::optional<SealPublicKey> verify_key;
};

using Deadline = std::chrono::steady_clock::time_point;
// Refusal 503 once the request's time is up (checked between the steps of a render).
void check_deadline(const ServiceState& state, Deadline deadline);

// The routes' work, each from the request's parts (no HTTP types: tests and benchmarks
// can call them directly).
Reply render_route(ServiceState& state, const std::string& request_json,
                   const std::string* photo_part, Deadline deadline);
Reply lint_route(ServiceState& state, const std::string& request_json,
                 const std::string* photo_part, Deadline deadline);
Reply mrz_route(ServiceState& state, const std::string& request_json);
Reply types_route();
Reply verify_route(ServiceState& state, const std::string& image, const std::string* record_json);
Reply templates_route(ServiceState& state);
Reply template_json_route(ServiceState& state, const std::string& name);
Reply save_template_route(ServiceState& state, const std::string& name, const std::string& body);
Reply samples_route();

}  // namespace cardface::serve
