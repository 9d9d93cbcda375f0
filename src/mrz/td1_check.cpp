// Checking and reading a TD1 zone (Doc 9303 Part 5 §4.2): check_td1, parse_td1.
#include <algorithm>

#include "cardface/error.h"
#include "core/utf8.h"
#include "mrz/check_digit.h"
#include "mrz/td1.h"

namespace cardface::mrz {
namespace {

constexpr std::size_t kLength = 30;

bool is_letter(char32_t c) {
  return c >= U'A' && c <= U'Z';
}
bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_mrz_char(char32_t c) {
  return is_letter(c) || is_digit(c) || c == U'<';
}

// How a fault quotes a character of the zone.
std::string quoted(char32_t c) {
  if (c == U' ') return "a space";
  if (c > 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  return utf8::code_point_name(c);
}

bool leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

int two_digits(std::u32string_view s) {
  return (s[0] - U'0') * 10 + (s[1] - U'0');
}

// The zone as ASCII text, for check_digit; only called on characters already checked.
std::string ascii(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += static_cast<char>(c);
  return out;
}

bool all_mrz(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), is_mrz_char);
}

class Checker {
 public:
  std::vector<Fault> faults;

  void add(int line, int column, std::string field, std::string message) {
    faults.push_back({line, column, std::move(field), std::move(message)});
  }

  // Compares the digit at `column` (1-based) of `line` with the check digit over `chars`.
  void check(int line, std::u32string_view text, int column, std::u32string_view chars,
             const std::string& field, const std::string& what) {
    if (!all_mrz(chars) || !is_mrz_char(text[column - 1])) return;  // charset faults said it
    const char32_t written = text[column - 1];
    const int expected = *check_digit(ascii(chars));
    if (!is_digit(written)) {
      add(line, column, field,
          what + " check digit is " + quoted(written) + ", not a digit; expected " +
              std::to_string(expected));
    } else if (static_cast<int>(written - U'0') != expected) {
      add(line, column, field,
          what + " check digit is " + std::string(1, static_cast<char>(written)) + ", expected " +
              std::to_string(expected));
    }
  }

  // A three-letter code at columns first..first+2: letters, then `<` fillers only.
  void country_code(int line, std::u32string_view text, int first, const std::string& field,
                    const std::string& what) {
    const std::u32string_view code = text.substr(first - 1, 3);
    if (!all_mrz(code)) return;
    std::size_t letters = 0;
    while (letters < 3 && is_letter(code[letters])) ++letters;
    bool fillers_only = true;
    for (std::size_t i = letters; i < 3; ++i) fillers_only = fillers_only && code[i] == U'<';
    if (letters == 0 || !fillers_only)
      add(line, first, field, what + " must be a three-letter code (letters, then < fillers)");
  }

  // YYMMDD at columns first..first+5. `unknown_allowed`: a birth date may have `<<` for an
  // unknown year, month or day (Part 3 §4.8).
  void date(int line, std::u32string_view text, int first, const std::string& field,
            const std::string& what, bool unknown_allowed) {
    const std::u32string_view date = text.substr(first - 1, 6);
    if (!all_mrz(date)) return;
    static const char* const kParts[] = {"year", "month", "day"};
    int values[3] = {-1, -1, -1};
    for (int part = 0; part < 3; ++part) {
      const std::u32string_view pair = date.substr(part * 2, 2);
      const int column = first + part * 2;
      if (is_digit(pair[0]) && is_digit(pair[1])) {
        values[part] = two_digits(pair);
      } else if (pair == U"<<" && unknown_allowed) {
        // unknown part
      } else {
        add(line, column, field,
            what + " " + kParts[part] + " must be two digits" +
                (unknown_allowed ? " (or << when unknown)" : ""));
        return;
      }
    }
    const int year = values[0];
    const int month = values[1];
    const int day = values[2];
    if (month != -1 && (month < 1 || month > 12)) {
      add(line, first + 2, field,
          what + " month is " + std::to_string(month) + "; months run from 01 to 12");
      return;
    }
    if (day == -1) return;
    // With the century unknown, 29 February passes for years divisible by 4 (2000 was leap).
    const int days = month == -1  ? 31
                     : year == -1 ? (month == 2 ? 29 : days_in_month(1, month))
                                  : days_in_month(2000 + year, month);
    if (day < 1 || day > days)
      add(line, first + 4, field,
          what + " day is " + std::to_string(day) +
              (month == -1 ? "; days run from 01 to 31"
                           : "; month " + std::to_string(month) + " has " + std::to_string(days) +
                                 " days"));
  }

  void line_lengths_and_charset(int line, std::u32string_view text) {
    if (text.size() != kLength)
      add(line, 0, "",
          "line has " + std::to_string(text.size()) + " characters, expected " +
              std::to_string(kLength));
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t c = text[i];
      const int column = static_cast<int>(i) + 1;
      if (c >= U'a' && c <= U'z')
        add(line, column, "", "lowercase letter; the MRZ uses capitals A-Z only");
      else if (!is_mrz_char(c))
        add(line, column, "", quoted(c) + " is not an MRZ character (A-Z, 0-9 and < only)");
    }
  }

  void line1(std::u32string_view l1) {
    if (is_mrz_char(l1[0]) && l1[0] != U'A' && l1[0] != U'C' && l1[0] != U'I')
      add(1, 1, "document_code", "document code must start with A, C or I, not " + quoted(l1[0]));
    if (l1[1] == U'V')
      add(1, 2, "document_code", "document code's second character may not be V");
    else if (l1[0] == U'A' && l1[1] == U'I')
      add(1, 2, "document_code", "document code AI is not allowed");
    else if (is_digit(l1[1]))
      add(1, 2, "document_code", "document code's second character must be a letter or <");
    country_code(1, l1, 3, "issuing_state", "issuing state");

    const std::u32string_view principal = l1.substr(5, 9);
    if (!all_mrz(principal)) return;
    if (l1[14] == U'<') {
      long_document_number(l1);
      return;
    }
    // Short form: the number, `<` fillers after it only.
    if (principal[0] == U'<') {
      add(1, 6, "document_number", "document number is empty (position 6 is a filler)");
      return;
    }
    for (std::size_t i = 1; i < principal.size(); ++i) {
      if (principal[i] != U'<' && principal[i - 1] == U'<') {
        add(1, static_cast<int>(6 + i), "document_number",
            "document number continues after a filler");
        return;
      }
    }
    check(1, l1, 15, principal, "document_number", "document number");
  }

  // `<` in 15: 9 characters in 6-14, the rest from 16, its check digit, then `<`.
  void long_document_number(std::u32string_view l1) {
    for (std::size_t i = 5; i < 14; ++i) {
      if (l1[i] == U'<') {
        add(1, static_cast<int>(i + 1), "document_number",
            "position 15 is < (long document number), but the number's first 9 characters "
            "have a filler");
        return;
      }
    }
    std::size_t end = 15;  // index of the `<` after the check digit
    while (end < kLength && l1[end] != U'<') ++end;
    if (end - 15 < 2) {
      add(1, 16, "document_number",
          "position 15 is < (long document number), but positions 16 onward do not hold the "
          "rest of the number and its check digit");
      return;
    }
    if (end == kLength) {
      add(1, 30, "document_number", "the long document number's check digit must be followed by <");
      return;
    }
    const std::u32string whole =
        std::u32string(l1.substr(5, 9)) + std::u32string(l1.substr(15, end - 1 - 15));
    check(1, l1, static_cast<int>(end), whole, "document_number", "long document number");
  }

  void line2(std::u32string_view l2) {
    date(2, l2, 1, "date_of_birth", "birth date", true);
    check(2, l2, 7, l2.substr(0, 6), "date_of_birth", "birth date");
    if (is_mrz_char(l2[7]) && l2[7] != U'M' && l2[7] != U'F' && l2[7] != U'<')
      add(2, 8, "sex", "sex must be M, F or <, not " + quoted(l2[7]));
    date(2, l2, 9, "date_of_expiry", "expiry date", false);
    check(2, l2, 15, l2.substr(8, 6), "date_of_expiry", "expiry date");
    country_code(2, l2, 16, "nationality", "nationality");
  }

  void composite(std::u32string_view l1, std::u32string_view l2) {
    const std::u32string chars = std::u32string(l1.substr(5, 25)) +
                                 std::u32string(l2.substr(0, 7)) + std::u32string(l2.substr(8, 7)) +
                                 std::u32string(l2.substr(18, 11));
    check(2, l2, 30, chars, "composite", "composite");
  }

  void line3(std::u32string_view l3) {
    // Which identifier a position belongs to: before the first `<<` the surname.
    const std::size_t separator = l3.find(U"<<");
    const auto part = [&](std::size_t i) {
      return separator == std::u32string_view::npos || i < separator ? "surname" : "given_names";
    };
    for (std::size_t i = 0; i < kLength; ++i) {
      if (is_digit(l3[i]))
        add(3, static_cast<int>(i + 1), part(i), "digit in the name; MRZ names hold letters only");
    }
    if (l3[0] == U'<') {
      add(3, 1, "name", "the name must start with the primary identifier, not a filler");
      return;
    }
    if (separator == std::u32string_view::npos) return;  // a primary identifier alone, cut
    std::size_t i = separator + 2;
    if (i < kLength && l3[i] == U'<') {
      // No secondary identifier: fillers to the end.
      const std::size_t letter = l3.find_first_not_of(U'<', i);
      if (letter != std::u32string_view::npos)
        add(3, static_cast<int>(letter + 1), "given_names",
            "more than two fillers between the primary and secondary identifiers");
      return;
    }
    const std::size_t padding = l3.find(U"<<", i);
    if (padding == std::u32string_view::npos) return;
    const std::size_t letter = l3.find_first_not_of(U'<', padding);
    if (letter != std::u32string_view::npos)
      add(3, static_cast<int>(letter + 1), "name",
          "letters after the name's filler padding (a second << in the name)");
  }
};

std::string trimmed(std::string_view s) {
  const std::size_t end = s.find_last_not_of('<');
  return end == std::string_view::npos ? std::string() : std::string(s.substr(0, end + 1));
}

// "VAN<DER<MUELLEN" → "VAN DER MUELLEN"
std::string spaced(std::string_view identifier) {
  std::string out(identifier);
  std::replace(out.begin(), out.end(), '<', ' ');
  return out;
}

}  // namespace

std::string to_string(const Fault& fault) {
  if (fault.line == 0) return fault.message;
  std::string out = "line " + std::to_string(fault.line);
  if (fault.column != 0) out += ", position " + std::to_string(fault.column);
  return out + ": " + fault.message;
}

std::vector<Fault> check_td1(std::string_view line1, std::string_view line2,
                             std::string_view line3) {
  const std::u32string l1 = utf8::decode_lenient(line1);
  const std::u32string l2 = utf8::decode_lenient(line2);
  const std::u32string l3 = utf8::decode_lenient(line3);
  Checker checker;
  checker.line_lengths_and_charset(1, l1);
  checker.line_lengths_and_charset(2, l2);
  checker.line_lengths_and_charset(3, l3);
  if (l1.size() == kLength) checker.line1(l1);
  if (l2.size() == kLength) checker.line2(l2);
  if (l1.size() == kLength && l2.size() == kLength) checker.composite(l1, l2);
  if (l3.size() == kLength) checker.line3(l3);
  std::stable_sort(checker.faults.begin(), checker.faults.end(),
                   [](const Fault& a, const Fault& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return checker.faults;
}

std::vector<Fault> check_td1(std::string_view zone) {
  std::vector<std::string_view> lines;
  while (!zone.empty()) {
    const std::size_t end = zone.find('\n');
    std::string_view line = zone.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    zone.remove_prefix(end + 1);
  }
  if (lines.size() != 3)
    return {{0, 0, "",
             "the zone has " + std::to_string(lines.size()) +
                 " lines; a TD1 zone has 3 lines of 30 characters"}};
  return check_td1(lines[0], lines[1], lines[2]);
}

Td1Fields parse_td1(std::string_view l1, std::string_view l2, std::string_view l3) {
  const std::string_view lines[] = {l1, l2, l3};
  for (int i = 0; i < 3; ++i) {
    if (lines[i].size() != kLength)
      throw Error(ErrorKind::data, "mrz",
                  "line " + std::to_string(i + 1) + " has " + std::to_string(lines[i].size()) +
                      " characters, expected 30");
  }
  Td1Fields f;
  f.document_code = trimmed(l1.substr(0, 2));
  f.issuing_state = trimmed(l1.substr(2, 3));
  const std::size_t rest_end = l1.find('<', 15);
  f.long_document_number =
      l1[14] == '<' && l1[15] != '<' && rest_end != std::string_view::npos && rest_end - 15 >= 2;
  if (f.long_document_number) {
    // The rest runs to the `<` after its check digit.
    f.document_number =
        std::string(l1.substr(5, 9)) + std::string(l1.substr(15, rest_end - 1 - 15));
    f.optional_data_1 = trimmed(l1.substr(rest_end + 1));
  } else {
    f.document_number = trimmed(l1.substr(5, 9));
    f.optional_data_1 = trimmed(l1.substr(15, 15));
  }
  f.date_of_birth = std::string(l2.substr(0, 6));
  f.sex = l2[7];
  f.date_of_expiry = std::string(l2.substr(8, 6));
  f.nationality = trimmed(l2.substr(15, 3));
  f.optional_data_2 = trimmed(l2.substr(18, 11));

  const std::size_t separator = l3.find("<<");
  if (separator == std::string_view::npos) {
    f.primary_identifier = spaced(trimmed(l3));
  } else {
    f.primary_identifier = spaced(l3.substr(0, separator));
    const std::string_view after = l3.substr(separator + 2);
    f.secondary_identifier = spaced(trimmed(after.substr(0, after.find("<<"))));
  }
  f.name_may_be_truncated = l3[kLength - 1] != '<';
  return f;
}

std::optional<Date> expand_date(std::string_view yymmdd, const Date& not_after) {
  if (yymmdd.size() != 6) return std::nullopt;
  for (char c : yymmdd)
    if (c < '0' || c > '9') return std::nullopt;
  const auto two = [&](std::size_t i) { return (yymmdd[i] - '0') * 10 + (yymmdd[i + 1] - '0'); };
  const int yy = two(0);
  const int month = two(2);
  const int day = two(4);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  int year = not_after.year - ((not_after.year % 100 - yy + 100) % 100);
  // 29 February may need a step back to a leap year's century; any other date at most one.
  for (int step = 0; step < 5 && year >= 1; ++step, year -= 100) {
    const Date candidate{year, month, day};
    if (day <= days_in_month(year, month) && candidate <= not_after) return candidate;
  }
  return std::nullopt;
}

}  // namespace cardface::mrz
