// cardface proof: every card's faces with its key fields, for sign-off.
#include <filesystem>
#include <iostream>
#include <list>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/sheet.h"
#include "cardface/template.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/seal_args.h"

namespace cardface::cli {
namespace {

struct ProofArgs {
  std::vector<std::string> data;
  std::string template_name;
  std::string out;
  SealArgs seal;
};

ProofArgs& proof_args() {
  static ProofArgs args;
  return args;
}

}  // namespace

void add_proof(CLI::App& app) {
  ProofArgs& a = proof_args();
  // A template folder may bring the card type its records have (registered as it loads).
  if (!a.template_name.empty()) find_template(a.template_name);
  CLI::App* cmd = app.add_subcommand(
      "proof", "A proof sheet: each card's front and back at actual size with its key fields");
  cmd->add_option("data", a.data, "Holders' records (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--template,-t", a.template_name,
                  "A bundled template's name or a template directory (default: each data's type)");
  cmd->add_option("--out,-o", a.out, "The proof PDF")->required();
  add_types_option(*cmd);
  add_seal_options(*cmd, a.seal);
}

int run_proof() {
  const ProofArgs& a = proof_args();
  ComposeOptions options;
  options.seal = seal_options(a.seal);
  std::list<Card> cards;  // stable addresses for the entries
  std::vector<ProofEntry> entries;
  const Fonts fonts = Fonts::bundled();
  for (const std::string& file : a.data) {
    const Card& card = cards.emplace_back(load_card(file));
    const Template tmpl =
        a.template_name.empty() ? default_template(card.type) : find_template(a.template_name);
    entries.push_back({&card, compose(card, tmpl, fonts, options),
                       std::filesystem::path(file).filename().string()});
  }
  write_all({{a.out, proof_pdf(entries, fonts)}});
  std::cout << a.out << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
