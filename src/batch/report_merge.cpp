// merge_batch_reports: shards' reports joined in line order, as one run writes its report.
#include <unistd.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cardface/batch.h"

namespace cardface {

std::size_t merge_batch_reports(const std::vector<std::filesystem::path>& reports,
                                const std::filesystem::path& out) {
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
