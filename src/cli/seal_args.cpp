#include "cli/seal_args.h"

#include <memory>

#include "cardface/error.h"

namespace cardface::cli {

void add_seal_options(CLI::App& cmd, SealArgs& args) {
  cmd.add_option("--seal-key", args.key,
                 "Sign each card's seal with this private key (PEM, ECDSA P-256; see keygen)");
  cmd.add_option("--seal-date", args.date,
                 "The seal's signature date, YYYY-MM-DD (default: the card's valid_from)");
}

SealOptions seal_options(const SealArgs& args) {
  SealOptions seal;
  if (!args.key.empty()) seal.key = std::make_shared<const SealKey>(SealKey::load_pem(args.key));
  if (!args.date.empty()) {
    seal.signature_date = Date::parse_iso(args.date);
    if (!seal.signature_date)
      throw Error(ErrorKind::data, "--seal-date", "must be a date YYYY-MM-DD");
  }
  return seal;
}

}  // namespace cardface::cli
