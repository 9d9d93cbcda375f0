// Rendering a batch file of many records (JSON Lines, or CSV with a header row of field
// names) to PNG files: in parallel, byte-identical for any number of threads, resumable after
// an interruption (a journal of finished records), every bad record reported while the rest
// render. The format is in docs/batch.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/error.h"
#include "cardface/export.h"
#include "cardface/lint.h"
#include "cardface/scene.h"
#include "cardface/seal.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// One shard of a batch spread over processes or machines (docs/batch.md, "Sharding"): shard
// `index` of `count` (1 <= index <= count) renders the records whose ordinal in the file
// (0 for the first record, counting bad records too) modulo `count` is index - 1.
struct BatchShard {
  int index = 1;
  int count = 1;
  // "K-of-N": in the shard's journal and report names.
  std::string tag() const;
};

// "K/N" → {K, N}. Error(ErrorKind::data, "--shard") naming what is wrong otherwise.
BatchShard parse_shard(std::string_view spec);

// The shard a scheduler started this process as, from its variables: JOB_COMPLETION_INDEX
// (a Kubernetes Indexed Job, 0-based), SLURM_ARRAY_TASK_ID (a Slurm job array --array=1-N),
// PARALLEL_SEQ (GNU parallel, 1-based), in that order. The count is
// `count` when given, else CARDFACE_SHARD_COUNT, else SLURM_ARRAY_TASK_COUNT. Error(ErrorKind::
// data, "--shard") when none is set or they disagree with each other. `getenv` is for tests.
BatchShard shard_from_environment(std::optional<int> count,
                                  const std::function<const char*(const char*)>& getenv = {});

struct BatchOptions {
  std::filesystem::path out_dir;
  std::string template_name;  // a bundled template or a directory; empty: by each record's type
  std::vector<Side> sides = {Side::front, Side::back};  // empty: every side the template has
  int dpi = 600;
  bool show_uv = false;
  SealOptions seal;         // signs each card's seal (none: unsigned specimen seals)
  int png_compression = 1;  // zlib level 0-9 (see docs/batch.md for the measured trade-off)
  // Output files are OUT/<name>-front.png and -back.png, <name> from this pattern: `{line}`
  // (the record's line in the batch file) and any key a template can bind (`{id_number}`).
  std::string name_pattern = "{line}";
  int jobs = 0;  // worker threads; 0: the machine's cores
  bool fail_fast = false;
  bool resume = false;           // skip records the journal shows finished with the same input
  std::filesystem::path report;  // JSON Lines, one line per record; empty: OUT/report.jsonl
  // Render only this shard's records; its journal and default report are its own
  // (OUT/.cardface-journal-K-of-N, OUT/report-K-of-N.jsonl), so shards may share OUT.
  std::optional<BatchShard> shard;
  // The Renderer's layer folder (RendererOptions::cache_dir); empty: memory only.
  std::filesystem::path cache_dir;
};

// One record's outcome, in line order.
struct BatchRecordResult {
  int line = 0;
  bool ok = false;
  bool unchanged = false;                    // finished by an earlier run (--resume)
  std::vector<std::filesystem::path> files;  // written (or found unchanged)
  std::vector<Problem> problems;             // when not ok; never the holder's values
  std::vector<Finding> findings;             // layout checks without pixels (docs/lint.md)
};

struct BatchProgress {
  std::size_t total = 0;  // records in the file
  std::size_t done = 0;   // rendered, unchanged or failed so far
  std::size_t failed = 0;
  double seconds = 0;
};

struct BatchSummary {
  std::size_t total = 0;
  std::size_t rendered = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
  bool stopped_early = false;  // --fail-fast stopped before the end
  double seconds = 0;
  std::filesystem::path report;
};

struct BatchCallbacks {
  std::function<void(const BatchRecordResult&)> on_record;  // in line order
  std::function<void(const BatchProgress&)> on_progress;    // a few times a second at most
};

// Joins shards' reports into one, as one run over the whole batch would have written it: every
// line ordered by its record's "line". Written to a temporary file and renamed. Throws
// Error(ErrorKind::file) naming a report that cannot be read or holds a line that is not a
// report line, or a record two reports both hold; reports under the default shard names
// (report-K-of-N.jsonl) that are not all N of them (the missing shard named); and, given the
// batch file, a record of it that no report holds (a shard missing or unfinished) or a report
// line at which the batch has no record. Returns the number of records.
std::size_t merge_batch_reports(const std::vector<std::filesystem::path>& reports,
                                const std::filesystem::path& out,
                                const std::filesystem::path& batch_file = {});

// Whether `file` is a batch file by its extension: .jsonl, .ndjson or .csv (any case).
bool is_batch_file(const std::filesystem::path& file);

// Renders every record of `batch_file`. Photos resolve against the batch file's directory.
// A bad record is reported (report file, on_record) and the others render. Throws Error for
// what sinks the whole run: an unreadable batch file or CSV header, an unknown --template, an
// output directory that cannot be written, or another run holding its journal.
BatchSummary render_batch(const std::filesystem::path& batch_file, const BatchOptions& options,
                          const BatchCallbacks& callbacks = {});

}  // namespace cardface
CARDFACE_CXX_API_END
