// The ISO 3166-1 table (data/countries.csv, made by tools/make-country-table.py): nationality
// codes a card may carry, with the names a card prints.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::card {

struct Country {
  std::string alpha3;   // "PAK"
  std::string numeric;  // "586", three digits
  std::string alpha2;   // "PK"
  std::string name_en;  // "Pakistan"
  std::string name_zh;  // "巴基斯坦"
};

// Look-ups in the table under paths::reference_data_dir(), read once on first use (thread-safe).
// nullptr when the code is not in the table. Throw Error(ErrorKind::file) naming the file when
// the table is missing or corrupt (and try again on the next call).
const Country* find_country_alpha3(std::string_view alpha3);
const Country* find_country_numeric(std::string_view numeric);
const std::vector<Country>& all_countries();

// The English name of a code ICAO Doc 9303 Part 3 reserves beside ISO 3166-1 (UTO, the
// fictional state of its specimens, is "Utopia"; XXA "Stateless person"; ...); nullopt for
// any other code.
std::optional<std::string_view> icao_reserved_name(std::string_view code);

// Reads and checks a table: header `alpha3,numeric,alpha2,name_en,name_zh`, RFC 4180 quoting,
// well-formed and unique codes, non-empty names. Error(ErrorKind::file) naming `file` and the line.
std::vector<Country> read_country_table(const std::filesystem::path& file);

}  // namespace cardface::card
