// The render command's print outputs: PDF, SVG and card-printer panels (docs/print.md).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cardface/scene.h"
#include "cli/output.h"

namespace cardface::cli {

struct PrintArgs {
  std::string format = "png";
  double bleed_mm = -1;  // unset: 2 mm for PDF, 0 for panels
  bool crop_marks = false;
  bool debug_layout = false;
  bool panels = false;
  std::string printer = "exact";
};

// Adds --format, --bleed, --crop-marks, --debug-layout, --panels, --printer to `cmd`.
void add_print_options(CLI::App* cmd, PrintArgs& args);
// Usage errors among those options (CLI::ValidationError), checked after parsing.
void check_print_options(const PrintArgs& args);

// Whether the PNG renderer is not the one to use.
bool wants_print_files(const PrintArgs& args);

// `<stem>.pdf` (a page per face), `<stem>-<side>.svg`, or `<stem>-<side>-<panel>.png`.
std::vector<OutputFile> print_files(const Scene& scene, const std::filesystem::path& out_dir,
                                    const std::string& stem, const PrintArgs& args);

}  // namespace cardface::cli
