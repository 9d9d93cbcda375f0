// `cardface test`: golden-image regression tests over case folders (docs/golden-tests.md).
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cardface/error.h"
#include "cardface/golden.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct TestArgs {
  std::vector<std::string> dirs;
  int jobs = 1;
  std::string update_pattern;
  std::string artifacts = "golden-artifacts";
  std::string report;
  std::string junit;
  bool updating = false;
};

TestArgs& test_args() {
  static TestArgs args;
  return args;
}

const char* status_word(golden::CaseOutcome::Status s) {
  switch (s) {
    case golden::CaseOutcome::Status::passed:
      return "ok     ";
    case golden::CaseOutcome::Status::failed:
      return "FAIL   ";
    case golden::CaseOutcome::Status::broken:
      return "BROKEN ";
    case golden::CaseOutcome::Status::updated:
      return "updated";
    case golden::CaseOutcome::Status::skipped:
      return "skipped";
  }
  return "";
}

}  // namespace

void add_test(CLI::App& app) {
  TestArgs& a = test_args();
  CLI::App* cmd = app.add_subcommand(
      "test", "Golden-image tests: render every case under DIR and compare it with its references");
  cmd->add_option("dirs", a.dirs, "Folders of cases (case.json + reference PNGs); default: .");
  cmd->add_option("-j,--jobs", a.jobs, "Cases rendered at once")->check(CLI::Range(1, 256));
  // A flag that takes a value only as --update=PATTERN: a folder after it stays a folder.
  cmd->add_flag("--update{}", a.update_pattern,
                "Rewrite references whose pixels changed and create missing ones; "
                "--update=PATTERN: only cases whose name or folder holds PATTERN");
  cmd->add_option("--artifacts", a.artifacts,
                  "Where failing cases' actual and diff images go (default: golden-artifacts)");
  cmd->add_option("--report", a.report, "Write an HTML report (DIR/index.html)");
  cmd->add_option("--junit", a.junit, "Write a JUnit XML file");
  cmd->callback([cmd, &a] { a.updating = cmd->count("--update") > 0; });
}

int run_test() {
  const TestArgs& a = test_args();
  const auto start = std::chrono::steady_clock::now();
  golden::RunOptions options;
  options.jobs = a.jobs;
  options.update = a.updating;
  options.update_pattern = a.update_pattern;
  options.artifacts = a.artifacts;
  std::vector<golden::CaseRef> cases;
  try {
    std::vector<std::filesystem::path> roots(a.dirs.begin(), a.dirs.end());
    if (roots.empty()) roots.push_back(".");
    cases = golden::discover_cases(roots);
  } catch (const Error& e) {
    for (const Problem& p : e.problems())
      std::cerr << "cardface: error: " << p.where << ": " << p.message << "\n";
    return kExitUsage;
  }
  if (cases.empty()) {
    std::cerr << "cardface: error: no case.json found under the folders given\n";
    return kExitUsage;
  }

  const std::vector<golden::CaseOutcome> outcomes = golden::run_cases(cases, options);
  int counts[5] = {};
  for (const golden::CaseOutcome& o : outcomes) {
    ++counts[int(o.status)];
    if (o.status == golden::CaseOutcome::Status::skipped) continue;
    std::ostream& out = o.status == golden::CaseOutcome::Status::failed ||
                                o.status == golden::CaseOutcome::Status::broken
                            ? std::cerr
                            : std::cout;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f s", o.seconds);
    out << status_word(o.status) << " " << o.ref.name << " (" << seconds << ")\n";
    if (o.status == golden::CaseOutcome::Status::failed ||
        o.status == golden::CaseOutcome::Status::broken) {
      std::string details = golden::outcome_details(o);
      for (std::size_t at = 0, end; at < details.size(); at = end + 1) {
        end = details.find('\n', at);
        if (end == std::string::npos) end = details.size();
        out << "    " << details.substr(at, end - at) << "\n";
      }
    }
    for (const golden::ImageOutcome& io : o.images) {
      using S = golden::ImageOutcome::Status;
      if (io.status == S::updated)
        std::cout << "    updated " << io.reference_file.string() << "\n";
      if (io.status == S::created)
        std::cout << "    created " << io.reference_file.string() << "\n";
      if (io.status == S::removed)
        std::cout << "    removed " << io.reference_file.string() << "\n";
    }
  }
  try {
    if (!a.junit.empty()) golden::write_junit(outcomes, a.junit);
    if (!a.report.empty()) golden::write_html_report(outcomes, a.report);
  } catch (const Error& e) {
    for (const Problem& p : e.problems())
      std::cerr << "cardface: error: " << p.where << ": " << p.message << "\n";
    return kExitUsage;
  }
  using S = golden::CaseOutcome::Status;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[200];
  std::snprintf(line, sizeof line,
                "%zu cases: %d passed, %d failed, %d broken, %d updated, %d skipped (%.1f s)",
                outcomes.size(), counts[int(S::passed)], counts[int(S::failed)],
                counts[int(S::broken)], counts[int(S::updated)], counts[int(S::skipped)], elapsed);
  std::cout << line << "\n";
  if (!a.report.empty()) std::cout << "report: " << a.report << "/index.html\n";
  if (counts[int(S::broken)] > 0) return kExitUsage;
  return counts[int(S::failed)] > 0 ? kExitInvalid : kExitOk;
}

}  // namespace cardface::cli
