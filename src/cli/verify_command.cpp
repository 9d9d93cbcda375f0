// cardface verify: reads the seal back from a card image and says whether it is genuine.
// stdout: the decoded fields as JSON; stderr: the verdict and its reason; exit 0 only when
// genuine.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/seal.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct VerifyArgs {
  std::string image;
  std::string key;
  std::string data;
};

VerifyArgs& verify_args() {
  static VerifyArgs args;
  return args;
}

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

void add_verify(CLI::App& app) {
  VerifyArgs& a = verify_args();
  CLI::App* cmd = app.add_subcommand(
      "verify", "Read the seal from a card image (PNG or JPEG) and check its signature");
  cmd->add_option("image", a.image, "The card image")->required()->check(CLI::ExistingFile);
  cmd->add_option("--key,-k", a.key,
                  "The signer's certificate or public key (PEM) the signature must match");
  cmd->add_option("--data", a.data, "A holder's record (JSON) the seal must agree with");
  add_types_option(*cmd);
  cmd->callback([] {});
}

int run_verify() {
  const VerifyArgs& a = verify_args();
  std::optional<SealPublicKey> key;
  if (!a.key.empty()) key = SealPublicKey::load_pem(a.key);
  std::optional<Card> record;
  if (!a.data.empty()) record = load_card(a.data);
  const Raster image = read_image(a.image);
  const SealCheck check = check_seal(image, key ? &*key : nullptr, record ? &*record : nullptr);

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
  // Holder values may be invalid UTF-8 in a forged seal: replace, never throw.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::cerr << "cardface: " << to_string(check.status) << ": " << check.reason << "\n";
  return check.status == SealStatus::genuine ? kExitOk : kExitInvalid;
}

}  // namespace cardface::cli
