// POST /v1/render: a record (and its photo) through a served template to PNG, PDF, SVG or
// card-printer panels; the same library calls as `cardface render`, so the same bytes.
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/lint.h"
#include "cardface/panels.h"
#include "cardface/print.h"
#include "cardface/render.h"
#include "serve/card_archive.h"
#include "serve/problem.h"
#include "serve/request_fields.h"
#include "serve/request_image.h"
#include "serve/service_state.h"

namespace cardface::serve {
namespace {

using nlohmann::json;

struct RenderOrder {
  std::string template_name;
  const json* template_json = nullptr;
  const json* record = nullptr;
  std::optional<std::string> photo_base64;
  std::vector<Side> sides;
  int dpi = 600;
  std::string format = "png";
  bool show_uv = false;
  bool debug_layout = false;
  double bleed_mm = -1;  // unset: 2 mm for PDF, 0 for panels (as the CLI)
  bool crop_marks = false;
  std::string printer = "exact";
  int png_compression = 1;
  bool sign = false;
  std::optional<Date> seal_date;
};

// `lint` takes the same request as render; its record is optional (the static parts alone).
RenderOrder read_order(const json& request, const ServiceState& state, bool lint = false) {
  RenderOrder o;
  RequestFields f(request, "");
  if (auto name = f.text("template")) o.template_name = *name;
  o.template_json = f.object("template_json");
  o.record = f.object("record");
  if (!lint && !o.record && !request.contains("record"))
    f.add("record", "required: the holder's record");
  if (lint && !o.record && o.template_name.empty())
    f.add("template", "required when no record is given (a record names its card type)");
  o.photo_base64 = f.text("photo_base64");
  const std::string side = f.choice("sides", {"front", "back", "both"}, "both");
  o.sides = side == "front"  ? std::vector{Side::front}
            : side == "back" ? std::vector{Side::back}
                             : std::vector{Side::front, Side::back};
  o.dpi = f.integer("dpi", 50, state.options.max_dpi, 600);
  o.format = f.choice("format", {"png", "pdf", "svg", "panels"}, "png");
  o.show_uv = f.flag("show_uv");
  o.debug_layout = f.flag("debug_layout");
  o.bleed_mm = f.number("bleed_mm", 0, 20, -1);
  o.crop_marks = f.flag("crop_marks");
  o.printer = f.choice("printer", {"exact", "evolis", "zebra"}, "exact");
  o.png_compression = f.integer("png_compression", 0, 9, 1);
  if (const json* seal = f.object("seal")) {
    RequestFields s(*seal, "/seal");
    o.sign = s.flag("sign");
    if (auto date = s.text("date")) {
      o.seal_date = Date::parse_iso(*date);
      if (!o.seal_date) s.add("date", "must be a date YYYY-MM-DD");
    }
    s.finish();
  }
  // The CLI's rules for its print options, by the request's field names.
  if (o.crop_marks && o.format != "pdf") f.add("crop_marks", "needs format pdf");
  if (o.bleed_mm >= 0 && o.format != "pdf" && o.format != "panels")
    f.add("bleed_mm", "needs format pdf or panels (PNG and SVG show the trim)");
  if (request.contains("printer") && o.format != "panels") f.add("printer", "needs format panels");
  if (o.debug_layout && o.format == "panels")
    f.add("debug_layout", "is for PNG, PDF and SVG, not panels");
  if (o.show_uv && o.format != "png") f.add("show_uv", "is a PNG preview");
  f.finish();
  if (o.sign && !state.seal_key)
    throw Refusal(422, "/seal/sign", "this server has no seal key (start it with --seal-key)");
  return o;
}

// The request's photo: the multipart part or photo_base64 (not both), checked and decoded.
void take_photo(std::optional<RequestPhoto>& photo, const RenderOrder& o,
                const std::string* photo_part, const ServiceState& state) {
  if (photo_part && o.photo_base64)
    throw Refusal(400, "/photo_base64",
                  "send the photo once: as the multipart part \"photo\" or as photo_base64");
  if (photo_part)
    photo.emplace(*photo_part, state.options.max_image_side, "photo");
  else if (o.photo_base64)
    photo.emplace(decode_base64(*o.photo_base64, "/photo_base64"), state.options.max_image_side,
                  "/photo_base64");
}

// The request's record as a Card. A record names its photo by path in a file; a request
// sends the photo's bytes instead, and no path from a request is ever opened.
Card read_record(const json& record, const RequestPhoto* photo) {
  json copy = record;
  if (photo) {
    copy["photo"] = photo->path();
  } else if (copy.contains("photo")) {
    throw Refusal(422, "/record/photo",
                  "the server opens no file a request names: send the photo's bytes as the "
                  "multipart part \"photo\" or as photo_base64");
  }
  try {
    return parse_card(copy.dump(), "/");
  } catch (const Error& e) {
    throw refusal_from(e, "/record", "/template");
  }
}

std::shared_ptr<const Renderer> renderer_for(ServiceState& state, const RenderOrder& o,
                                             const std::string& name) {
  if (!o.template_json) return state.shelf.renderer(name, "/template");
  const std::string text = o.template_json->dump();
  const std::string key = name + "\n" + text;
  if (auto warm = state.edited.find(key)) return warm;
  std::shared_ptr<const Renderer> renderer;
  try {
    renderer = std::make_shared<const Renderer>(
        Template::parse_json(text, state.shelf.dir_of(name, "/template"), "template.json"));
  } catch (const Error& e) {
    throw refusal_from(e, "/record", "/template_json");
  }
  state.edited.keep(key, renderer);
  return renderer;
}

// PNG faces: the first on this thread, the others offered to idle workers meanwhile (a card's
// back beside its front when the server has a core to spare; the same bytes either way).
std::vector<ArchiveEntry> png_faces(const Renderer& renderer, const Scene& scene,
                                    const RenderOrder& o, ServiceState& state, Deadline deadline) {
  std::vector<ArchiveEntry> files(scene.faces.size());
  auto draw = [&](std::size_t i) {
    const Bitmap bitmap =
        renderer.rasterize(scene.faces[i], RasterOptions{o.dpi, o.show_uv, o.debug_layout});
    check_deadline(state, deadline);
    files[i] = {std::string(to_string(scene.faces[i].side)) + ".png",
                encode_png(bitmap, o.png_compression)};
  };
  std::vector<std::shared_ptr<WorkerPool::Shared>> others;
  for (std::size_t i = 1; i < scene.faces.size(); ++i)
    others.push_back(state.workers.share([&draw, i] { draw(i); }));
  try {
    if (!scene.faces.empty()) draw(0);
    for (auto& other : others) other->join();
  } catch (...) {
    for (auto& other : others) other->abandon();  // no worker still writes into `files`
    throw;
  }
  return files;
}

std::vector<ArchiveEntry> render_files(const Renderer& renderer, const Scene& scene,
                                       const RenderOrder& o, ServiceState& state,
                                       Deadline deadline) {
  if (o.format == "png") return png_faces(renderer, scene, o, state, deadline);
  std::vector<ArchiveEntry> files;
  if (o.format == "pdf") {
    PdfOptions options;
    options.bleed_mm = o.bleed_mm >= 0 ? o.bleed_mm : 2.0;
    options.crop_marks = o.crop_marks;
    options.debug_layout = o.debug_layout;
    files.push_back({"card.pdf", render_pdf(scene, options)});
    return files;
  }
  for (const Face& face : scene.faces) {
    const std::string side = to_string(face.side);
    if (o.format == "svg") {
      files.push_back({side + ".svg", render_svg(face, SvgOptions{o.debug_layout})});
    } else {  // panels
      PanelOptions options;
      options.bleed_mm = o.bleed_mm >= 0 ? o.bleed_mm : 0;
      for (PanelPng& p :
           encode_panel_pngs(render_panels(face, printer_profile(o.printer), options)))
        files.push_back({side + "-" + p.panel + ".png", std::move(p.png)});
    }
    check_deadline(state, deadline);
  }
  return files;
}

}  // namespace

Reply render_route(ServiceState& state, const std::string& request_json,
                   const std::string* photo_part, Deadline deadline) {
  const json request = parse_request_json(request_json, photo_part ? "request" : "");
  const RenderOrder o = read_order(request, state);
  std::optional<RequestPhoto> photo;
  take_photo(photo, o, photo_part, state);
  const Card card = read_record(*o.record, photo ? &*photo : nullptr);
  const std::string name =
      o.template_name.empty() ? state.shelf.default_for(card.type) : o.template_name;
  const auto renderer = renderer_for(state, o, name);

  ComposeOptions compose_options;
  compose_options.sides = o.sides;
  if (photo) compose_options.photo = photo->pixels();
  if (o.sign) compose_options.seal.key = state.seal_key;
  compose_options.seal.signature_date = o.seal_date;
  std::vector<ArchiveEntry> files;
  try {
    const Scene scene = renderer->compose(card, compose_options);
    check_deadline(state, deadline);
    files = render_files(*renderer, scene, o, state, deadline);
  } catch (const Error& e) {
    throw refusal_from(e, "/record", o.template_json ? "/template_json" : "/template");
  }

  Reply reply;
  if (files.size() == 1) {
    const std::string& file = files.front().name;
    reply.content_type = o.format == "pdf"   ? "application/pdf"
                         : o.format == "svg" ? "image/svg+xml"
                                             : "image/png";
    reply.filename = file;
    reply.body.assign(files.front().bytes.begin(), files.front().bytes.end());
  } else {
    reply.content_type = "application/zip";
    reply.filename = "card.zip";
    reply.body = zip_archive(files);
  }
  return reply;
}

// POST /v1/lint: the render request's record and template through the layout checks
// (docs/lint.md) instead of a backend: every finding as JSON, never a holder's value.
Reply lint_route(ServiceState& state, const std::string& request_json,
                 const std::string* photo_part, Deadline deadline) {
  const json request = parse_request_json(request_json, photo_part ? "request" : "");
  const RenderOrder o = read_order(request, state, true);
  std::optional<RequestPhoto> photo;
  take_photo(photo, o, photo_part, state);
  std::optional<Card> card;
  if (o.record) card = read_record(*o.record, photo ? &*photo : nullptr);
  const std::string name =
      o.template_name.empty() ? state.shelf.default_for(card->type) : o.template_name;
  const auto renderer = renderer_for(state, o, name);

  ComposeOptions compose_options;
  compose_options.sides = o.sides;
  if (photo) compose_options.photo = photo->pixels();
  if (!card) {
    card.emplace();
    card->type = renderer->tmpl().card_types().front();
    compose_options.static_only = true;
  }
  LintOptions options;
  options.dpi = o.dpi;
  std::vector<Finding> findings;
  try {
    const Scene scene = renderer->compose(*card, compose_options);
    check_deadline(state, deadline);
    findings = lint(scene, options);
  } catch (const Error& e) {
    throw refusal_from(e, "/record", o.template_json ? "/template_json" : "/template");
  }
  json out = json::array();
  int errors = 0;
  for (const Finding& f : findings) {
    json one = {{"side", to_string(f.side)},
                {"element", f.element},
                {"rule", f.rule},
                {"severity", to_string(f.severity)},
                {"reason", f.reason}};
    if (f.area) one["area_mm"] = {f.area->x, f.area->y, f.area->width, f.area->height};
    errors += f.severity == Severity::error;
    out.push_back(std::move(one));
  }
  const json body = {
      {"findings", out}, {"errors", errors}, {"warnings", int(findings.size()) - errors}};
  return Reply{200, "application/json", body.dump(), ""};
}

}  // namespace cardface::serve
