#pragma once

#include <CLI/CLI.hpp>

namespace cardface::cli {

// Exit codes: 0 success, 1 invalid data, template or file, 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

void add_render(CLI::App& app);
void add_mrz(CLI::App& app);
int run_mrz();
void add_impose(CLI::App& app);
int run_impose();
void add_proof(CLI::App& app);
int run_proof();
void add_keygen(CLI::App& app);
int run_keygen();
void add_verify(CLI::App& app);
int run_verify();
void add_types(CLI::App& app);
int run_types();
// --types DIR on a subcommand; load_type_folders() adds what was given before it runs.
void add_types_option(CLI::App& cmd);
void load_type_folders();
void add_serve(CLI::App& app);
int run_serve();
void add_test(CLI::App& app);
int run_test();  // 0 all cases pass, 1 any fails, 2 a case file is broken
void add_merge_reports(CLI::App& app);
int run_merge_reports();
void add_lint(CLI::App& app);
int run_lint();

// Runs the subcommand the user chose, mapping library errors to exit codes and messages.
int run_selected(CLI::App& app);

}  // namespace cardface::cli
