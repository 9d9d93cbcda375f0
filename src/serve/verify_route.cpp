// POST /v1/verify: a card image → its seal's fields and verdict, as `cardface verify`
// prints them; the key is the server's own (--verify-key or --seal-key), never the request's.
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/seal.h"
#include "serve/problem.h"
#include "serve/request_fields.h"
#include "serve/request_image.h"
#include "serve/service_state.h"

namespace cardface::serve {
namespace {

std::string hex(std::span<const std::uint8_t> bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

}  // namespace

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

  nlohmann::ordered_json out;
  out["status"] = to_string(check.status);
  out["genuine"] = check.status == SealStatus::genuine;
  out["reason"] = check.reason;
  if (check.seal) {
    const SealHeader& h = check.seal->header;
    out["header"] = {{"version", h.version + 1},
                     {"issuing_country", h.issuing_country},
                     {"signer", h.signer},
                     {"certificate_reference", h.certificate_reference},
                     {"issue_date", h.issue_date.iso()},
                     {"signature_date", h.signature_date.iso()},
                     {"feature_reference", h.feature_reference},
                     {"document_type_category", h.document_type_category}};
    try {
      nlohmann::ordered_json fields = nlohmann::ordered_json::object();
      for (const SealField& f : seal_fields(*check.seal)) fields[f.name] = f.value;
      out["fields"] = fields;
    } catch (const Error&) {
      // malformed fields: the status already says so
    }
    out["signed"] = check.seal->signature.has_value();
  }
  if (!check.bytes.empty()) out["bytes"] = hex(check.bytes);
  return Reply{200, "application/json",
               out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), ""};
}

}  // namespace cardface::serve
