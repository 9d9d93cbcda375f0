// Prints COUNT distinct, valid fprc-2023 holder records as JSON Lines, for benchmarks and
// batch tests: every ID number is built by the library's own rules (province, nationality,
// birth date, sequence parity by sex, ISO 7064 check character), so every record passes.
//
//   cardface_make_holders COUNT PHOTO_DIR > holders.jsonl
//
// PHOTO_DIR is written into each record as given (photos resolve against the batch file):
// records cycle through PHOTO_DIR/s00.png ... s09.png, the bundled sample photos.
#include <array>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "card/countries.h"
#include "idnum/iso7064.h"

namespace {

constexpr std::array<const char*, 16> syllables = {"KA", "LO", "MI", "NE", "SA", "TU", "RI", "VO",
                                                   "BE", "DA", "GO", "HU", "JE", "PA", "ZO", "FI"};
constexpr std::array<const char*, 24> han = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄",
                                             "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
                                             "安", "文", "明", "华", "玛", "丽", "约", "翰"};
constexpr std::array<const char*, 12> nationalities = {"PAK", "USA", "DEU", "NGA", "GBR", "FRA",
                                                       "JPN", "KOR", "BRA", "IND", "CAN", "AUS"};
constexpr std::array<const char*, 6> provinces = {"11", "31", "44", "51", "32", "65"};

std::string latin_name(long n, int parts) {
  std::string name;
  for (int i = 0; i < parts; ++i) {
    name += syllables[n % 16];
    n /= 16;
  }
  return name;
}

char two_digits_buffer[8];
std::string two(int v) {
  std::snprintf(two_digits_buffer, sizeof two_digits_buffer, "%02d", v);
  return two_digits_buffer;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: cardface_make_holders COUNT PHOTO_DIR\n";
    return 2;
  }
  const long count = std::stol(argv[1]);
  const std::string photo_dir = argv[2];
  for (long i = 0; i < count; ++i) {
    // Birth dates are distinct for the first 16,800 holders; the sequence covers the rest.
    const int year = 1950 + int(i % 50), month = 1 + int(i / 50 % 12), day = 1 + int(i / 600 % 28);
    const bool male = i % 2 == 0;
    const int sequence = 10 + 2 * int(i / 16800 % 490) + (male ? 1 : 0);  // odd: male
    const std::string alpha3 = nationalities[i % nationalities.size()];
    const auto* country = cardface::card::find_country_alpha3(alpha3);
    const std::string date = std::to_string(year) + two(month) + two(day);
    std::string number = "9";  // appended piece by piece: GCC 12 warns falsely on "9" + ...
    number += provinces[i % provinces.size()];
    number += country->numeric;
    number += date;
    number += sequence < 100 ? "0" : "";
    number += std::to_string(sequence);
    number += *cardface::idnum::iso7064_mod11_2_check(number);

    nlohmann::ordered_json r;
    r["type"] = "fprc-2023";
    r["surname"] = latin_name(i, 3);
    r["given_names"] = latin_name(i / 7 + 3, 2) + " " + latin_name(i / 11 + 5, 2);
    if (i % 3 != 2) r["name_zh"] = std::string(han[i % 24]) + han[i / 24 % 24] + han[i / 576 % 24];
    r["sex"] = male ? "M" : "F";
    r["date_of_birth"] = std::to_string(year) + "-" + two(month) + "-" + two(day);
    r["nationality"] = alpha3;
    r["id_number"] = number;
    r["valid_from"] = "2024-03-01";
    r["valid_until"] = "2034-02-28";
    r["photo"] = photo_dir + "/s0" + std::to_string(i % 10) + ".png";
    std::cout << r.dump() << "\n";
  }
  return 0;
}
