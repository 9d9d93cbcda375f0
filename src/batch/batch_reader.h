// The records of a batch file, one at a time (the file is streamed, never held whole):
// JSON Lines (one JSON object a line; blank lines skipped) or CSV (RFC 4180; a header row of
// data field names; each row becomes the JSON record the card reader takes).
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace cardface::batch {

struct BatchRecord {
  int line = 0;       // where the record starts in the file, from 1
  std::string json;   // the record as JSON, for parse_card
  std::string raw;    // the bytes it was read from (CSV: the header line, then the row)
  std::string fault;  // when the row itself is malformed (CSV cell count): the message
};

class BatchReader {
 public:
  // Throws Error(ErrorKind::file) naming the file when it cannot be read, or when a CSV file's
  // header is missing or names a column twice.
  explicit BatchReader(const std::filesystem::path& file);

  std::optional<BatchRecord> next();

  // Records in the whole file (a separate pass over it).
  static std::size_t count(const std::filesystem::path& file);

 private:
  bool read_physical_line(std::string& out);
  // One CSV record (quoted cells may span lines) split into cells; false at the end.
  bool read_csv_row(std::vector<std::string>& cells, std::string& raw, int& first_line);

  std::filesystem::path file_;
  std::ifstream in_;
  bool csv_ = false;
  int line_ = 0;
  bool too_long_ = false;  // the last physical line was cut at limits::record_bytes
  int long_cell_ = -1;     // the first cell of the last CSV row over limits::csv_cell_bytes
  std::vector<std::string> header_;
  std::string header_raw_;
};

}  // namespace cardface::batch
