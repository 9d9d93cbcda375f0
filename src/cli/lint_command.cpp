// `cardface lint TEMPLATE [DATA...]`: the layout checks (include/cardface/lint.h) over a
// template and records, one line a finding or --json for CI.
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>

#include "batch/batch_reader.h"
#include "cardface/batch.h"
#include "cardface/card.h"
#include "cardface/error.h"
#include "cardface/lint.h"
#include "cardface/renderer.h"
#include "cardface/template.h"
#include "cli/commands.h"

namespace cardface::cli {
namespace {

struct LintArgs {
  std::string template_name;
  std::vector<std::string> data;
  int dpi = 600;
  bool json = false;
  bool strict = false;
};

LintArgs& lint_args() {
  static LintArgs args;
  return args;
}

// One record's findings, or the problems that kept it from composing.
struct RecordResult {
  std::string file;
  int line = 0;
  std::vector<Finding> findings;
  std::vector<Problem> problems;
};

RecordResult lint_card(const Renderer& renderer, const LintOptions& options,
                       std::function<Card()> card, std::string file, int line,
                       const ComposeOptions& compose = {}) {
  RecordResult r{std::move(file), line, {}, {}};
  try {
    r.findings = lint(renderer.compose(card(), compose), options);
    for (Finding& f : r.findings) f.record_line = line;
  } catch (const Error& e) {
    r.problems = e.problems();
  }
  return r;
}

}  // namespace

void add_lint(CLI::App& app) {
  LintArgs& a = lint_args();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Check a template's layout, with records or batch files (docs/lint.md)");
  cmd->add_option("template", a.template_name, "A bundled template's name or a template directory")
      ->required();
  cmd->add_option("data", a.data, "Holder records (JSON) or batch files (.jsonl, .ndjson, .csv)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--dpi", a.dpi, "The output resolution to check at")->check(CLI::Range(50, 4800));
  cmd->add_flag("--json", a.json, "Findings as one JSON document on stdout");
  cmd->add_flag("--strict", a.strict, "Warnings count as errors (exit 1)");
}

int run_lint() {
  const LintArgs& a = lint_args();
  const Template tmpl = find_template(a.template_name);
  const Renderer renderer(tmpl);
  LintOptions options;
  options.dpi = a.dpi;

  std::vector<RecordResult> results;
  for (const std::string& data : a.data) {
    if (is_batch_file(data)) {
      batch::BatchReader reader(data);
      const auto base = std::filesystem::path(data).parent_path();
      while (auto record = reader.next()) {
        if (!record->fault.empty()) {
          results.push_back({data, record->line, {}, {{"record", record->fault}}});
          continue;
        }
        const std::string json = record->json;
        results.push_back(lint_card(
            renderer, options, [&] { return parse_card(json, base); }, data, record->line));
      }
    } else {
      results.push_back(lint_card(
          renderer, options, [&] { return load_card(data); }, data, 0));
    }
  }
  if (a.data.empty()) {
    // No records: the parts of the template that show on every card.
    Card empty;
    empty.type = tmpl.card_types().front();
    ComposeOptions static_parts;
    static_parts.static_only = true;
    results.push_back(lint_card(
        renderer, options, [&] { return empty; }, "", 0, static_parts));
  }

  int errors = 0, warnings = 0;
  for (const RecordResult& r : results) {
    errors += int(r.problems.size());
    for (const Finding& f : r.findings) (f.severity == Severity::error ? errors : warnings)++;
  }
  if (a.json) {
    nlohmann::json out = {{"template", tmpl.name()},
                          {"dpi", a.dpi},
                          {"findings", nlohmann::json::array()},
                          {"problems", nlohmann::json::array()}};
    for (const RecordResult& r : results) {
      for (const Finding& f : r.findings) {
        nlohmann::json j = {{"side", to_string(f.side)},
                            {"element", f.element},
                            {"rule", f.rule},
                            {"severity", to_string(f.severity)},
                            {"reason", f.reason}};
        if (!r.file.empty()) j["record"] = r.file;
        if (r.line > 0) j["line"] = r.line;
        if (f.area) j["area_mm"] = {f.area->x, f.area->y, f.area->width, f.area->height};
        out["findings"].push_back(j);
      }
      for (const Problem& p : r.problems) {
        nlohmann::json j = {{"where", p.where}, {"message", p.message}};
        if (!r.file.empty()) j["record"] = r.file;
        if (r.line > 0) j["line"] = r.line;
        out["problems"].push_back(j);
      }
    }
    out["errors"] = errors;
    out["warnings"] = warnings;
    std::cout << out.dump(2) << "\n";
  } else {
    for (const RecordResult& r : results) {
      const std::string prefix = r.file.empty() ? "" : r.file + ": ";
      for (const Finding& f : r.findings) std::cout << prefix << describe(f) << "\n";
      for (const Problem& p : r.problems)
        std::cout << prefix << (r.line > 0 ? "line " + std::to_string(r.line) + ": " : "")
                  << "cannot compose: " << (p.where.empty() ? "" : p.where + ": ") << p.message
                  << "\n";
    }
    std::cout.flush();
    std::cerr << "cardface: lint " << tmpl.name() << ": " << errors << " error(s), " << warnings
              << " warning(s)\n";
  }
  return errors > 0 || (a.strict && warnings > 0) ? kExitInvalid : kExitOk;
}

}  // namespace cardface::cli
