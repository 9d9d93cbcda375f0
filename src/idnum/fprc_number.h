// Numbers of China's Foreign Permanent Resident ID Card (see ../shared/FACTS.md):
//   2023 card, 18 characters: 9 · province (2) · ISO 3166-1 numeric nationality (3) ·
//     birth YYYYMMDD · sequence (3, last digit odd = male) · ISO 7064 MOD 11-2 check character;
//   2017 card, 15 characters: ISO alpha-3 nationality · place code (4) · birth YYMMDD ·
//     sequence digit (odd = male) · ICAO 9303 7-3-1 check digit over characters 1-14.
// The 2017 layout is unconfirmed by a primary source; two independent implementations agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::idnum {

enum class FprcFormat { fprc2023, fprc2017 };

// The parts a number encodes, as written in it. Nothing here is checked beyond the number's
// shape (length and which positions hold digits or letters): see fprc_problems().
struct FprcNumber {
  FprcFormat format = FprcFormat::fprc2023;
  std::string place;        // 2023: province code (2 digits); 2017: place code (4 digits)
  std::string nationality;  // 2023: ISO 3166-1 numeric ("586"); 2017: alpha-3 ("PAK")
  int birth_year = 0;       // 2023: four digits; 2017: two digits (century not encoded)
  int birth_month = 0;
  int birth_day = 0;
  std::string sequence;  // 2023: 3 digits; 2017: 1 digit
  char sex = 'M';        // from the parity of the sequence's last digit: 'M' odd, 'F' even
  char check = '0';      // the check character as written

  bool birth_year_has_century() const { return format == FprcFormat::fprc2023; }
};

namespace fprc2023 {
inline constexpr std::size_t kLength = 18;
// Province-level codes of GB/T 2260: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65.
bool is_province_code(std::string_view two_digits);
// ISO 7064 MOD 11-2 over the first 17 characters; nullopt unless they are 17 digits.
std::optional<char> check_char(std::string_view first17);
}  // namespace fprc2023

namespace fprc2017 {
inline constexpr std::size_t kLength = 15;
// ICAO 9303 7-3-1 over the first 14 characters, as a digit; nullopt unless they are 14 of 0-9/A-Z.
std::optional<char> check_digit(std::string_view first14);
}  // namespace fprc2017

// Splits a number by its shape: 17 digits + a digit or `X` (2023), or 3 letters A-Z + 12 digits
// (2017). nullopt when it has neither shape.
std::optional<FprcNumber> decompose(std::string_view number);

// Whether the birth date the number encodes is a real calendar date (2017: in some century).
bool has_real_birth_date(const FprcNumber& number);

// Everything wrong with the number on its own, as sentences without a field name, e.g.
// "check character is 3, expected X". Empty when the number is valid. Agreement with the rest
// of the card (birth date, sex, nationality) is the card type's business.
std::vector<std::string> fprc_problems(std::string_view number);

}  // namespace cardface::idnum
