// cardface serve: the render service and the template workbench (docs/serve.md).
#include <thread>

#include "cardface/error.h"
#include "cli/batch_command.h"
#include "cli/commands.h"
#include "serve/serve.h"

namespace cardface::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::vector<std::string> templates;
  std::string token_file;
  int jobs = 0;
  int queue = 0;
  double max_body_mb = 16;
  int max_image_side = 4000;
  int max_records = 100;
  double request_seconds = 30;
  std::string seal_key;
  std::string verify_key;
  bool allow_edit = false;
  bool quiet = false;
  CacheArgs cache;
};

ServeArgs& serve_args() {
  static ServeArgs args;
  return args;
}

}  // namespace

void add_serve(CLI::App& app) {
  ServeArgs& a = serve_args();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve renders over HTTP (JSON API under /v1/) and the template workbench at /");
  cmd->add_option("--listen", a.listen,
                  "HOST:PORT to listen on (loopback by default; port 0: any)");
  cmd->add_option("--templates", a.templates,
                  "A folder of template directories to serve, by name (repeatable; default: the "
                  "bundled templates)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--token-file", a.token_file,
                  "Every API request needs Authorization: Bearer <the file's token> (mode 0600)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-j,--jobs", a.jobs, "Renders at once (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--queue", a.queue,
                  "Requests that may wait for a worker; beyond it 503 (default: 2 x jobs)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--max-body", a.max_body_mb, "Largest request body in MB")
      ->check(CLI::Range(0.01, 1024.0));
  cmd->add_option("--max-image-side", a.max_image_side,
                  "Largest photo or image to verify, pixels on either side")
      ->check(CLI::Range(16, 20000));
  cmd->add_option("--max-records", a.max_records, "Records in one /v1/mrz request")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--request-timeout", a.request_seconds,
                  "Seconds a request may wait and work before 503")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option(
         "--seal-key", a.seal_key,
         "Signs seals when a request asks (\"seal\": {\"sign\": true}); never from a request")
      ->check(CLI::ExistingFile);
  cmd->add_option("--verify-key", a.verify_key,
                  "Certificate or public key /v1/verify checks against (default: --seal-key's)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--allow-edit", a.allow_edit,
                "Let the workbench save a template back to its folder (PUT /v1/templates/NAME)");
  cmd->add_flag("--quiet,-q", a.quiet, "No request log lines on stderr");
  add_types_option(*cmd);
  add_cache_options(*cmd, a.cache);
}

int run_serve() {
  const ServeArgs& a = serve_args();
  load_type_folders();
  serve::ServeOptions o;
  const auto colon = a.listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw Error(ErrorKind::data, "--listen", "must be HOST:PORT, e.g. 127.0.0.1:8080");
  o.host = a.listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']')
    o.host = o.host.substr(1, o.host.size() - 2);
  const std::string port = a.listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
    throw Error(ErrorKind::data, "--listen", "the port must be a number from 0 to 65535");
  o.port = std::stoi(port);
  for (const auto& t : a.templates) o.template_folders.emplace_back(t);
  o.token_file = a.token_file;
  o.workers = a.jobs;
  o.queue = a.queue;
  o.max_body_bytes = static_cast<std::size_t>(a.max_body_mb * 1024 * 1024);
  o.max_image_side = a.max_image_side;
  o.max_records = a.max_records;
  o.request_seconds = a.request_seconds;
  o.seal_key = a.seal_key;
  o.verify_key = a.verify_key;
  o.allow_edit = a.allow_edit;
  o.quiet = a.quiet;
  o.cache_dir = cache_dir_of(a.cache);
  return serve::run(o);
}

}  // namespace cardface::cli
