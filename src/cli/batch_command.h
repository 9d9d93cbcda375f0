// `cardface render BATCH.jsonl|BATCH.csv`: the batch options, the progress line on a
// terminal, failures on stderr, the summary line.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cardface/scene.h"
#include "cardface/seal.h"

namespace cardface::cli {

struct BatchArgs {
  int jobs = 0;
  std::string name = "{line}";
  std::string report;
  bool fail_fast = false;
  bool resume = false;
};

void add_batch_options(CLI::App& cmd, BatchArgs& args);
// A usage error (CLI::ValidationError) when a batch-only option was given for one card.
void reject_batch_options(const CLI::App& cmd);

int render_batch_file(const std::string& batch_file, const std::string& template_name,
                      const std::vector<Side>& sides, int dpi, bool show_uv,
                      const SealOptions& seal, int png_compression, const std::string& out_dir,
                      const BatchArgs& args);

}  // namespace cardface::cli
