// cardface types [NAME]: the known card types and where each came from, or one type's fields.
// --types DIR (here and on render, mrz, impose, proof, verify) adds a folder of type files.
#include <iostream>

#include "cardface/card.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct TypesArgs {
  std::string name;
  std::vector<std::string> dirs;  // every --types given, on whichever subcommand
};

TypesArgs& types_args() {
  static TypesArgs args;
  return args;
}

}  // namespace

void add_types_option(CLI::App& cmd) {
  cmd.add_option("--types", types_args().dirs,
                 "A folder of card type files (*.json), or a template folder with its "
                 "card-type.json (see docs/card-types.md); may be repeated")
      ->check(CLI::ExistingDirectory);
}

void add_types(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "types", "List the known card types and where each came from, or print one's fields");
  cmd->add_option("name", types_args().name, "A card type's name");
  add_types_option(*cmd);
}

void load_type_folders() {
  for (const std::string& dir : types_args().dirs) add_card_types(dir);
}

int run_types() {
  const TypesArgs& a = types_args();
  if (!a.name.empty()) {
    std::cout << describe_card_type(a.name);
    return kExitOk;
  }
  for (const CardTypeSummary& t : card_type_summaries())
    std::cout << t.name << "\t" << t.source.string() << "\t" << t.description << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
