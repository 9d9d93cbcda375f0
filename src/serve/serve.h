// cardface serve: the render service and the template workbench over HTTP (docs/serve.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cardface::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (the one taken is printed)
  // Folders holding template directories (FOLDER/NAME/template.json); none: the bundled ones.
  std::vector<std::filesystem::path> template_folders;
  std::filesystem::path token_file;  // set: every API request needs Authorization: Bearer
  int workers = 0;                   // renders at once; 0: one per core
  int queue = 0;                     // requests waiting for a worker; 0: 2 x workers
  std::size_t max_body_bytes = std::size_t{16} << 20;
  int max_image_side = 4000;  // a photo or an image to verify, pixels on either side
  int max_dpi = 1200;
  int max_records = 100;             // records in one /v1/mrz request
  double request_seconds = 30;       // waiting plus working, per request
  std::filesystem::path seal_key;    // signs seals when a request asks to sign
  std::filesystem::path verify_key;  // checks seals in /v1/verify (default: seal_key's public)
  bool allow_edit = false;           // PUT /v1/templates/NAME writes template.json
  bool quiet = false;                // no request log lines
  // The served templates' layer folder (RendererOptions::cache_dir): a restarted server, or
  // several on one machine, take the shared layers from it; empty: memory only.
  std::filesystem::path cache_dir;
};

// Binds, prints "cardface serve: listening on http://HOST:PORT" to stderr, serves until
// SIGINT or SIGTERM. Returns the process exit code. Throws cardface::Error for bad options.
int run(const ServeOptions& options);

}  // namespace cardface::serve
