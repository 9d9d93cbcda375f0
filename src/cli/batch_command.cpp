#include "cli/batch_command.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cardface/batch.h"
#include "cardface/renderer.h"
#include "cli/commands.h"
#include "core/limits.h"

namespace cardface::cli {
namespace {

// -j also serves one card: its faces are drawn at once.
const char* const batch_only[] = {"--name",   "--report", "--fail-fast",
                                  "--resume", "--shard",  "--shard-count"};

std::string duration(double seconds) {
  const long s = std::lround(seconds);
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

void add_batch_options(CLI::App& cmd, BatchArgs& a) {
  cmd.add_option("--jobs,-j", a.jobs,
                 "Worker threads: a batch's records at once, or one card's faces (default: the "
                 "machine's cores)")
      ->check(CLI::Range(1, 1024));
  cmd.add_option("--name", a.name,
                 "Batch: output file names, e.g. '{id_number}' (default '{line}': the record's "
                 "line)");
  cmd.add_option("--report", a.report,
                 "Batch: the JSON Lines report of every record (default OUT/report.jsonl)");
  cmd.add_flag("--fail-fast", a.fail_fast, "Batch: stop at the first record that fails");
  cmd.add_flag(
      "--resume", a.resume,
      "Batch: render only what the journal of an earlier run in OUT lacks or what changed");
  cmd.add_option("--shard", a.shard,
                 "Batch: render only shard K of N ('K/N', records K-1, K-1+N, ...), or 'auto' "
                 "from a Kubernetes, Slurm or GNU parallel job's variables (docs/batch.md)");
  cmd.add_option("--shard-count", a.shard_count,
                 "Batch: N for --shard auto (default: CARDFACE_SHARD_COUNT or "
                 "SLURM_ARRAY_TASK_COUNT)")
      ->check(CLI::Range(1, 1000000));
}

void add_cache_options(CLI::App& cmd, CacheArgs& a) {
  auto* dir = cmd.add_option("--cache-dir", a.dir,
                             "Keep pre-rendered template layers here for later runs (default "
                             "$XDG_CACHE_HOME/cardface or ~/.cache/cardface)");
  cmd.add_flag("--no-cache", a.none, "Keep no layers on disk (and read none)")->excludes(dir);
}

std::string cache_dir_of(const CacheArgs& a) {
  if (a.none) return {};
  if (!a.dir.empty()) return a.dir;
  return default_cache_dir().string();
}

void reject_batch_options(const CLI::App& cmd) {
  for (const char* name : batch_only)
    if (cmd.count(name) > 0)
      throw CLI::ValidationError(name, "applies to batch files (.jsonl, .ndjson, .csv) only");
}

int render_batch_file(const std::string& batch_file, const std::string& template_name,
                      const std::vector<Side>& sides, int dpi, bool show_uv,
                      const SealOptions& seal, int png_compression, const std::string& out_dir,
                      const BatchArgs& a) {
  BatchOptions options;
  options.out_dir = out_dir;
  options.template_name = template_name;
  options.sides = sides;
  options.dpi = dpi;
  options.show_uv = show_uv;
  options.seal = seal;
  options.png_compression = png_compression;
  options.name_pattern = a.name;
  options.jobs = a.jobs;
  options.fail_fast = a.fail_fast;
  options.resume = a.resume;
  options.report = a.report;
  options.cache_dir = a.cache_dir;
  if (a.shard == "auto")
    options.shard = shard_from_environment(a.shard_count > 0 ? std::optional<int>(a.shard_count)
                                                             : std::nullopt);
  else if (!a.shard.empty())
    options.shard = parse_shard(a.shard);
  if (a.shard_count > 0 && a.shard != "auto")
    throw Error(ErrorKind::data, "--shard-count", "goes with --shard auto only");

  // The live line only where someone watches: never in a log or a pipe.
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  bool line_shown = false;
  BatchCallbacks callbacks;
  // Problems go to stderr up to a cap (a file of bad records must not flood a log); every one
  // is in the report.
  int printed = 0;
  std::size_t not_printed = 0;
  callbacks.on_record = [&](const BatchRecordResult& r) {
    if (r.ok) return;
    if (line_shown) std::cerr << "\r\033[K";
    line_shown = false;
    for (const Problem& p : r.problems) {
      if (printed == limits::batch_errors_printed) {
        ++not_printed;
        continue;
      }
      ++printed;
      std::cerr << "cardface: error: line " << r.line << ": "
                << (p.where.empty() ? "" : p.where + ": ") << p.message << "\n";
    }
  };
  if (terminal)
    callbacks.on_progress = [&](const BatchProgress& p) {
      const double rate = p.seconds > 0 ? double(p.done) / p.seconds : 0;
      char text[160];
      std::snprintf(text, sizeof text, "\r\033[Kcardface: %zu/%zu cards, %.1f cards/s, ETA %s",
                    p.done, p.total, rate,
                    rate > 0 ? duration(double(p.total - p.done) / rate).c_str() : "-");
      std::cerr << text << std::flush;
      line_shown = true;
    };

  const BatchSummary s = render_batch(batch_file, options, callbacks);
  if (line_shown) std::cerr << "\r\033[K";
  char text[256];
  const std::string shard = options.shard ? "shard " + std::to_string(options.shard->index) + "/" +
                                                std::to_string(options.shard->count) + ": "
                                          : "";
  std::snprintf(text, sizeof text,
                "cardface: %s%zu records: %zu rendered, %zu unchanged, %zu failed%s in %.1f s "
                "(%.1f cards/s)",
                shard.c_str(), s.total, s.rendered, s.unchanged, s.failed,
                s.stopped_early ? " (stopped at the first failure)" : "", s.seconds,
                s.seconds > 0 ? double(s.rendered) / s.seconds : 0.0);
  if (not_printed > 0)
    std::cerr << "cardface: " << not_printed << " more problems not shown (at most "
              << limits::batch_errors_printed << " are); all are in the report\n";
  std::cerr << text << "; report: " << s.report.string() << "\n";
  return s.failed > 0 ? kExitInvalid : kExitOk;
}

}  // namespace cardface::cli
