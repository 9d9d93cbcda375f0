#include "mrz/td1.h"

#include <cstdio>

#include "cardface/error.h"
#include "mrz/check_digit.h"
#include "mrz/name_field.h"

namespace cardface::mrz {
namespace {

constexpr std::size_t kLineLength = 30;
constexpr std::size_t kShortNumberLength = 9;
// The rest of a long number ends by position 28 (Part 5 §4.2.4): 9 + 13 characters.
constexpr std::size_t kLongNumberMax = 22;
constexpr std::size_t kOptionalData1Places = 15;
constexpr std::size_t kOptionalData2Places = 11;

bool is_letter(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alphanumeric(char c) {
  return is_letter(c) || is_digit(c);
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  out.resize(width, '<');
  return out;
}

char check_char(std::string_view chars) {
  return static_cast<char>('0' + *check_digit(chars));
}

bool is_real_date(const Date& date) {
  return date.year >= 1 && date.year <= 9999 && Date::parse_iso(date.iso()).has_value();
}

struct Problems {
  std::vector<Problem> list;
  void add(std::string where, std::string message) {
    list.push_back({std::move(where), std::move(message)});
  }
};

void check_document_code(std::string_view code, Problems& problems) {
  const char* const where = "document_code";
  if (code.empty() || code.size() > 2) {
    problems.add(where, "must be 1 or 2 characters, the first A, C or I");
    return;
  }
  if (code[0] != 'A' && code[0] != 'C' && code[0] != 'I')
    problems.add(where, "must start with A, C or I (Doc 9303 Part 5)");
  if (code.size() == 2) {
    if (!is_letter(code[1]) && code[1] != '<')
      problems.add(where, "second character must be a capital letter A-Z or <");
    else if (code[1] == 'V')
      problems.add(where, "second character may not be V (Doc 9303 Part 5, note k)");
    else if (code == "AI")
      problems.add(where, "AI is not allowed (Doc 9303 Part 5, note k)");
  }
}

// A Doc 9303 three-letter code: 1-3 capital letters, filled with `<` ("D" → "D<<").
void check_country_code(std::string_view code, const char* where, Problems& problems) {
  std::size_t letters = 0;
  while (letters < code.size() && is_letter(code[letters])) ++letters;
  bool fillers_only = true;
  for (std::size_t i = letters; i < code.size(); ++i) fillers_only = fillers_only && code[i] == '<';
  if (letters == 0 || code.size() > 3 || !fillers_only)
    problems.add(where, "must be a Doc 9303 three-letter code: 1 to 3 capital letters A-Z");
}

void check_optional_data(std::string_view data, std::size_t places, const std::string& which,
                         Problems& problems) {
  for (char c : data) {
    if (!is_alphanumeric(c) && c != '<') {
      problems.add("optional_data", which + " may hold only A-Z, 0-9 and <");
      return;
    }
  }
  if (data.size() > places)
    problems.add("optional_data", which + " has " + std::to_string(data.size()) + " characters; " +
                                      std::to_string(places) + " fit");
}

}  // namespace

std::string mrz_date(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02d%02d", ((date.year % 100) + 100) % 100, date.month,
                date.day);
  return buf;
}

std::array<std::string, 3> td1_lines(const Td1Input& in) {
  Problems problems;
  check_document_code(in.document_code, problems);
  check_country_code(in.issuing_state, "issuing_state", problems);
  check_country_code(in.nationality, "nationality", problems);

  const std::string& number = in.document_number;
  bool number_ok = true;
  if (number.empty()) {
    problems.add("document_number", "is empty");
    number_ok = false;
  } else {
    for (char c : number) {
      if (!is_alphanumeric(c)) {
        problems.add("document_number", "may hold only capital letters A-Z and digits 0-9");
        number_ok = false;
        break;
      }
    }
    if (number.size() > kLongNumberMax) {
      problems.add("document_number",
                   "has " + std::to_string(number.size()) + " characters; a TD1 holds at most " +
                       std::to_string(kLongNumberMax) + " (9 in positions 6-14, 13 from 16)");
      number_ok = false;
    }
  }
  const bool long_number = number.size() > kShortNumberLength;
  // A long number's rest, check digit and `<` take places of optional data 1.
  std::size_t optional_1_places = kOptionalData1Places;
  if (long_number && number_ok) optional_1_places = kLongNumberMax - number.size();
  std::string which_1 = "optional data 1";
  if (long_number && number_ok)
    which_1 += " (after a " + std::to_string(number.size()) + "-character document number)";
  check_optional_data(in.optional_data_1, optional_1_places, which_1, problems);
  check_optional_data(in.optional_data_2, kOptionalData2Places, "optional data 2", problems);

  if (!is_real_date(in.date_of_birth)) problems.add("date_of_birth", "is not a real calendar date");
  if (!is_real_date(in.date_of_expiry))
    problems.add("date_of_expiry", "is not a real calendar date");
  char sex = in.sex;
  if (sex == 'X') sex = '<';  // the VIZ writes X where the MRZ writes < (Part 5 note f)
  if (sex != 'M' && sex != 'F' && sex != '<')
    problems.add("sex", "must be M, F or < (unspecified)");

  std::string name;
  try {
    name = name_field(in.primary_identifier, in.secondary_identifier, kLineLength);
  } catch (const Error& e) {
    problems.list.insert(problems.list.end(), e.problems().begin(), e.problems().end());
  }
  if (!problems.list.empty()) throw Error(ErrorKind::data, std::move(problems.list));

  std::string line1 = padded(in.document_code, 2) + padded(in.issuing_state, 3);
  if (long_number) {
    line1 += number.substr(0, kShortNumberLength);
    line1 += '<';
    line1 += number.substr(kShortNumberLength);
    line1 += check_char(number);
    line1 += '<';
  } else {
    const std::string field = padded(number, kShortNumberLength);
    line1 += field;
    line1 += check_char(field);
  }
  line1 += in.optional_data_1;
  line1 = padded(line1, kLineLength);

  std::string line2 = mrz_date(in.date_of_birth);
  line2 += check_char(line2);
  line2 += sex;
  const std::string expiry = mrz_date(in.date_of_expiry);
  line2 += expiry;
  line2 += check_char(expiry);
  line2 += padded(in.nationality, 3);
  line2 += padded(in.optional_data_2, kOptionalData2Places);
  const std::string composite =
      line1.substr(5, 25) + line2.substr(0, 7) + line2.substr(8, 7) + line2.substr(18, 11);
  line2 += check_char(composite);

  return {line1, line2, name};
}

}  // namespace cardface::mrz
