// The workbench's page, script and style, and the OpenAPI document: files under
// src/serve/workbench/ and src/serve/openapi.json built into the binary (cmake/embed.cmake),
// so the server fetches nothing from anywhere and needs no installed files.
#pragma once

#include <cstddef>
#include <string_view>

namespace cardface::serve {

struct Asset {
  std::string_view path;  // as served: "/", "/workbench.js", "/v1/openapi.json"
  std::string_view content_type;
  std::string_view bytes;
};

// nullptr when no asset has that path.
const Asset* find_asset(std::string_view path);

}  // namespace cardface::serve
