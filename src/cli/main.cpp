// The cardface command: a thin layer over the public library API.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"cardface: renders identity-card faces from holder data and a template"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cardface ") + CARDFACE_VERSION);
  cardface::cli::add_render(app);
  cardface::cli::add_mrz(app);
  cardface::cli::add_impose(app);
  cardface::cli::add_proof(app);
  cardface::cli::add_keygen(app);
  cardface::cli::add_verify(app);
  cardface::cli::add_types(app);
  cardface::cli::add_serve(app);
  cardface::cli::add_test(app);
  cardface::cli::add_merge_reports(app);
  cardface::cli::add_lint(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // a usage error
  }
  return cardface::cli::run_selected(app);
}
