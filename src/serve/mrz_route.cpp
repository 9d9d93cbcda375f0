// POST /v1/mrz: a record's TD1 lines through a served template, or a check of three lines.
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/mrz.h"
#include "serve/problem.h"
#include "serve/request_fields.h"
#include "serve/request_image.h"
#include "serve/service_state.h"

namespace cardface::serve {
namespace {

using nlohmann::json;

// A record for its MRZ: the photo plays no part; a stand-in takes its place, unread.
json mrz_lines(ServiceState& state, const std::string& template_name, const json& record,
               const std::string& pointer) {
  json copy = record;
  const RequestPhoto stand_in = RequestPhoto::stand_in();
  copy["photo"] = stand_in.path();
  try {
    const Card card = parse_card(copy.dump(), "/");
    const std::string name =
        template_name.empty() ? state.shelf.default_for(card.type) : template_name;
    const auto renderer = state.shelf.renderer(name, "/template");
    const auto lines = machine_readable_zone(card, renderer->tmpl());
    return {{"lines", json(lines)}};
  } catch (const Error& e) {
    throw refusal_from(e, pointer, "/template");
  }
}

}  // namespace

Reply mrz_route(ServiceState& state, const std::string& request_json) {
  const json request = parse_request_json(request_json, "");
  RequestFields f(request, "");
  const std::string template_name = f.text("template").value_or("");
  const json* record = f.object("record");
  const json* records = f.array("records");
  const json* check = f.array("check");
  const int given = (record ? 1 : 0) + (records ? 1 : 0) + (check ? 1 : 0);
  if (given != 1) f.add("", "give exactly one of record, records or check");
  if (records && records->size() > static_cast<std::size_t>(state.options.max_records))
    f.add("records", "at most " + std::to_string(state.options.max_records) +
                         " records in one request (this server's --max-records)");
  if (check && (check->size() != 3 || !std::all_of(check->begin(), check->end(),
                                                   [](const json& l) { return l.is_string(); })))
    f.add("check", "must be the three MRZ lines as strings");
  f.finish();

  json out;
  if (check) {
    const auto faults =
        check_machine_readable_zone((*check)[0].get<std::string>(), (*check)[1].get<std::string>(),
                                    (*check)[2].get<std::string>());
    out = {{"valid", faults.empty()}, {"problems", json(faults)}};
  } else if (record) {
    out = mrz_lines(state, template_name, *record, "/record");
  } else {
    // Each record answers for itself: one bad record does not refuse the others.
    json results = json::array();
    for (std::size_t i = 0; i < records->size(); ++i) {
      const std::string pointer = "/records/" + std::to_string(i);
      if (!(*records)[i].is_object()) {
        results.push_back(Refusal(400, pointer, "must be a JSON object").body());
        continue;
      }
      try {
        results.push_back(mrz_lines(state, template_name, (*records)[i], pointer));
      } catch (const Refusal& r) {
        results.push_back(r.body());
      }
    }
    out = {{"results", results}};
  }
  return Reply{200, "application/json", out.dump(), ""};
}

}  // namespace cardface::serve
