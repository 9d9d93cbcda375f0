// --seal-key and --seal-date, shared by the commands that compose cards (render, impose, proof).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cardface/seal.h"

namespace cardface::cli {

struct SealArgs {
  std::string key;   // a private key file (PEM, ECDSA P-256)
  std::string date;  // YYYY-MM-DD
};

void add_seal_options(CLI::App& cmd, SealArgs& args);

// Loads the key; Error naming --seal-date or the key file when they are wrong.
SealOptions seal_options(const SealArgs& args);

}  // namespace cardface::cli
