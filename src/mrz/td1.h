// ICAO Doc 9303 Part 5 TD1 machine-readable zone: 3 lines of 30 characters on an ID-1 card.
//
//   line 1: 1-2 document code · 3-5 issuing state · 6-14 document number · 15 check digit ·
//           16-30 optional data 1
//   line 2: 1-6 birth YYMMDD · 7 check · 8 sex · 9-14 expiry YYMMDD · 15 check ·
//           16-18 nationality · 19-29 optional data 2 · 30 composite check digit
//   line 3: name (see name_field.h)
//
// A document number over 9 characters takes the long form (Part 5 note j): its first 9
// characters in 6-14, `<` in 15, the rest from 16, then the check digit over the whole number,
// then `<`; optional data 1 follows that `<`. The rest ends by position 28 at the latest, so a
// number holds at most 22 characters, and optional data 1 then has 22 - length places left.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/card.h"

namespace cardface::mrz {

struct Td1Input {
  std::string document_code;         // 1-2 characters, the first A, C or I: "I", "ID"
  std::string issuing_state;         // Doc 9303 three-letter code, 1-3 letters: "UTO", "D"
  std::string document_number;       // 1-22 characters A-Z, 0-9
  std::string optional_data_1;       // A-Z, 0-9, `<`; 15 places (fewer after a long number)
  Date date_of_birth;                // a real calendar date
  char sex = '<';                    // 'M', 'F' or '<' (unspecified; 'X' is written as '<')
  Date date_of_expiry;               // a real calendar date
  std::string nationality;           // three-letter code, as issuing_state
  std::string optional_data_2;       // A-Z, 0-9, `<`; 11 places
  std::string primary_identifier;    // surname, raw UTF-8, transliterated here
  std::string secondary_identifier;  // given names, raw UTF-8; may be empty
};

// The three lines, each exactly 30 characters. Throws Error(ErrorKind::data) listing every
// problem, each naming its field: document_code, issuing_state, document_number, optional_data,
// date_of_birth, sex, date_of_expiry, nationality, surname, given_names. Messages never repeat
// the holder's values.
std::array<std::string, 3> td1_lines(const Td1Input& input);

// A date as the MRZ writes it: YYMMDD.
std::string mrz_date(const Date& date);

// One thing wrong with an MRZ. `field` is one of the names above, or "composite" for the
// composite check digit, "name" for the name line's layout, "" for the whole line or zone.
struct Fault {
  int line = 0;    // 1-3; 0 for the zone as a whole
  int column = 0;  // 1-30; 0 when no single position is at fault
  std::string field;
  std::string message;  // e.g. "birth date check digit is 3, expected 2"
};

// "line 2, position 7: birth date check digit is 3, expected 2"
std::string to_string(const Fault& fault);

// Every fault of a TD1 zone: line lengths, character set (lowercase named as such), document
// code, codes, every check digit (the long document number's too), dates, sex, the name line's
// layout. Empty when the zone is sound. Positions count characters (UTF-8 is decoded).
std::vector<Fault> check_td1(std::string_view line1, std::string_view line2,
                             std::string_view line3);

// The same for a zone given as text: lines separated by "\n" (or "\r\n"), a final newline
// allowed; anything but three lines is a fault of the zone (line 0).
std::vector<Fault> check_td1(std::string_view zone);

// A TD1 zone's fields as written, fillers removed from their ends.
struct Td1Fields {
  std::string document_code;    // "I", "ID"
  std::string issuing_state;    // "UTO", "D"
  std::string document_number;  // whole, also in the long form: "1234567890"
  bool long_document_number = false;
  std::string optional_data_1;
  std::string date_of_birth;  // YYMMDD as written; `<` where a part is unknown
  char sex = '<';
  std::string date_of_expiry;  // YYMMDD
  std::string nationality;
  std::string optional_data_2;
  std::string primary_identifier;      // components joined by spaces: "VAN DER MUELLEN"
  std::string secondary_identifier;    // "ANNA MARIA"; empty when there is none
  bool name_may_be_truncated = false;  // position 30 of line 3 is a letter (Part 5 §4.2.2.3)
};

// Reads the fields of a zone whose lines are 30 characters each; checks nothing else (that is
// check_td1's work). Throws Error(ErrorKind::data, "mrz", ...) when a line has another length.
Td1Fields parse_td1(std::string_view line1, std::string_view line2, std::string_view line3);

// The latest real date written `yymmdd` that is not after `not_after` (the century the MRZ
// leaves out): pass the expiry date or today for a birth date. nullopt for unknown parts or a
// date that does not exist.
std::optional<Date> expand_date(std::string_view yymmdd, const Date& not_after);

}  // namespace cardface::mrz
