#include "idnum/fprc_number.h"

#include <algorithm>
#include <cstdio>

#include "cardface/card.h"
#include "idnum/iso7064.h"
#include "mrz/check_digit.h"

namespace cardface::idnum {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}
bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_digit);
}
bool all_capitals(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_capital);
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

char sex_of(char last_sequence_digit) {
  return (last_sequence_digit - '0') % 2 ? 'M' : 'F';
}

bool has_2023_shape(std::string_view n) {
  return n.size() == fprc2023::kLength && all_digits(n.substr(0, 17)) &&
         (is_digit(n[17]) || n[17] == 'X');
}

bool has_2017_shape(std::string_view n) {
  return n.size() == fprc2017::kLength && all_capitals(n.substr(0, 3)) && all_digits(n.substr(3));
}

void check_2023(std::string_view n, std::vector<std::string>& out) {
  if (!all_digits(n.substr(0, 17))) out.push_back("positions 1-17 must be digits");
  if (!is_digit(n[17]) && n[17] != 'X') out.push_back("check character must be a digit or X");
  if (!out.empty()) return;

  const FprcNumber parts = *decompose(n);
  // Without the 9 it is likely a citizen's number (GB 11643), whose fields sit elsewhere:
  // reading ours from it would only report noise. Its check character works the same.
  if (n[0] != '9') {
    out.push_back("does not start with 9, the mark of a foreigner's number");
  } else {
    if (!fprc2023::is_province_code(parts.place))
      out.push_back("positions 2-3 are not a province-level code (GB/T 2260)");
    if (!has_real_birth_date(parts))
      out.push_back("birth date in the number (positions 7-14) is not a real date");
  }
  if (const char expected = *fprc2023::check_char(n.substr(0, 17)); expected != parts.check)
    out.push_back(std::string("check character is ") + parts.check + ", expected " + expected);
}

void check_2017(std::string_view n, std::vector<std::string>& out) {
  if (!all_capitals(n.substr(0, 3)))
    out.push_back("positions 1-3 must be letters A-Z (the nationality)");
  if (!all_digits(n.substr(3))) out.push_back("positions 4-15 must be digits");
  if (!out.empty()) return;

  const FprcNumber parts = *decompose(n);
  if (!has_real_birth_date(parts))
    out.push_back("birth date in the number (positions 8-13) is not a real date");
  if (const char expected = *fprc2017::check_digit(n.substr(0, 14)); expected != parts.check)
    out.push_back(std::string("check digit is ") + parts.check + ", expected " + expected);
}

}  // namespace

namespace fprc2023 {

bool is_province_code(std::string_view code) {
  if (code.size() != 2 || !all_digits(code)) return false;
  const int value = to_int(code);
  return (value >= 11 && value <= 15) || (value >= 21 && value <= 23) ||
         (value >= 31 && value <= 37) || (value >= 41 && value <= 46) ||
         (value >= 50 && value <= 54) || (value >= 61 && value <= 65);
}

std::optional<char> check_char(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  return iso7064_mod11_2_check(first17);
}

}  // namespace fprc2023

namespace fprc2017 {

std::optional<char> check_digit(std::string_view first14) {
  if (first14.size() != 14 || first14.find('<') != std::string_view::npos) return std::nullopt;
  const std::optional<int> digit = mrz::check_digit(first14);
  if (!digit) return std::nullopt;
  return static_cast<char>('0' + *digit);
}

}  // namespace fprc2017

std::optional<FprcNumber> decompose(std::string_view n) {
  const auto part = [&](std::size_t pos, std::size_t count) {
    return std::string(n.data() + pos, count);
  };
  std::optional<FprcNumber> parts;
  if (has_2023_shape(n)) {
    parts = FprcNumber{.format = FprcFormat::fprc2023,
                       .place = part(1, 2),
                       .nationality = part(3, 3),
                       .birth_year = to_int(n.substr(6, 4)),
                       .birth_month = to_int(n.substr(10, 2)),
                       .birth_day = to_int(n.substr(12, 2)),
                       .sequence = part(14, 3),
                       .sex = sex_of(n[16]),
                       .check = n[17]};
  } else if (has_2017_shape(n)) {
    parts = FprcNumber{.format = FprcFormat::fprc2017,
                       .place = part(3, 4),
                       .nationality = part(0, 3),
                       .birth_year = to_int(n.substr(7, 2)),
                       .birth_month = to_int(n.substr(9, 2)),
                       .birth_day = to_int(n.substr(11, 2)),
                       .sequence = part(13, 1),
                       .sex = sex_of(n[13]),
                       .check = n[14]};
  }
  return parts;
}

bool has_real_birth_date(const FprcNumber& n) {
  // The 2017 number has no century; 2000 + YY is a leap year exactly when YY is a multiple of
  // 4, which accepts 29 February of any year that may have one.
  const int year = n.birth_year_has_century() ? n.birth_year : 2000 + n.birth_year;
  if (year < 1 || year > 9999 || n.birth_month < 1 || n.birth_month > 12 || n.birth_day < 1)
    return false;
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, n.birth_month, n.birth_day);
  return Date::parse_iso(text).has_value();
}

std::vector<std::string> fprc_problems(std::string_view n) {
  std::vector<std::string> out;
  if (n.empty()) return {"is empty"};
  if (!std::all_of(n.begin(), n.end(), [](char c) { return is_digit(c) || is_capital(c); })) {
    const bool lower = std::any_of(n.begin(), n.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    out.push_back(lower ? "contains a lower-case letter; letters are written as capitals A-Z"
                        : "contains a character other than the digits 0-9 and capitals A-Z");
    return out;
  }
  if (n.size() == fprc2023::kLength) {
    check_2023(n, out);
  } else if (n.size() == fprc2017::kLength) {
    check_2017(n, out);
  } else {
    out.push_back("is " + std::to_string(n.size()) +
                  " characters long; expected 18 (2023 card) or 15 (2017 card)");
  }
  return out;
}

}  // namespace cardface::idnum
