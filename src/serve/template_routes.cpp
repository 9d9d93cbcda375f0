// GET /v1/templates (names and card types), GET /v1/templates/NAME (its template.json, for
// the workbench's editor), PUT /v1/templates/NAME (only with --allow-edit), GET /v1/samples.
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/template.h"
#include "core/paths.h"
#include "serve/problem.h"
#include "serve/request_fields.h"
#include "serve/request_image.h"
#include "serve/service_state.h"

namespace cardface::serve {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Reply templates_route(ServiceState& state) {
  json list = json::array();
  for (const auto& e : state.shelf.list()) {
    json item = {{"name", e.name}, {"card_types", e.card_types}};
    if (!e.error.empty()) item["error"] = e.error;
    list.push_back(item);
  }
  return Reply{200, "application/json",
               json{{"templates", list}, {"editable", state.options.allow_edit}}.dump(), ""};
}

Reply template_json_route(ServiceState& state, const std::string& name) {
  const fs::path dir = state.shelf.dir_of(name, "template");
  const auto text = read_file(dir / "template.json");
  if (!text) throw Refusal(404, "template", "cannot read its template.json");
  return Reply{200, "application/json", *text, ""};
}

Reply save_template_route(ServiceState& state, const std::string& name, const std::string& body) {
  if (!state.options.allow_edit)
    throw Refusal(403, "template",
                  "this server does not save templates (start it with --allow-edit)");
  const fs::path dir = state.shelf.dir_of(name, "template");
  parse_request_json(body, "");
  try {
    Template::parse_json(body, dir, "template.json");  // only a template that loads is saved
  } catch (const Error& e) {
    throw refusal_from(e, "", "");
  }
  // Beside it, then renamed over it: a reader never sees half a file.
  const fs::path file = dir / "template.json";
  const fs::path part = dir / (".template.json." + std::to_string(::getpid()) + ".part");
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << body;
    if (!out.flush()) {
      std::error_code ec;
      fs::remove(part, ec);
      throw Refusal(500, "template", "cannot write template.json");
    }
  }
  std::error_code ec;
  fs::rename(part, file, ec);
  if (ec) {
    fs::remove(part, ec);
    throw Refusal(500, "template", "cannot replace template.json");
  }
  return Reply{200, "application/json", json{{"saved", name}}.dump(), ""};
}

Reply samples_route() {
  // The bundled fictional holders (samples/), each with its photo as base64, for the
  // workbench's picker. Real holder data never comes from the server.
  json list = json::array();
  const fs::path dir = paths::data_root() / "samples";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const auto text = read_file(file);
    if (!text) continue;
    json record = json::parse(*text, nullptr, false);
    if (!record.is_object()) continue;
    json item = {{"name", file.stem().string()}, {"record", record}};
    if (record.contains("photo") && record["photo"].is_string()) {
      const fs::path photo = (dir / record["photo"].get<std::string>()).lexically_normal();
      if (photo.string().rfind(dir.lexically_normal().string(), 0) == 0)
        if (const auto bytes = read_file(photo)) item["photo_base64"] = encode_base64(*bytes);
    }
    list.push_back(item);
  }
  return Reply{200, "application/json", json{{"samples", list}}.dump(), ""};
}

// GET /v1/types: the card types this server knows (bundled, --types folders, the templates'
// own card-type.json), each with what a record of it holds. The source is the file's name
// only: the server's folders are its own business.
Reply types_route() {
  json list = json::array();
  for (const CardTypeSummary& t : card_type_summaries())
    list.push_back({{"name", t.name},
                    {"description", t.description},
                    {"source", t.source.filename().string()},
                    {"fields", describe_card_type(t.name)}});
  return Reply{200, "application/json", json{{"types", list}}.dump(), ""};
}

}  // namespace cardface::serve
