#include "batch/batch_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "card/card_type.h"
#include "cardface/error.h"
#include "core/limits.h"

namespace cardface::batch {
namespace {

bool has_extension(const std::filesystem::path& file, const char* ext) {
  std::string e = file.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e == ext;
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

bool whole_number(const std::string& s) {
  const std::size_t digits = s.size() - (s.starts_with('-') ? 1 : 0);
  return digits > 0 && digits <= 18 &&
         std::all_of(s.end() - std::ptrdiff_t(digits), s.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

// A CSV row as the JSON record the card reader takes. A cell is a string, except in an
// integer field (a whole number); a blank cell is "no value": left out, or "" for a field
// whose rules accept "" (given_names), since a CSV row cannot leave a key out.
std::string row_json(const std::vector<std::string>& header,
                     const std::vector<std::string>& cells) {
  const card::CardType* type = nullptr;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == "type") type = card::find_card_type(cells[i]);
  nlohmann::ordered_json record = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& cell = cells[i];
    const card::FieldSpec* spec = type ? type->field(header[i]) : nullptr;
    if (cell.empty()) {
      if (spec && spec->allow_empty) record[header[i]] = "";
      continue;
    }
    if (spec && spec->kind == card::FieldKind::integer && whole_number(cell))
      record[header[i]] = std::stoll(cell);
    else
      record[header[i]] = cell;
  }
  // Invalid UTF-8 in a cell is the card reader's to report, naming the line: replace, not throw.
  return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

BatchReader::BatchReader(const std::filesystem::path& file)
    : file_(file), in_(file, std::ios::binary) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw Error(ErrorKind::file, file.string(), "cannot read: is a directory");
  if (!in_)
    throw Error(ErrorKind::file, file.string(),
                std::string("cannot read: ") + std::strerror(errno));
  csv_ = has_extension(file, ".csv");
  if (!csv_) return;
  int first_line = 0;
  if (!read_csv_row(header_, header_raw_, first_line) || (header_.size() == 1 && blank(header_[0])))
    throw Error(ErrorKind::file, file.string(), "has no header row (the data field names)");
  std::set<std::string> seen;
  for (std::string& name : header_) {
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name.empty())
      throw Error(ErrorKind::file, file.string(), "header row: a column has no name");
    if (!seen.insert(name).second)
      throw Error(ErrorKind::file, file.string(),
                  "header row: column \"" + name + "\" appears twice");
  }
}

// Like std::getline, but keeps at most a record's worth of bytes (the rest of a longer line is
// skipped, and the line refused), so one endless line cannot fill memory.
bool BatchReader::read_physical_line(std::string& out) {
  out.clear();
  std::streambuf* buf = in_.rdbuf();
  bool any = false;
  for (int c; (c = buf->sbumpc()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') break;
    if (out.size() < limits::record_bytes)
      out.push_back(static_cast<char>(c));
    else
      too_long_ = true;
  }
  if (!any) return false;
  ++line_;
  if (line_ == 1 && out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);  // a spreadsheet's BOM
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

bool BatchReader::read_csv_row(std::vector<std::string>& cells, std::string& raw, int& first_line) {
  std::string physical;
  if (!read_physical_line(physical)) return false;
  first_line = line_;
  raw = physical;
  cells.assign(1, std::string());
  long_cell_ = -1;
  bool quoted = false;
  for (;;) {
    for (std::size_t i = 0; i < physical.size(); ++i) {
      if (cells.back().size() > limits::csv_cell_bytes) {
        // Refused by its column; the rest of the cell is skipped, not copied.
        if (long_cell_ < 0) long_cell_ = int(cells.size()) - 1;
        cells.back().resize(limits::csv_cell_bytes);
      }
      const char c = physical[i];
      if (quoted) {
        if (c == '"' && i + 1 < physical.size() && physical[i + 1] == '"') {
          cells.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          cells.back() += c;
        }
      } else if (c == '"' && cells.back().empty()) {
        quoted =
            true;  // only at a cell's start: elsewhere a quote is text, as spreadsheets read it
      } else if (c == ',') {
        cells.emplace_back();
      } else {
        cells.back() += c;
      }
    }
    if (!quoted) return true;
    // A quoted cell goes on over the line break; a file ending inside one ends the cell.
    if (!read_physical_line(physical)) return true;
    cells.back() += '\n';
    if (raw.size() + physical.size() < limits::record_bytes)
      raw += '\n' + physical;
    else
      too_long_ = true;
  }
}

std::optional<BatchRecord> BatchReader::next() {
  BatchRecord record;
  if (!csv_) {
    std::string line;
    while (read_physical_line(line)) {
      if (too_long_) {
        too_long_ = false;
        record.line = line_;
        record.fault = "is longer than " + std::to_string(limits::record_bytes) + " bytes";
        return record;
      }
      if (blank(line)) continue;
      record.line = line_;
      record.json = line;
      record.raw = std::move(line);
      return record;
    }
    return std::nullopt;
  }
  std::vector<std::string> cells;
  std::string raw;
  int first_line = 0;
  while (read_csv_row(cells, raw, first_line)) {
    if (cells.size() == 1 && blank(cells[0])) continue;
    record.line = first_line;
    record.raw = header_raw_ + '\n' + raw;
    if (too_long_) {
      too_long_ = false;
      record.raw.clear();
      record.fault = "is longer than " + std::to_string(limits::record_bytes) + " bytes";
    } else if (long_cell_ >= 0 && std::size_t(long_cell_) < header_.size())
      record.fault = "column " + header_[long_cell_] + ": a cell longer than " +
                     std::to_string(limits::csv_cell_bytes) + " bytes";
    else if (long_cell_ >= 0)
      record.fault = "a cell longer than " + std::to_string(limits::csv_cell_bytes) + " bytes";
    else if (cells.size() != header_.size())
      record.fault = "has " + std::to_string(cells.size()) + " cells; the header row has " +
                     std::to_string(header_.size());
    else
      record.json = row_json(header_, cells);
    return record;
  }
  return std::nullopt;
}

std::size_t BatchReader::count(const std::filesystem::path& file) {
  BatchReader reader(file);
  std::size_t n = 0;
  while (reader.next()) ++n;
  return n;
}

}  // namespace cardface::batch
