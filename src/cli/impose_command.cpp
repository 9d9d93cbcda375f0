// cardface impose: many cards N-up on sheets, as one PDF.
#include <iostream>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/sheet.h"
#include "cardface/template.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/seal_args.h"

namespace cardface::cli {
namespace {

struct ImposeArgs {
  std::vector<std::string> data;
  std::string template_name;
  std::string sheet = "a4";
  double bleed_mm = 2.0;
  double gutter_mm = 2.0;
  std::string out;
  SealArgs seal;
};

ImposeArgs& impose_args() {
  static ImposeArgs args;
  return args;
}

}  // namespace

void add_impose(CLI::App& app) {
  ImposeArgs& a = impose_args();
  // A template folder may bring the card type its records have (registered as it loads).
  if (!a.template_name.empty()) find_template(a.template_name);
  CLI::App* cmd = app.add_subcommand(
      "impose", "Lay cards out N-up on sheets: fronts on odd pages, backs on even pages");
  cmd->add_option("data", a.data, "Holders' records (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--template,-t", a.template_name,
                  "A bundled template's name or a template directory (default: each data's type)");
  cmd->add_option("--sheet", a.sheet, "Sheet size")->check(CLI::IsMember({"a4", "a3", "sra3"}));
  cmd->add_option("--bleed", a.bleed_mm, "Bleed around each card, mm")
      ->check(CLI::Range(0.0, 20.0));
  cmd->add_option("--gutter", a.gutter_mm, "Space between cards' bleeds, mm")
      ->check(CLI::Range(0.0, 50.0));
  cmd->add_option("--out,-o", a.out, "The sheet PDF")->required();
  add_types_option(*cmd);
  add_seal_options(*cmd, a.seal);
}

int run_impose() {
  const ImposeArgs& a = impose_args();
  ComposeOptions options;
  options.seal = seal_options(a.seal);
  std::vector<Scene> scenes;
  for (const std::string& file : a.data) {
    const Card card = load_card(file);
    const Template tmpl =
        a.template_name.empty() ? default_template(card.type) : find_template(a.template_name);
    scenes.push_back(compose(card, tmpl, Fonts::bundled(), options));
  }
  SheetOptions sheet;
  sheet.bleed_mm = a.bleed_mm;
  sheet.gutter_mm = a.gutter_mm;
  write_all({{a.out, impose_pdf(scenes, sheet_size(a.sheet), sheet)}});
  std::cout << a.out << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
