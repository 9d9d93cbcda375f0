// The HTTP side of cardface serve (cpp-httplib): routes, the bearer token, admission, the
// request log and metrics, the workbench's files. The work itself is in the *_route.cpp files.
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cardface/error.h"
#include "core/paths.h"
#include "serve/problem.h"
#include "serve/service_state.h"
#include "serve/workbench_assets.h"

namespace cardface::serve {
namespace {

using Clock = std::chrono::steady_clock;
using Handler = std::function<Reply(const httplib::Request&, Deadline)>;

std::string read_token(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    throw Error(ErrorKind::file, file.string(), "cannot read the token file");
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    throw Error(ErrorKind::file, file.string(),
                "the token file must be readable by its owner only (chmod 600)");
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string token = buffer.str();
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.size() < 16)
    throw Error(ErrorKind::file, file.string(), "the token must be at least 16 characters");
  return token;
}

std::array<unsigned char, SHA256_DIGEST_LENGTH> digest(const std::string& text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data());
  return out;
}

// Equal digests, compared in constant time: neither the token's bytes nor its length leak
// through the time a refusal takes.
bool token_matches(const httplib::Request& req, const std::string& token) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (header.compare(0, prefix.size(), prefix) != 0) return false;
  const auto given = digest(header.substr(prefix.size()));
  const auto expected = digest(token);
  return CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

// The client's X-Request-Id when it is a plain token, else one of ours.
std::string request_id(const httplib::Request& req) {
  static std::atomic<unsigned long> counter{0};
  const std::string given = req.get_header_value("X-Request-Id");
  const bool plain =
      !given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
  if (plain) return given;
  std::ostringstream id;
  id << std::hex << ::getpid() << "-" << ++counter;
  return id.str();
}

void write_reply(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (!reply.filename.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
  res.set_content(reply.body, reply.content_type.c_str());
}

Reply refusal_reply(const Refusal& r, httplib::Response& res) {
  if (r.retry_after_s() > 0) res.set_header("Retry-After", std::to_string(r.retry_after_s()));
  if (r.status() == 401) res.set_header("WWW-Authenticate", "Bearer");
  return Reply{r.status(), "application/json", r.body().dump(), ""};
}

class Service {
 public:
  explicit Service(const ServeOptions& options) : state_(options) {
    if (!options.token_file.empty()) token_ = read_token(options.token_file);
  }

  // A route: `guarded` needs the token when the server has one; `working` holds a worker
  // (or waits in the bounded queue) while it runs. POST /v1/lint and GET /v1/types join
  // here as one line each once `lint` (#12) and card types as data (#11) are in the library.
  void add(const std::string& method, const std::string& pattern, bool guarded, bool working,
           Handler handler) {
    auto wrapped = [this, route = method + " " + pattern, guarded, working,
                    handler = std::move(handler)](const httplib::Request& req,
                                                  httplib::Response& res) {
      const auto start = Clock::now();
      const Deadline deadline =
          start +
          std::chrono::milliseconds(static_cast<long long>(state_.options.request_seconds * 1000));
      const std::string id = request_id(req);
      Reply reply;
      try {
        if (guarded && !token_.empty() && !token_matches(req, token_))
          throw Refusal(401, "Authorization",
                        "this server needs its token: Authorization: Bearer <token>");
        if (working) {
          const Admission::Ticket ticket = state_.admission.enter(deadline);
          state_.workers.run([&] { reply = handler(req, deadline); });
        } else {
          reply = handler(req, deadline);
        }
      } catch (const Refusal& r) {
        reply = refusal_reply(r, res);
      } catch (const Error& e) {
        reply = refusal_reply(refusal_from(e, "", ""), res);
      } catch (const std::bad_alloc&) {
        reply = refusal_reply(Refusal(503, "server", "out of memory"), res);
      } catch (const std::exception& e) {
        reply = refusal_reply(Refusal(500, "server", e.what()), res);
      }
      res.set_header("X-Request-Id", id);
      write_reply(res, reply);
      finish(id, route, reply.status, start);
    };
    if (method == "GET") server_.Get(pattern, wrapped);
    if (method == "POST") server_.Post(pattern, wrapped);
    if (method == "PUT") server_.Put(pattern, wrapped);
  }

  void add_routes() {
    add("GET", "/healthz", false, false, [](const httplib::Request&, Deadline) {
      return Reply{200, "text/plain", "ok\n", ""};
    });
    add("GET", "/metrics", true, false, [this](const httplib::Request&, Deadline) {
      return Reply{
          200, "text/plain; version=0.0.4",
          state_.metrics.exposition(state_.admission.in_flight(), state_.admission.working(),
                                    state_.admission.workers(), state_.admission.queue(),
                                    state_.shelf.stats(), state_.shelf.reloads()),
          ""};
    });
    add("GET", "/v1/openapi.json", true, false,
        [](const httplib::Request& req, Deadline) { return asset_reply(req.path); });
    add("GET", "/v1/templates", true, false,
        [this](const httplib::Request&, Deadline) { return templates_route(state_); });
    add("GET", R"(/v1/templates/([^/]+))", true, false,
        [this](const httplib::Request& req, Deadline) {
          return template_json_route(state_, req.matches[1]);
        });
    add("PUT", R"(/v1/templates/([^/]+))", true, true,
        [this](const httplib::Request& req, Deadline) {
          return save_template_route(state_, req.matches[1], req.body);
        });
    add("GET", "/v1/samples", true, false,
        [](const httplib::Request&, Deadline) { return samples_route(); });
    // A render or lint request: its JSON body, or multipart with parts "request" and "photo".
    // (Not a structured binding: clang 14 cannot capture one in a lambda.)
    for (const auto& entry :
         {std::pair{"/v1/render", &render_route}, std::pair{"/v1/lint", &lint_route}}) {
      const auto route = entry.second;
      add("POST", entry.first, true, true,
          [this, route](const httplib::Request& req, Deadline deadline) {
            if (!req.is_multipart_form_data()) return route(state_, req.body, nullptr, deadline);
            if (!req.has_file("request"))
              throw Refusal(400, "request",
                            "a multipart request needs a part \"request\" (its JSON)");
            const std::string request = req.get_file_value("request").content;
            if (!req.has_file("photo")) return route(state_, request, nullptr, deadline);
            const std::string photo = req.get_file_value("photo").content;
            return route(state_, request, &photo, deadline);
          });
    }
    add("GET", "/v1/types", true, false,
        [](const httplib::Request&, Deadline) { return types_route(); });
    add("POST", "/v1/mrz", true, true,
        [this](const httplib::Request& req, Deadline) { return mrz_route(state_, req.body); });
    add("POST", "/v1/verify", true, true, [this](const httplib::Request& req, Deadline) {
      if (!req.is_multipart_form_data()) return verify_route(state_, req.body, nullptr);
      if (!req.has_file("image"))
        throw Refusal(400, "image", "a multipart verify needs a part \"image\"");
      const std::string image = req.get_file_value("image").content;
      if (!req.has_file("record")) return verify_route(state_, image, nullptr);
      const std::string record = req.get_file_value("record").content;
      return verify_route(state_, image, &record);
    });
    // The workbench: a page and its files, no data in them, so no token to fetch them (the
    // page asks for the token and sends it with every API call).
    for (const char* path : {"/", "/workbench.js", "/workbench.css"})
      add("GET", path, false, false,
          [](const httplib::Request& req, Deadline) { return asset_reply(req.path); });
    // The bundled Han face, so the editors show Chinese names the card prints (a browser on a
    // server may have no CJK font). One fixed file of fonts/, never a name from the request.
    add("GET", "/workbench-han.otf", false, false, [](const httplib::Request&, Deadline) {
      std::ifstream in(paths::fonts_dir() / "NotoSansSC-Regular.otf", std::ios::binary);
      if (!in) throw Refusal(404, "path", "no such file");
      std::stringstream bytes;
      bytes << in.rdbuf();
      Reply reply{200, "font/otf", bytes.str(), ""};
      return reply;
    });
  }

  int run() {
    const ServeOptions& o = state_.options;
    server_.new_task_queue = [n = o.workers + o.queue + 32] { return new httplib::ThreadPool(n); };
    server_.set_payload_max_length(o.max_body_bytes);
    server_.set_keep_alive_max_count(100);
    server_.set_keep_alive_timeout(2);
    server_.set_read_timeout(10);
    server_.set_write_timeout(10);
    server_.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) {
          // Refusals httplib makes before any route runs: an unknown path, a body over the limit.
          // A route's own refusal has its body already.
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Handled;
          const auto start = Clock::now();
          Reply reply;
          if (res.status == 413)
            reply = refusal_reply(Refusal(413, "body",
                                          "over this server's limit of " +
                                              std::to_string(state_.options.max_body_bytes >> 20) +
                                              " MB (--max-body)"),
                                  res);
          else if (res.status == 404)
            reply =
                refusal_reply(Refusal(404, "path", "no such route (see /v1/openapi.json)"), res);
          else
            reply = refusal_reply(Refusal(res.status, "request", "malformed HTTP request"), res);
          write_reply(res, reply);
          finish(request_id(req), req.method + " (unrouted)", reply.status, start);
          return httplib::Server::HandlerResponse::Handled;
        }));
    add_routes();

    const auto colon = o.host.find(':');
    const std::string shown = colon == std::string::npos ? o.host : "[" + o.host + "]";
    // Debian's httplib listens with a backlog of 5: a burst of clients beyond it would see
    // resets instead of waiting or getting a 503. Remember the socket to raise it after bind.
    int listening = -1;
    server_.set_socket_options([&listening](socket_t sock) {
      listening = sock;
      httplib::default_socket_options(sock);
    });
    int port = o.port;
    if (port == 0) {
      port = server_.bind_to_any_port(o.host);
      if (port < 0) port = 0;
    } else if (!server_.bind_to_port(o.host, port)) {
      port = 0;
    }
    if (port <= 0)
      throw Error(ErrorKind::file, o.host + ":" + std::to_string(o.port),
                  "cannot listen there (in use, or not an address of this machine)");
    if (listening >= 0) ::listen(listening, SOMAXCONN);
    const bool loopback = o.host == "127.0.0.1" || o.host == "::1" || o.host == "localhost";
    if (!loopback && token_.empty())
      std::cerr << "cardface serve: warning: listening beyond loopback with no --token-file\n";
    std::cerr << "cardface serve: listening on http://" << shown << ":" << port << " ("
              << state_.admission.workers() << " workers, queue " << state_.admission.queue() << ")"
              << std::endl;
    server_.listen_after_bind();
    return 0;
  }

  void stop() { server_.stop(); }

 private:
  static Reply asset_reply(const std::string& path) {
    const Asset* asset = find_asset(path);
    if (!asset) throw Refusal(404, "path", "no such file");
    std::string type(asset->content_type);
    if (type.rfind("text/", 0) == 0) type += "; charset=utf-8";
    return Reply{200, type, std::string(asset->bytes), ""};
  }

  // One log line a request: its id, route, status and time; never a body, so never holder
  // data or key material.
  void finish(const std::string& id, const std::string& route, int status,
              Clock::time_point start) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    state_.metrics.record(route, status, seconds);
    if (state_.options.quiet) return;
    std::ostringstream line;
    line << "cardface serve: id=" << id << " route=\"" << route << "\" status=" << status
         << " ms=" << std::fixed << std::setprecision(1) << seconds * 1000 << "\n";
    std::cerr << line.str() << std::flush;
  }

  ServiceState state_;
  httplib::Server server_;
  std::string token_;
};

}  // namespace

std::shared_ptr<const Renderer> EditedTemplates::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  for (auto it = recent_.begin(); it != recent_.end(); ++it)
    if (it->first == key) {
      recent_.splice(recent_.begin(), recent_, it);
      return recent_.front().second;
    }
  return nullptr;
}

void EditedTemplates::keep(const std::string& key, std::shared_ptr<const Renderer> renderer) {
  std::lock_guard lock(mutex_);
  recent_.emplace_front(key, std::move(renderer));
  if (recent_.size() > kKept) recent_.pop_back();
}

namespace {

ServeOptions completed(ServeOptions o) {
  if (o.workers <= 0)
    o.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (o.queue <= 0) o.queue = 2 * o.workers;
  if (o.template_folders.empty()) o.template_folders.push_back(paths::templates_dir());
  return o;
}

}  // namespace

ServiceState::ServiceState(const ServeOptions& o)
    : options(completed(o)),
      shelf(options.template_folders, RendererOptions{.cache_dir = options.cache_dir}),
      admission(options.workers, options.queue),
      workers(options.workers) {
  for (const auto& folder : options.template_folders)
    if (!std::filesystem::is_directory(folder))
      throw Error(ErrorKind::file, folder.string(), "--templates: not a directory");
  if (!options.seal_key.empty())
    seal_key = std::make_shared<const SealKey>(SealKey::load_pem(options.seal_key));
  if (!options.verify_key.empty())
    verify_key = SealPublicKey::load_pem(options.verify_key);
  else if (!options.seal_key.empty())
    verify_key = SealPublicKey::load_pem(options.seal_key);
}

void check_deadline(const ServiceState& state, Deadline deadline) {
  if (Clock::now() > deadline)
    throw Refusal(
        503,
        {{"", "server",
          "the request took longer than this server's " +
              std::to_string(static_cast<int>(state.options.request_seconds)) + " s limit"}},
        1);
}

int run(const ServeOptions& options) {
  // SIGINT and SIGTERM stop the server from a thread of its own (httplib's stop() is not
  // async-signal-safe): blocked here, before any thread starts, so every thread inherits it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  Service service(options);
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    service.stop();
  });
  int code = 0;
  try {
    code = service.run();
  } catch (...) {
    stopper.detach();
    throw;
  }
  stopper.detach();
  std::cerr << "cardface serve: stopped\n";
  return code;
}

}  // namespace cardface::serve
