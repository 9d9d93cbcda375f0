// What `cardface verify` prints and POST /v1/verify answers for a checked seal: its status,
// verdict, header, fields and bytes, as JSON. Holder values may be invalid UTF-8 in a forged
// seal: dump it with error_handler_t::replace.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "cardface/error.h"
#include "cardface/seal.h"

namespace cardface::seal {

inline nlohmann::ordered_json check_report(const SealCheck& check) {
  static const char digits[] = "0123456789abcdef";
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
  if (!check.bytes.empty()) {
    std::string hex;
    for (std::uint8_t b : check.bytes) {
      hex.push_back(digits[b >> 4]);
      hex.push_back(digits[b & 15]);
    }
    out["bytes"] = hex;
  }
  return out;
}

}  // namespace cardface::seal
