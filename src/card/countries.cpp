#include "card/countries.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "cardface/error.h"
#include "core/paths.h"

namespace cardface::card {
namespace {

constexpr std::string_view kHeader[] = {"alpha3", "numeric", "alpha2", "name_en", "name_zh"};

[[noreturn]] void fail(const std::filesystem::path& file, std::string message) {
  throw Error(ErrorKind::file, file.string(), std::move(message));
}

// RFC 4180: fields separated by commas, records by LF or CRLF; a quoted field may hold commas,
// line breaks and doubled quotes. Returns the records with the line each starts on.
std::vector<std::pair<int, std::vector<std::string>>> parse_csv(const std::string& text,
                                                                const std::filesystem::path& file) {
  std::vector<std::pair<int, std::vector<std::string>>> records;
  std::vector<std::string> fields;
  std::string field;
  int line = 1, record_line = 1;
  bool quoted = false;
  bool field_start = true;  // nothing of the current field read yet: a quote may open it
  bool in_record = false;   // the current record has content (for a last line without LF)
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  const auto at = [&] { return "line " + std::to_string(line) + ": "; };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' && text[i + 1] != '\r')
          fail(file, at() + "text after a closing quote");
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      fields.push_back(std::move(field));
      field.clear();
      records.emplace_back(record_line, std::move(fields));
      fields.clear();
      record_line = ++line;
      field_start = true;
      in_record = false;
      continue;
    }
    in_record = true;
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      field_start = true;
    } else if (c == '"' && field_start) {
      quoted = true;
      field_start = false;
    } else if (c == '"') {
      fail(file, at() + "a quote inside an unquoted field");
    } else {
      field += c;
      field_start = false;
    }
  }
  if (quoted) fail(file, "line " + std::to_string(record_line) + ": a quoted field is not closed");
  if (in_record) {
    fields.push_back(std::move(field));
    records.emplace_back(record_line, std::move(fields));
  }
  return records;
}

bool is_code(std::string_view s, std::size_t length, bool digits) {
  return s.size() == length && std::all_of(s.begin(), s.end(), [&](char c) {
           return digits ? (c >= '0' && c <= '9') : (c >= 'A' && c <= 'Z');
         });
}

struct Table {
  std::vector<Country> countries;
  std::map<std::string, std::size_t, std::less<>> by_alpha3, by_numeric;  // index in countries
};

const Table& table() {
  // A function-local static: initialised once, thread-safe; if reading throws, the next call
  // tries again.
  static const Table instance = [] {
    Table t;
    t.countries = read_country_table(paths::reference_data_dir() / "countries.csv");
    for (std::size_t i = 0; i < t.countries.size(); ++i) {
      t.by_alpha3.emplace(t.countries[i].alpha3, i);
      t.by_numeric.emplace(t.countries[i].numeric, i);
    }
    return t;
  }();
  return instance;
}

const Country* find(const std::map<std::string, std::size_t, std::less<>>& index,
                    std::string_view key) {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : &table().countries[it->second];
}

}  // namespace

std::vector<Country> read_country_table(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, "cannot read the country table");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) fail(file, "cannot read the country table");

  const auto records = parse_csv(buffer.str(), file);
  if (records.empty() || !std::equal(records[0].second.begin(), records[0].second.end(),
                                     std::begin(kHeader), std::end(kHeader)))
    fail(file, "line 1: expected the header alpha3,numeric,alpha2,name_en,name_zh");

  std::vector<Country> countries;
  std::map<std::string, int> seen;  // every code of every column, to reject duplicates
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& [line, f] = records[r];
    const std::string at = "line " + std::to_string(line) + ": ";
    if (f.size() == 1 && f[0].empty()) continue;  // a blank line
    if (f.size() != 5) fail(file, at + "expected 5 fields, got " + std::to_string(f.size()));
    Country c{f[0], f[1], f[2], f[3], f[4]};
    if (!is_code(c.alpha3, 3, false)) fail(file, at + "alpha3 must be 3 capital letters");
    if (!is_code(c.numeric, 3, true)) fail(file, at + "numeric must be 3 digits");
    if (!is_code(c.alpha2, 2, false)) fail(file, at + "alpha2 must be 2 capital letters");
    if (c.name_en.empty() || c.name_zh.empty()) fail(file, at + "a name is empty");
    for (const std::string& code : {"a3:" + c.alpha3, "n:" + c.numeric, "a2:" + c.alpha2})
      if (const auto [it, fresh] = seen.emplace(code, line); !fresh)
        fail(file, at + "code " + code.substr(code.find(':') + 1) + " also on line " +
                       std::to_string(it->second));
    countries.push_back(std::move(c));
  }
  if (countries.empty()) fail(file, "the country table has no rows");
  return countries;
}

const Country* find_country_alpha3(std::string_view alpha3) {
  return find(table().by_alpha3, alpha3);
}

const Country* find_country_numeric(std::string_view numeric) {
  return find(table().by_numeric, numeric);
}

const std::vector<Country>& all_countries() {
  return table().countries;
}

std::optional<std::string_view> icao_reserved_name(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kReserved[] = {
      {"UTO", "Utopia"},
      {"XXA", "Stateless person"},
      {"XXB", "Refugee"},
      {"XXC", "Refugee (other)"},
      {"XXX", "Unspecified nationality"},
      {"EUE", "European Union"},
      {"UNO", "United Nations"},
      {"UNA", "United Nations specialized agency"},
      {"UNK", "Kosovo (UNMIK)"},
  };
  for (const auto& [reserved, name] : kReserved)
    if (reserved == code) return name;
  return std::nullopt;
}

}  // namespace cardface::card
