// `cardface merge-reports REPORT... --out FILE`: shards' reports joined into one run's report.
#include <iostream>

#include "cardface/batch.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> reports;
  std::string out;
  std::string batch;
};

MergeArgs& merge_args() {
  static MergeArgs args;
  return args;
}

}  // namespace

void add_merge_reports(CLI::App& app) {
  MergeArgs& a = merge_args();
  CLI::App* cmd = app.add_subcommand(
      "merge-reports",
      "Join the reports of a batch's shards (--shard K/N) into the report one run writes");
  cmd->add_option("reports", a.reports, "The shards' reports (OUT/report-K-of-N.jsonl)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out,-o", a.out, "The joined report (e.g. OUT/report.jsonl)")->required();
  cmd->add_option("--batch", a.batch,
                  "The batch file the shards rendered: refuse when a record of it is in no "
                  "report (a shard missing or unfinished)")
      ->check(CLI::ExistingFile);
}

int run_merge_reports() {
  const MergeArgs& a = merge_args();
  std::vector<std::filesystem::path> reports(a.reports.begin(), a.reports.end());
  const std::size_t records = merge_batch_reports(reports, a.out, a.batch);
  std::cerr << "cardface: " << records << " records from " << reports.size() << " reports into "
            << a.out << "\n";
  return kExitOk;
}

}  // namespace cardface::cli
