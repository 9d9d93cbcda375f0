// POST /v1/verify: a card image → its seal's fields and verdict, as `cardface verify`
// prints them; the key is the server's own (--verify-key or --seal-key), never the request's.
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/seal.h"
#include "seal/seal_report.h"
#include "serve/problem.h"
#include "serve/request_fields.h"
#include "serve/request_image.h"
#include "serve/service_state.h"

namespace cardface::serve {
Reply verify_route(ServiceState& state, const std::string& image, const std::string* record_json) {
  const Raster raster = decode_request_image(image, state.options.max_image_side, "image");
  std::optional<Card> record;
  if (record_json) {
    nlohmann::json json = parse_request_json(*record_json, "record");
    const RequestPhoto stand_in = RequestPhoto::stand_in();  // the seal holds no photo
    json["photo"] = stand_in.path();
    try {
      record = parse_card(json.dump(), "/");
    } catch (const Error& e) {
      throw refusal_from(e, "record", "/template");
    }
  }
  const SealPublicKey* key = state.verify_key ? &*state.verify_key : nullptr;
  const SealCheck check = check_seal(raster, key, record ? &*record : nullptr);

  const nlohmann::ordered_json out = seal::check_report(check);
  return Reply{200, "application/json",
               out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), ""};
}

}  // namespace cardface::serve
