// merge_batch_reports: shards' reports joined in line order, as one run writes its report.
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "batch/batch_reader.h"
#include "cardface/batch.h"

namespace cardface {
namespace {

// "report-K-of-N.jsonl" → {K, N}; nothing for another name.
std::optional<std::pair<int, int>> shard_of_name(const std::string& name) {
  int k = 0, n = 0;
  const char* p = name.c_str();
  auto number = [&p](int& out) {
    const char* end = p + std::min<std::size_t>(std::strlen(p), 6);
    const auto [next, ec] = std::from_chars(p, end, out);
    if (ec != std::errc() || next == p) return false;
    p = next;
    return true;
  };
  auto word = [&p](const char* w) {
    const std::size_t len = std::strlen(w);
    if (std::strncmp(p, w, len) != 0) return false;
    p += len;
    return true;
  };
  if (word("report-") && number(k) && word("-of-") && number(n) && word(".jsonl") && *p == '\0')
    return std::pair{k, n};
  return std::nullopt;
}

// Reports under their default shard names (report-K-of-N.jsonl) must be all N of them: a
// shard that never ran, or whose report was left out, is named. Other names are not checked.
void check_shard_names(const std::vector<std::filesystem::path>& reports) {
  std::map<int, std::set<int>> shards;  // N -> the K given
  for (const auto& file : reports) {
    const auto shard = shard_of_name(file.filename().string());
    if (!shard) return;
    shards[shard->second].insert(shard->first);
  }
  if (shards.size() > 1)
    throw Error(ErrorKind::file, reports.front().string(),
                "the reports are of different shard counts (" +
                    std::to_string(shards.begin()->first) + " and " +
                    std::to_string(shards.rbegin()->first) + "): not one batch's shards");
  if (shards.empty()) return;
  const auto& [count, given] = *shards.begin();
  for (int k = 1; k <= count; ++k)
    if (!given.count(k))
      throw Error(ErrorKind::file,
                  "report-" + std::to_string(k) + "-of-" + std::to_string(count) + ".jsonl",
                  "shard " + std::to_string(k) + " of " + std::to_string(count) +
                      " is missing: its report is not among the ones given");
}

// With the batch file: every record of it has a line in some report, and no report holds a
// line the batch has no record at.
void check_against_batch(const std::filesystem::path& batch_file, const std::set<long long>& held) {
  batch::BatchReader reader(batch_file);
  std::set<long long> records;
  std::vector<long long> missing;
  while (const auto record = reader.next()) {
    records.insert(record->line);
    if (!held.count(record->line)) missing.push_back(record->line);
  }
  if (!missing.empty()) {
    std::string lines;
    for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
      lines += (i ? ", " : "") + std::to_string(missing[i]);
    if (missing.size() > 5) lines += ", ...";
    throw Error(ErrorKind::file, batch_file.string(),
                std::to_string(missing.size()) + " record(s) in no report (line " + lines +
                    "): a shard is missing or did not finish");
  }
  for (const long long line : held)
    if (!records.count(line))
      throw Error(ErrorKind::file, batch_file.string(),
                  "a report holds line " + std::to_string(line) +
                      ", where this batch has no record: a report of another batch?");
}

}  // namespace

std::size_t merge_batch_reports(const std::vector<std::filesystem::path>& reports,
                                const std::filesystem::path& out,
                                const std::filesystem::path& batch_file) {
  struct Held {
    std::string text;
    std::size_t report;
  };
  std::map<long long, Held> lines;
  for (std::size_t r = 0; r < reports.size(); ++r) {
    const std::filesystem::path& file = reports[r];
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::file, file.string(), "cannot read this report");
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
      ++number;
      const std::string where = file.string() + ":" + std::to_string(number);
      // Values are never echoed: a report line could hold what a record said.
      const nlohmann::json line = nlohmann::json::parse(text, nullptr, false);
      if (line.is_discarded() || !line.is_object() || !line.contains("line") ||
          !line["line"].is_number_integer() || !line.contains("status"))
        throw Error(ErrorKind::file, where,
                    "is not a report line (JSON with \"line\" and \"status\")");
      const long long record = line["line"].get<long long>();
      if (const auto [it, fresh] = lines.emplace(record, Held{text, r}); !fresh)
        throw Error(ErrorKind::file, where,
                    "record of line " + std::to_string(record) + " is also in " +
                        reports[it->second.report].string() + ": overlapping shards");
    }
    if (in.bad()) throw Error(ErrorKind::file, file.string(), "cannot read this report");
  }
  check_shard_names(reports);
  if (!batch_file.empty()) {
    std::set<long long> held;
    for (const auto& [record, line] : lines) held.insert(record);
    check_against_batch(batch_file, held);
  }

  std::string temp_name = ".";
  temp_name += out.filename().string();
  temp_name += ".tmp-" + std::to_string(::getpid());
  const std::filesystem::path temp = out.parent_path() / temp_name;
  {
    std::ofstream o(temp, std::ios::binary | std::ios::trunc);
    for (const auto& [record, held] : lines) o << held.text << "\n";
    o.close();
    if (!o) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      throw Error(ErrorKind::file, out.string(), "cannot write the merged report");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, out, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw Error(ErrorKind::file, out.string(), "cannot write the merged report");
  }
  return lines.size();
}

}  // namespace cardface
