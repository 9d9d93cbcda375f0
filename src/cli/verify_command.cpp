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
#include "seal/seal_report.h"

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

  const nlohmann::ordered_json out = seal::check_report(check);
  // Holder values may be invalid UTF-8 in a forged seal: replace, never throw.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::cerr << "cardface: " << to_string(check.status) << ": " << check.reason << "\n";
  return check.status == SealStatus::genuine ? kExitOk : kExitInvalid;
}

}  // namespace cardface::cli
