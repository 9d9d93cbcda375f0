#include <iostream>

#include "cardface/card.h"
#include "cardface/mrz.h"
#include "cardface/template.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct MrzArgs {
  std::string data;
  std::string template_name;
  std::vector<std::string> check;
};

MrzArgs& mrz_args() {
  static MrzArgs args;
  return args;
}

}  // namespace

void add_mrz(CLI::App& app) {
  MrzArgs& a = mrz_args();
  CLI::App* cmd = app.add_subcommand(
      "mrz", "Print a card's machine-readable zone, or check three MRZ lines (--check)");
  cmd->add_option("data", a.data, "The holder's record (JSON)");
  cmd->add_option("--template,-t", a.template_name,
                  "A bundled template's name or a template directory (default: the data's type)");
  cmd->add_option("--check", a.check, "Check these three lines instead")->expected(3);
  add_types_option(*cmd);
  cmd->callback([cmd, &a] {
    if (a.data.empty() == a.check.empty())
      throw CLI::ValidationError("mrz", "give either DATA.json or --check L1 L2 L3");
    (void)cmd;
  });
}

int run_mrz() {
  const MrzArgs& a = mrz_args();
  if (!a.check.empty()) {
    const auto faults = check_machine_readable_zone(a.check[0], a.check[1], a.check[2]);
    for (const std::string& f : faults) std::cout << f << "\n";
    if (faults.empty()) std::cout << "valid\n";
    return faults.empty() ? kExitOk : kExitInvalid;
  }
  // A template folder may bring the card type its records have: load it first.
  std::optional<Template> named;
  if (!a.template_name.empty()) named = find_template(a.template_name);
  const Card card = load_card(a.data);
  const Template tmpl = named ? *named : default_template(card.type);
  for (const std::string& line : machine_readable_zone(card, tmpl)) std::cout << line << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
