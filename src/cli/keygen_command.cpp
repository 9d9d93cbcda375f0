// cardface keygen: a new seal signer key pair (ECDSA P-256) for `render --seal-key`.
#include <iostream>

#include "cardface/seal.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct KeygenArgs {
  std::string out;
};

KeygenArgs& keygen_args() {
  static KeygenArgs args;
  return args;
}

}  // namespace

void add_keygen(CLI::App& app) {
  KeygenArgs& a = keygen_args();
  CLI::App* cmd = app.add_subcommand(
      "keygen", "Write a new seal signing key (seal-key.pem, mode 0600) and its certificate");
  cmd->add_option("--out,-o", a.out, "Output directory")->required();
  cmd->callback([] {});
}

int run_keygen() {
  const std::filesystem::path dir = keygen_args().out;
  const std::string reference = generate_seal_key(dir);
  std::cout << (dir / "seal-key.pem").string() << "\n"
            << (dir / "seal-public.pem").string() << "\n"
            << (dir / "seal-cert.pem").string() << "\n";
  std::cerr << "cardface: certificate reference " << reference << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
