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
  std::string shard;    // "K/N" or "auto"; empty: the whole batch
  int shard_count = 0;  // N for --shard auto; 0: from the environment
  std::string cache_dir;
};

void add_batch_options(CLI::App& cmd, BatchArgs& args);
// A usage error (CLI::ValidationError) when a batch-only option was given for one card.
void reject_batch_options(const CLI::App& cmd);

int render_batch_file(const std::string& batch_file, const std::string& template_name,
                      const std::vector<Side>& sides, int dpi, bool show_uv,
                      const SealOptions& seal, int png_compression, const std::string& out_dir,
                      const BatchArgs& args);

// --cache-dir DIR / --no-cache, for one card and for batches.
struct CacheArgs {
  std::string dir;
  bool none = false;
};
void add_cache_options(CLI::App& cmd, CacheArgs& args);
// The layer folder to use: --cache-dir, else default_cache_dir(); empty with --no-cache.
std::string cache_dir_of(const CacheArgs& args);

}  // namespace cardface::cli
