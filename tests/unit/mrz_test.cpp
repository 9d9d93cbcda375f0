// ICAO Doc 9303 TD1 MRZ: expected strings are the standard's own examples (Part 3 Appendix A,
// Part 3 §4.6 and §6.A, Part 5 §4.2 and its specimen) or follow from its rules by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cardface/error.h"
#include "mrz/check_digit.h"
#include "mrz/name_field.h"
#include "mrz/td1.h"
#include "mrz/transliterate.h"

namespace cardface::mrz {
namespace {

using Lines = std::array<std::string, 3>;

// Doc 9303 Part 5 specimen: ERIKSSON, ANNA MARIA.
Td1Input eriksson() {
  Td1Input in;
  in.document_code = "I";
  in.issuing_state = "UTO";
  in.document_number = "D23145890";
  in.date_of_birth = {1974, 8, 12};
  in.sex = 'F';
  in.date_of_expiry = {2012, 4, 15};
  in.nationality = "UTO";
  in.primary_identifier = "ERIKSSON";
  in.secondary_identifier = "ANNA MARIA";
  return in;
}

const Lines kSpecimen = {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                         "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"};

// The problems of the Error that `f` throws.
template <typename F>
std::vector<Problem> problems_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data);
    return e.problems();
  }
  ADD_FAILURE() << "no cardface::Error thrown";
  return {};
}

bool names_field(const std::vector<Problem>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const Problem& p) { return p.where == field; });
}

bool has_fault(const std::vector<Fault>& faults, int line, int column, const std::string& field,
               const std::string& message) {
  return std::any_of(faults.begin(), faults.end(), [&](const Fault& f) {
    return f.line == line && f.column == column && f.field == field && f.message == message;
  });
}

std::string describe(const std::vector<Fault>& faults) {
  std::string out;
  for (const Fault& f : faults) out += to_string(f) + "\n";
  return out;
}

// --- check digits (Part 3 §4.9, Appendix A) ---------------------------------------------------

TEST(MrzCheckDigit, Part3AppendixAExamples) {
  EXPECT_EQ(check_digit("520727"), 3);      // Example 1: 27 July 1952
  EXPECT_EQ(check_digit("AB2134<<<"), 5);   // Example 2
  EXPECT_EQ(check_digit("1234567890"), 7);  // Part 5 long document number
}

// --- composing TD1 lines ----------------------------------------------------------------------

TEST(MrzTd1Lines, Part5Specimen) {
  EXPECT_EQ(td1_lines(eriksson()), kSpecimen);
}

TEST(MrzTd1Lines, Part3AppendixAComposite) {
  Td1Input in = eriksson();
  in.issuing_state = "YTO";
  in.nationality = "YTO";
  in.date_of_birth = {1934, 7, 12};
  in.sex = 'M';
  in.date_of_expiry = {1995, 7, 12};
  const Lines lines = td1_lines(in);
  EXPECT_EQ(lines[0], "I<YTOD231458907<<<<<<<<<<<<<<<");
  EXPECT_EQ(lines[1], "3407127M9507122YTO<<<<<<<<<<<2");
}

TEST(MrzTd1Lines, LongDocumentNumber) {
  Td1Input in = eriksson();
  in.document_code = "ID";
  in.document_number = "1234567890";
  const Lines lines = td1_lines(in);
  EXPECT_EQ(lines[0], "IDUTO123456789<07<<<<<<<<<<<<<");
  EXPECT_TRUE(check_td1(lines[0], lines[1], lines[2]).empty())
      << describe(check_td1(lines[0], lines[1], lines[2]));
}

TEST(MrzTd1Lines, LongDocumentNumberThenOptionalData) {
  Td1Input in = eriksson();
  in.document_code = "ID";
  in.document_number = "1234567890";
  in.optional_data_1 = "ABC";
  // 16: rest "0", 17: check 7, 18: "<", optional data from 19.
  EXPECT_EQ(td1_lines(in)[0], "IDUTO123456789<07<ABC<<<<<<<<<");
}

TEST(MrzTd1Lines, LongestDocumentNumberFillsLineOne) {
  Td1Input in = eriksson();
  in.document_number = "1234567890123456789012";  // 22: rest ends at 28, check 29, < 30
  const Lines lines = td1_lines(in);
  EXPECT_EQ(lines[0].size(), 30u);
  const int check = *check_digit("1234567890123456789012");
  EXPECT_EQ(lines[0].substr(5), "123456789<0123456789012" + std::to_string(check) + "<");
  EXPECT_TRUE(check_td1(lines[0], lines[1], lines[2]).empty());
}

TEST(MrzTd1Lines, ShortNumberAndOptionalData) {
  Td1Input in = eriksson();
  in.optional_data_1 = "AB<12";
  in.optional_data_2 = "XYZ";
  const Lines lines = td1_lines(in);
  EXPECT_EQ(lines[0], "I<UTOD231458907AB<12<<<<<<<<<<");
  EXPECT_EQ(lines[1].substr(18, 11), "XYZ<<<<<<<<");
  EXPECT_TRUE(check_td1(lines[0], lines[1], lines[2]).empty());
}

TEST(MrzTd1Lines, CodesFilledWithFillers) {
  Td1Input in = eriksson();
  in.issuing_state = "D";
  in.nationality = "D";
  const Lines lines = td1_lines(in);
  EXPECT_EQ(lines[0].substr(0, 5), "I<D<<");
  EXPECT_EQ(lines[1].substr(15, 3), "D<<");
}

TEST(MrzTd1Lines, SexUnspecified) {
  Td1Input in = eriksson();
  in.sex = '<';
  EXPECT_EQ(td1_lines(in)[1][7], '<');
  in.sex = 'X';  // the VIZ's X is the MRZ's <
  EXPECT_EQ(td1_lines(in)[1][7], '<');
}

TEST(MrzTd1Lines, DatesAsYymmdd) {
  EXPECT_EQ(mrz_date({1942, 7, 12}), "420712");  // Part 3 §4.8
  EXPECT_EQ(mrz_date({2003, 1, 9}), "030109");
}

// --- TD1 errors -------------------------------------------------------------------------------

TEST(MrzTd1Errors, LongNumberAndOptionalDataTooLong) {
  Td1Input in = eriksson();
  in.document_number = "931586198001010028";  // 18: 4 places left for optional data 1
  in.optional_data_1 = "ABCD";
  EXPECT_NO_THROW(td1_lines(in));
  in.optional_data_1 = "ABCDE";
  const auto problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "optional_data");
  EXPECT_EQ(problems[0].message,
            "optional data 1 (after a 18-character document number) has 5 characters; 4 fit");
}

TEST(MrzTd1Errors, DocumentNumberTooLongOrNotAlphanumeric) {
  Td1Input in = eriksson();
  in.document_number = "12345678901234567890123";  // 23
  auto problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "document_number");
  in.document_number = "d2314589";
  problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "document_number");
  EXPECT_EQ(problems[0].message.find("d2314589"), std::string::npos);
  in.document_number = "";
  EXPECT_TRUE(names_field(problems_of([&] { td1_lines(in); }), "document_number"));
}

TEST(MrzTd1Errors, EveryProblemAtOnce) {
  Td1Input in = eriksson();
  in.document_code = "P";
  in.issuing_state = "Utopia";
  in.nationality = "";
  in.date_of_birth = {1974, 2, 30};
  in.date_of_expiry = {};
  in.sex = 'Q';
  in.optional_data_2 = "123456789012";  // 12 > 11
  in.primary_identifier = "证件";
  in.secondary_identifier = "Anna 2";
  const auto problems = problems_of([&] { td1_lines(in); });
  for (const char* field : {"document_code", "issuing_state", "nationality", "date_of_birth",
                            "date_of_expiry", "sex", "optional_data", "surname", "given_names"})
    EXPECT_TRUE(names_field(problems, field)) << field;
  for (const Problem& p : problems) {
    EXPECT_EQ(p.message.find("证件"), std::string::npos);
    EXPECT_EQ(p.message.find("Utopia"), std::string::npos);
    EXPECT_EQ(p.message.find("Anna"), std::string::npos);
  }
}

TEST(MrzTd1Errors, DocumentCodeRules) {
  Td1Input in = eriksson();
  for (const char* bad : {"", "P", "IDX", "IV", "AI", "i"}) {
    in.document_code = bad;
    EXPECT_TRUE(names_field(problems_of([&] { td1_lines(in); }), "document_code")) << bad;
  }
  for (const char* good : {"I", "ID", "A", "AC", "C<", "IR"}) {
    in.document_code = good;
    EXPECT_NO_THROW(td1_lines(in)) << good;
  }
}

TEST(MrzTd1Errors, NameWithoutLatinLetters) {
  Td1Input in = eriksson();
  in.primary_identifier = "-'.";
  auto problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "surname");
  EXPECT_EQ(problems[0].message, "has no Latin letter to write in the MRZ");
  in.primary_identifier = "";
  problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "surname");
  in = eriksson();
  in.secondary_identifier = "...";
  problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "given_names");
}

TEST(MrzTd1Errors, NameWithNonLatinScript) {
  Td1Input in = eriksson();
  in.primary_identifier = "Иванов";
  const auto problems = problems_of([&] { td1_lines(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "surname");
  EXPECT_EQ(problems[0].message,
            "character 1 (U+0418) is not a Latin letter with an MRZ transliteration");
}

// --- transliteration (Part 3 §6.A, §4.6) ------------------------------------------------------

struct Letter {
  const char* upper;
  const char* lower;  // "" when the letter has no (Latin-1 / Extended-A) other case
  const char* mrz;
};

// Doc 9303 Part 3 §6.A, entry by entry, with the first spelling where it offers two.
const Letter kIcaoTable[] = {
    {"À", "à", "A"},  {"Á", "á", "A"},  {"Â", "â", "A"},  {"Ã", "ã", "A"},  {"Ä", "ä", "AE"},
    {"Å", "å", "AA"}, {"Æ", "æ", "AE"}, {"Ç", "ç", "C"},  {"È", "è", "E"},  {"É", "é", "E"},
    {"Ê", "ê", "E"},  {"Ë", "ë", "E"},  {"Ì", "ì", "I"},  {"Í", "í", "I"},  {"Î", "î", "I"},
    {"Ï", "ï", "I"},  {"Ð", "ð", "D"},  {"Ñ", "ñ", "N"},  {"Ò", "ò", "O"},  {"Ó", "ó", "O"},
    {"Ô", "ô", "O"},  {"Õ", "õ", "O"},  {"Ö", "ö", "OE"}, {"Ø", "ø", "OE"}, {"Ù", "ù", "U"},
    {"Ú", "ú", "U"},  {"Û", "û", "U"},  {"Ü", "ü", "UE"}, {"Ý", "ý", "Y"},  {"Þ", "þ", "TH"},
    {"Ā", "ā", "A"},  {"Ă", "ă", "A"},  {"Ą", "ą", "A"},  {"Ć", "ć", "C"},  {"Ĉ", "ĉ", "C"},
    {"Ċ", "ċ", "C"},  {"Č", "č", "C"},  {"Ď", "ď", "D"},  {"Đ", "đ", "D"},  {"Ē", "ē", "E"},
    {"Ĕ", "ĕ", "E"},  {"Ė", "ė", "E"},  {"Ę", "ę", "E"},  {"Ě", "ě", "E"},  {"Ĝ", "ĝ", "G"},
    {"Ğ", "ğ", "G"},  {"Ġ", "ġ", "G"},  {"Ģ", "ģ", "G"},  {"Ĥ", "ĥ", "H"},  {"Ħ", "ħ", "H"},
    {"Ĩ", "ĩ", "I"},  {"Ī", "ī", "I"},  {"Ĭ", "ĭ", "I"},  {"Į", "į", "I"},  {"İ", "", "I"},
    {"ı", "", "I"},   {"Ĳ", "ĳ", "IJ"}, {"Ĵ", "ĵ", "J"},  {"Ķ", "ķ", "K"},  {"Ĺ", "ĺ", "L"},
    {"Ļ", "ļ", "L"},  {"Ľ", "ľ", "L"},  {"Ŀ", "ŀ", "L"},  {"Ł", "ł", "L"},  {"Ń", "ń", "N"},
    {"Ņ", "ņ", "N"},  {"Ň", "ň", "N"},  {"Ŋ", "ŋ", "N"},  {"Ō", "ō", "O"},  {"Ŏ", "ŏ", "O"},
    {"Ő", "ő", "O"},  {"Œ", "œ", "OE"}, {"Ŕ", "ŕ", "R"},  {"Ŗ", "ŗ", "R"},  {"Ř", "ř", "R"},
    {"Ś", "ś", "S"},  {"Ŝ", "ŝ", "S"},  {"Ş", "ş", "S"},  {"Š", "š", "S"},  {"Ţ", "ţ", "T"},
    {"Ť", "ť", "T"},  {"Ŧ", "ŧ", "T"},  {"Ũ", "ũ", "U"},  {"Ū", "ū", "U"},  {"Ŭ", "ŭ", "U"},
    {"Ů", "ů", "U"},  {"Ű", "ű", "U"},  {"Ų", "ų", "U"},  {"Ŵ", "ŵ", "W"},  {"Ŷ", "ŷ", "Y"},
    {"Ÿ", "ÿ", "Y"},  {"Ź", "ź", "Z"},  {"Ż", "ż", "Z"},  {"Ž", "ž", "Z"},  {"ẞ", "ß", "SS"},
};

// Latin-1 Supplement and Extended-A letters §6.A leaves out: our documented choices.
const Letter kOtherLatin[] = {
    {"ª", "", "A"}, {"º", "", "O"}, {"µ", "", "M"},  // ordinal indicators; micro sign = mu
    {"ĸ", "", "Q"},                                  // kra: Greenlandic since 1973 writes q
    {"ŉ", "", "N"},                                  // ʼn: the apostrophe is dropped
    {"ſ", "", "S"},                                  // long s
};

TEST(MrzTransliterate, Part3Section6ATableEntryByEntry) {
  for (const Letter& l : kIcaoTable) {
    EXPECT_EQ(transliterate(l.upper), l.mrz) << l.upper;
    if (*l.lower) {
      EXPECT_EQ(transliterate(l.lower), l.mrz) << l.lower;
    }
  }
  for (const Letter& l : kOtherLatin) EXPECT_EQ(transliterate(l.upper), l.mrz) << l.upper;
}

// UTF-8 of one code point below U+0800.
std::string utf8_of(char32_t c) {
  if (c < 0x80) return std::string(1, static_cast<char>(c));
  return {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
}

TEST(MrzTransliterate, EveryLatin1AndExtendedALetterIsInTheTables) {
  std::vector<std::string> listed;
  for (const Letter& l : kIcaoTable) listed.insert(listed.end(), {l.upper, l.lower});
  for (const Letter& l : kOtherLatin) listed.push_back(l.upper);
  for (char32_t c = 0xC0; c <= 0x17F; ++c) {
    if (c == 0xD7 || c == 0xF7) continue;  // × ÷ are not letters
    const std::string letter = utf8_of(c);
    EXPECT_NE(std::find(listed.begin(), listed.end(), letter), listed.end())
        << "U+" << std::hex << static_cast<unsigned>(c) << " untested";
    const std::string mrz = transliterate(letter);
    EXPECT_FALSE(mrz.empty());
    EXPECT_TRUE(std::all_of(mrz.begin(), mrz.end(), [](char m) { return m >= 'A' && m <= 'Z'; }));
  }
}

TEST(MrzTransliterate, CommonExtendedBAndAdditionalLetters) {
  EXPECT_EQ(transliterate("Șerban Țurcanu"), "SERBAN<TURCANU");  // Romanian comma below
  EXPECT_EQ(transliterate("Nguyễn Thị Ánh Nguyệt"), "NGUYEN<THI<ANH<NGUYET");  // Vietnamese
  EXPECT_EQ(transliterate("Trương Văn Đức"), "TRUONG<VAN<DUC");
  EXPECT_EQ(transliterate("Lǚ Nǐ"), "LUE<NI");       // pinyin tone marks
  EXPECT_EQ(transliterate("Məmmədov"), "MAMMADOV");  // Azerbaijani schwa
  EXPECT_EQ(transliterate("Ɓello Ɗanjuma Ƙabir Ƴusuf"), "BELLO<DANJUMA<KABIR<YUSUF");  // Hausa
  EXPECT_EQ(transliterate("Ǿrsted Ǽlfric"), "OERSTED<AELFRIC");
}

TEST(MrzTransliterate, DecomposedEqualsPrecomposed) {
  EXPECT_EQ(transliterate("A\u0308"), "AE");
  EXPECT_EQ(transliterate("a\u0308"), "AE");
  EXPECT_EQ(transliterate("O\u0308"), "OE");
  EXPECT_EQ(transliterate("u\u0308"), "UE");
  EXPECT_EQ(transliterate("A\u030A"), "AA");
  EXPECT_EQ(transliterate("E\u0308"), "E");  // only A, O, U spell out the diaeresis
  EXPECT_EQ(transliterate("e\u0301"), "E");
  EXPECT_EQ(transliterate("N\u0303"), "N");
  EXPECT_EQ(transliterate("u\u0308\u0304"), transliterate("ǖ"));
  EXPECT_EQ(transliterate("Mu\u0308ller-Lu\u0308denscheidt"), transliterate("Müller-Lüdenscheidt"));
  EXPECT_EQ(transliterate("A\u030A\u0301sa"), transliterate("Ǻsa"));
  EXPECT_EQ(transliterate("Marie-E\u0300ve"), "MARIE<EVE");
}

TEST(MrzTransliterate, Part3Section4_6Punctuation) {
  EXPECT_EQ(transliterate("D'ARTAGNAN"), "DARTAGNAN");  // apostrophe omitted
  EXPECT_EQ(transliterate("O’Connor"), "OCONNOR");      // U+2019
  EXPECT_EQ(transliterate("MARIE-ELISE"), "MARIE<ELISE");
  EXPECT_EQ(transliterate("ANNA, MARIA"), "ANNA<MARIA");  // comma between components
  EXPECT_EQ(transliterate("St. John"), "ST<JOHN");        // other punctuation omitted
  EXPECT_EQ(transliterate("J.R.R."), "JRR");
  EXPECT_EQ(transliterate("  anna   maria  "), "ANNA<MARIA");
  EXPECT_EQ(transliterate("Jean\u00A0Luc\u2010Pierre"), "JEAN<LUC<PIERRE");
  EXPECT_EQ(transliterate("ANNA<MARIA"), "ANNA<MARIA");  // already in MRZ form
  EXPECT_EQ(transliterate("Paral·lel"), "PARALLEL");     // Catalan middle dot
  EXPECT_EQ(transliterate(""), "");
  EXPECT_EQ(transliterate("-"), "");
}

TEST(MrzTransliterate, DigitsAndOtherScriptsAreErrors) {
  auto problems = problems_of([] { transliterate("Henry 3rd", "given_names"); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "given_names");
  EXPECT_EQ(problems[0].message, "character 7 is a digit; MRZ names hold letters only");
  problems = problems_of([] { transliterate("Ζωή", "surname"); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "character 1 (U+0396) is not a Latin letter with an MRZ transliteration");
  problems = problems_of([] { transliterate("AB\xFF", "surname"); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "byte 3 is not valid UTF-8");
  problems = problems_of([] { transliterate("A\x01", "surname"); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "character 2 (U+0001) is a control character");
}

// --- name field (Part 5 §4.2.2.3, §4.2.3) -----------------------------------------------------

TEST(MrzNameField, Part5ExamplesThatFit) {
  EXPECT_EQ(name_field("Van Der Muellen", "Martin", 30), "VAN<DER<MUELLEN<<MARTIN<<<<<<<");
  EXPECT_EQ(name_field("Al-Basri", "Huda Muhammad Jawad", 30), "AL<BASRI<<HUDA<MUHAMMAD<JAWAD<");
  EXPECT_EQ(name_field("Papandropoulous", "Jonathon Alec", 30), "PAPANDROPOULOUS<<JONATHON<ALEC");
  EXPECT_EQ(name_field("Arkfreith", "", 30), "ARKFREITH<<<<<<<<<<<<<<<<<<<<<");
  EXPECT_EQ(name_field("Satriya Sudarpa", " ", 30), "SATRIYA<SUDARPA<<<<<<<<<<<<<<<");
}

TEST(MrzNameField, Part5SecondaryIdentifierCut) {
  // Part 5 §4.2.3.4: the secondary identifier cut at position 30.
  EXPECT_EQ(name_field("Vilarchao Fernandez", "Jose Ramon", 30), "VILARCHAO<FERNANDEZ<<JOSE<RAMO");
  EXPECT_EQ(name_field("Nilavadhanananda", "Chayapa Dejthamrong Krasuang", 30),
            "NILAVADHANANANDA<<CHAYAPA<DEJT");
  EXPECT_EQ(name_field("MÜLLER-LÜDENSCHEIDT", "ANNA-LENA ÅSA", 30),
            "MUELLER<LUEDENSCHEIDT<<ANNA<LE");
}

TEST(MrzNameField, PrimaryIdentifierCutUntilSeparatorAndInitialFit) {
  const std::string field = name_field("WOLFESCHLEGELSTEINHAUSENBERGERDORFF", "HUBERT BLAINE", 30);
  EXPECT_EQ(field, "WOLFESCHLEGELSTEINHAUSENBER<<H");
  EXPECT_EQ(field.size(), 30u);
  EXPECT_NE(field.find("<<H"), std::string::npos);
  EXPECT_TRUE(field.back() >= 'A' && field.back() <= 'Z');
  // Several components: the cut takes the last ones first.
  EXPECT_EQ(name_field("Bennelong Wooloomooloo Warrandyte Warnambool", "Dingo Potoroo", 30),
            "BENNELONG<WOOLOOMOOLOO<WARR<<D");
  // A 27-letter primary identifier stays whole; the secondary is its initial.
  EXPECT_EQ(name_field("ABCDEFGHIJKLMNOPQRSTUVWXYZA", "ANNA", 30),
            "ABCDEFGHIJKLMNOPQRSTUVWXYZA<<A");
}

TEST(MrzNameField, PrimaryIdentifierAloneCut) {
  EXPECT_EQ(name_field("Bennelong Wooloomooloo Warrandyte Warnambool", "", 30),
            "BENNELONG<WOOLOOMOOLOO<WARRAND");
}

TEST(MrzNameField, CutNeverEndsOnAFiller) {
  // Cut at 30 would leave SCHWARZENEGGERSON<<ANNA<MARIA< : MARIA gives up a letter for L.
  EXPECT_EQ(name_field("Schwarzeneggerson", "Anna Maria Louise", 30),
            "SCHWARZENEGGERSON<<ANNA<MARI<L");
  // The same for a primary identifier alone: 14 + < + 14 letters + < at 30.
  EXPECT_EQ(name_field("Abcdefghijklmn Opqrstuvwxyzab Cde", "", 30),
            "ABCDEFGHIJKLMN<OPQRSTUVWXYZA<C");
}

// --- checking (Part 5 §4.2) ------------------------------------------------------------------

TEST(MrzCheckTd1, SpecimenHasNoFaults) {
  const auto faults = check_td1(kSpecimen[0], kSpecimen[1], kSpecimen[2]);
  EXPECT_TRUE(faults.empty()) << describe(faults);
  EXPECT_TRUE(check_td1(kSpecimen[0] + "\n" + kSpecimen[1] + "\r\n" + kSpecimen[2] + "\n").empty());
}

TEST(MrzCheckTd1, Part3AppendixACompositeHasNoFaults) {
  const auto faults = check_td1("I<YTOD231458907<<<<<<<<<<<<<<<", "3407127M9507122YTO<<<<<<<<<<<2",
                                "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  EXPECT_TRUE(faults.empty()) << describe(faults);
}

TEST(MrzCheckTd1, WrongLength) {
  const auto faults = check_td1(kSpecimen[0], "7408122F1204159UTO<<<<<<<<<<6", kSpecimen[2]);  // 29
  ASSERT_EQ(faults.size(), 1u) << describe(faults);
  EXPECT_EQ(to_string(faults[0]), "line 2: line has 29 characters, expected 30");
}

TEST(MrzCheckTd1, WrongLineCount) {
  const auto faults = check_td1(kSpecimen[0] + "\n" + kSpecimen[1]);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].line, 0);
  EXPECT_EQ(to_string(faults[0]), "the zone has 2 lines; a TD1 zone has 3 lines of 30 characters");
}

TEST(MrzCheckTd1, BadBirthDateCheckDigit) {
  // Position 7 written 3 instead of 2; the composite (weight 3 there) then expects 6 + 3 = 9.
  const auto faults = check_td1(kSpecimen[0], "7408123F1204159UTO<<<<<<<<<<<6", kSpecimen[2]);
  ASSERT_EQ(faults.size(), 2u) << describe(faults);
  EXPECT_EQ(to_string(faults[0]), "line 2, position 7: birth date check digit is 3, expected 2");
  EXPECT_EQ(faults[0].field, "date_of_birth");
  EXPECT_EQ(to_string(faults[1]), "line 2, position 30: composite check digit is 6, expected 9");
  EXPECT_EQ(faults[1].field, "composite");
}

TEST(MrzCheckTd1, BadDocumentNumberAndExpiryCheckDigits) {
  auto faults = check_td1("I<UTOD231458900<<<<<<<<<<<<<<<", kSpecimen[1], kSpecimen[2]);
  EXPECT_TRUE(
      has_fault(faults, 1, 15, "document_number", "document number check digit is 0, expected 7"))
      << describe(faults);
  faults = check_td1(kSpecimen[0], "7408122F1204158UTO<<<<<<<<<<<6", kSpecimen[2]);
  EXPECT_TRUE(
      has_fault(faults, 2, 15, "date_of_expiry", "expiry date check digit is 8, expected 9"))
      << describe(faults);
}

TEST(MrzCheckTd1, LongDocumentNumberCheckDigit) {
  const std::string line2 = "7408122F1204159UTO<<<<<<<<<<<4";  // composite over the right l1
  EXPECT_TRUE(check_td1("IDUTO123456789<07<<<<<<<<<<<<<", line2, kSpecimen[2]).empty());
  const auto faults = check_td1("IDUTO123456789<08<<<<<<<<<<<<<", line2, kSpecimen[2]);
  EXPECT_TRUE(has_fault(faults, 1, 17, "document_number",
                        "long document number check digit is 8, expected 7"))
      << describe(faults);
  // Position 15 `<` with nothing after it.
  const auto empty_rest = check_td1("IDUTO123456789<<<<<<<<<<<<<<<<", line2, kSpecimen[2]);
  EXPECT_TRUE(std::any_of(empty_rest.begin(), empty_rest.end(), [](const Fault& f) {
    return f.line == 1 && f.column == 16 && f.field == "document_number";
  })) << describe(empty_rest);
}

TEST(MrzCheckTd1, LowercaseNamedAsSuch) {
  const auto faults = check_td1("I<UTOd231458907<<<<<<<<<<<<<<<", kSpecimen[1], kSpecimen[2]);
  ASSERT_FALSE(faults.empty());
  EXPECT_EQ(to_string(faults[0]),
            "line 1, position 6: lowercase letter; the MRZ uses capitals A-Z only");
  const auto space = check_td1("I UTOD231458907<<<<<<<<<<<<<<<", kSpecimen[1], kSpecimen[2]);
  ASSERT_FALSE(space.empty());
  EXPECT_EQ(to_string(space[0]),
            "line 1, position 2: a space is not an MRZ character (A-Z, 0-9 and < only)");
}

TEST(MrzCheckTd1, ThirteenthMonth) {
  // 741312 has check digit 8; the composite stays 6 (checked by hand over positions 1-7).
  const auto faults = check_td1(kSpecimen[0], "7413128F1204159UTO<<<<<<<<<<<6", kSpecimen[2]);
  ASSERT_EQ(faults.size(), 1u) << describe(faults);
  EXPECT_EQ(to_string(faults[0]),
            "line 2, position 3: birth date month is 13; months run from 01 to 12");
  EXPECT_EQ(faults[0].field, "date_of_birth");
}

TEST(MrzCheckTd1, DayBeyondTheMonth) {
  // 740431: April has 30 days. Check digit: 7*7+4*3+0+4*7+3*3+1 = 99 → 9.
  const auto faults = check_td1(kSpecimen[0], "7404319F1204159UTO<<<<<<<<<<<6", kSpecimen[2]);
  EXPECT_TRUE(has_fault(faults, 2, 5, "date_of_birth", "birth date day is 31; month 4 has 30 days"))
      << describe(faults);
}

TEST(MrzCheckTd1, UnknownBirthDatePartsAllowed) {
  // Part 3 §4.8: unknown parts are fillers. 74<<<< : 7*7 + 4*3 = 61 → 1.
  const auto faults = check_td1(kSpecimen[0], "74<<<<1F1204159UTO<<<<<<<<<<<?", kSpecimen[2]);
  for (const Fault& f : faults) EXPECT_NE(f.field, "date_of_birth") << to_string(f);
}

TEST(MrzCheckTd1, SexAndDocumentCode) {
  auto faults = check_td1(kSpecimen[0], "7408122X1204159UTO<<<<<<<<<<<6", kSpecimen[2]);
  EXPECT_TRUE(has_fault(faults, 2, 8, "sex", "sex must be M, F or <, not 'X'")) << describe(faults);
  faults = check_td1("P<UTOD231458907<<<<<<<<<<<<<<<", kSpecimen[1], kSpecimen[2]);
  EXPECT_TRUE(
      has_fault(faults, 1, 1, "document_code", "document code must start with A, C or I, not 'P'"))
      << describe(faults);
}

TEST(MrzCheckTd1, NameLineFaults) {
  auto faults = check_td1(kSpecimen[0], kSpecimen[1], "ERIKSSON<<ANNA<MAR1A<<<<<<<<<<");
  ASSERT_EQ(faults.size(), 1u) << describe(faults);
  EXPECT_EQ(to_string(faults[0]),
            "line 3, position 19: digit in the name; MRZ names hold letters only");
  EXPECT_EQ(faults[0].field, "given_names");
  faults = check_td1(kSpecimen[0], kSpecimen[1], "<ERIKSSON<<ANNA<MARIA<<<<<<<<<");
  EXPECT_TRUE(has_fault(faults, 3, 1, "name",
                        "the name must start with the primary identifier, not a filler"));
  faults = check_td1(kSpecimen[0], kSpecimen[1], "ERIKSSON<<<ANNA<MARIA<<<<<<<<<");
  EXPECT_TRUE(has_fault(faults, 3, 12, "given_names",
                        "more than two fillers between the primary and secondary identifiers"));
  faults = check_td1(kSpecimen[0], kSpecimen[1], "ERIKSSON<<ANNA<<MARIA<<<<<<<<<");
  EXPECT_TRUE(has_fault(faults, 3, 17, "name",
                        "letters after the name's filler padding (a second << in the name)"));
  // A primary identifier alone, cut at 30 without <<, is sound (Part 5 §4.2.2.3).
  EXPECT_TRUE(check_td1(kSpecimen[0], kSpecimen[1], "BENNELONG<WOOLOOMOOLOO<WARRAND").empty());
}

// --- reading ----------------------------------------------------------------------------------

TEST(MrzParseTd1, Specimen) {
  const Td1Fields f = parse_td1(kSpecimen[0], kSpecimen[1], kSpecimen[2]);
  EXPECT_EQ(f.document_code, "I");
  EXPECT_EQ(f.issuing_state, "UTO");
  EXPECT_EQ(f.document_number, "D23145890");
  EXPECT_FALSE(f.long_document_number);
  EXPECT_EQ(f.optional_data_1, "");
  EXPECT_EQ(f.date_of_birth, "740812");
  EXPECT_EQ(f.sex, 'F');
  EXPECT_EQ(f.date_of_expiry, "120415");
  EXPECT_EQ(f.nationality, "UTO");
  EXPECT_EQ(f.primary_identifier, "ERIKSSON");
  EXPECT_EQ(f.secondary_identifier, "ANNA MARIA");
  EXPECT_FALSE(f.name_may_be_truncated);
  EXPECT_EQ(expand_date(f.date_of_birth, {2012, 4, 15}), (Date{1974, 8, 12}));
  EXPECT_EQ(expand_date(f.date_of_expiry, {2099, 12, 31}), (Date{2012, 4, 15}));
}

TEST(MrzParseTd1, LongNumberAndTruncatedName) {
  const Td1Fields f = parse_td1("IDUTO123456789<07<ABC<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<4",
                                "VAN<DER<MUELLEN<<MARTIN<ALBERT");
  EXPECT_EQ(f.document_number, "1234567890");
  EXPECT_TRUE(f.long_document_number);
  EXPECT_EQ(f.optional_data_1, "ABC");
  EXPECT_EQ(f.primary_identifier, "VAN DER MUELLEN");
  EXPECT_EQ(f.secondary_identifier, "MARTIN ALBERT");
  EXPECT_TRUE(f.name_may_be_truncated);
  EXPECT_THROW(parse_td1("I<UTO", kSpecimen[1], kSpecimen[2]), Error);
}

TEST(MrzParseTd1, ExpandDate) {
  EXPECT_EQ(expand_date("000229", {2024, 1, 1}), (Date{2000, 2, 29}));
  EXPECT_EQ(expand_date("991231", {2024, 1, 1}), (Date{1999, 12, 31}));
  EXPECT_EQ(expand_date("240102", {2024, 1, 1}), (Date{1924, 1, 2}));
  EXPECT_EQ(expand_date("74<<<<", {2024, 1, 1}), std::nullopt);
  EXPECT_EQ(expand_date("741301", {2024, 1, 1}), std::nullopt);
}

// --- round trip: the sample holders on the FPRC templates -------------------------------------
// Card number as document number (18 and 15 characters take the long form), issuing state CHN,
// document code ID, expiry = valid_until. Lines computed from the Part 5 rules by hand.

struct Holder {
  const char* surname;
  const char* given_names;
  const char* id_number;
  Date born;
  char sex;
  Date valid_until;
  const char* nationality;
  Lines mrz;
};

const Holder kHolders[] = {
    {"ZHENGJIAN",
     "YANGBEN",
     "931586198001010028",
     {1980, 1, 1},
     'F',
     {2033, 8, 7},
     "PAK",
     {"IDCHN931586198<0010100288<<<<<", "8001014F3308073PAK<<<<<<<<<<<2",
      "ZHENGJIAN<<YANGBEN<<<<<<<<<<<<"}},
    {"SMITH",
     "JOHN PAUL",
     "911840198001010013",
     {1980, 1, 1},
     'M',
     {2034, 2, 28},
     "USA",
     {"IDCHN911840198<0010100137<<<<<", "8001014M3402281USA<<<<<<<<<<<6",
      "SMITH<<JOHN<PAUL<<<<<<<<<<<<<<"}},
    {"MÜLLER-LÜDENSCHEIDT",
     "ANNA-LENA ÅSA",
     "931276198503140245",
     {1985, 3, 14},
     'F',
     {2034, 1, 14},
     "DEU",
     {"IDCHN931276198<5031402454<<<<<", "8503149F3401147DEU<<<<<<<<<<<8",
      "MUELLER<LUEDENSCHEIDT<<ANNA<LE"}},
    {"OKONKWO",
     "CHIDINMA ADAEZE",
     "944566199211300027",
     {1992, 11, 30},
     'F',
     {2035, 5, 31},
     "NGA",
     {"IDCHN944566199<2113000273<<<<<", "9211306F3505311NGA<<<<<<<<<<<2",
      "OKONKWO<<CHIDINMA<ADAEZE<<<<<<"}},
    {"WOLFESCHLEGELSTEINHAUSENBERGERDORFF",
     "HUBERT BLAINE",
     "911826196407081130",
     {1964, 7, 8},
     'M',
     {2034, 11, 30},
     "GBR",
     {"IDCHN911826196<4070811301<<<<<", "6407081M3411300GBR<<<<<<<<<<<8",
      "WOLFESCHLEGELSTEINHAUSENBER<<H"}},
    {"YAMADA",
     "HANAKO",
     "921392199002280088",
     {1990, 2, 28},
     'F',
     {2034, 4, 9},
     "JPN",
     {"IDCHN921392199<0022800885<<<<<", "9002281F3404090JPN<<<<<<<<<<<6",
      "YAMADA<<HANAKO<<<<<<<<<<<<<<<<"}},
    {"SUKARNO",
     "",
     "944360197112250054",
     {1971, 12, 25},
     'M',
     {2035, 1, 1},
     "IDN",
     {"IDCHN944360197<1122500549<<<<<", "7112258M3501014IDN<<<<<<<<<<<0",
      "SUKARNO<<<<<<<<<<<<<<<<<<<<<<<"}},
    {"DUBOIS",
     "CLAIRE",
     "FRA310078090226",
     {1978, 9, 2},
     'F',
     {2034, 9, 19},
     "FRA",
     {"IDCHNFRA310078<0902262<<<<<<<<", "7809028F3409198FRA<<<<<<<<<<<0",
      "DUBOIS<<CLAIRE<<<<<<<<<<<<<<<<"}},
    {"KIM",
     "MIN-JUN",
     "KOR110088051719",
     {1988, 5, 17},
     'M',
     {2029, 5, 19},
     "KOR",
     {"IDCHNKOR110088<0517198<<<<<<<<", "8805175M2905198KOR<<<<<<<<<<<6",
      "KIM<<MIN<JUN<<<<<<<<<<<<<<<<<<"}},
    {"TREMBLAY",
     "MARIE-ÈVE",
     "93112419751010078X",
     {1975, 10, 10},
     'F',
     {2034, 1, 31},
     "CAN",
     {"IDCHN931124197<51010078X2<<<<<", "7510108F3401310CAN<<<<<<<<<<<0",
      "TREMBLAY<<MARIE<EVE<<<<<<<<<<<"}},
};

Td1Input fprc_input(const std::string& surname, const std::string& given_names,
                    const std::string& id_number, Date born, char sex, Date valid_until,
                    const std::string& nationality) {
  Td1Input in;
  in.document_code = "ID";
  in.issuing_state = "CHN";
  in.document_number = id_number;
  in.date_of_birth = born;
  in.sex = sex;
  in.date_of_expiry = valid_until;
  in.nationality = nationality;
  in.primary_identifier = surname;
  in.secondary_identifier = given_names;
  return in;
}

TEST(MrzRoundTrip, SampleHolders) {
  for (const Holder& h : kHolders) {
    const Lines lines = td1_lines(fprc_input(h.surname, h.given_names, h.id_number, h.born, h.sex,
                                             h.valid_until, h.nationality));
    EXPECT_EQ(lines, h.mrz) << h.surname;
    const auto faults = check_td1(lines[0], lines[1], lines[2]);
    EXPECT_TRUE(faults.empty()) << h.surname << "\n" << describe(faults);
    const Td1Fields f = parse_td1(lines[0], lines[1], lines[2]);
    EXPECT_EQ(f.document_number, h.id_number);
    EXPECT_TRUE(f.long_document_number);
    EXPECT_EQ(f.date_of_birth, mrz_date(h.born));
    EXPECT_EQ(f.nationality, h.nationality);
  }
}

// The same holders as the repository ships them, whatever they become.
TEST(MrzRoundTrip, SamplesFile) {
  const std::filesystem::path file =
      std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples" / "cards.jsonl";
  std::ifstream in(file);
  if (!in) GTEST_SKIP() << file << " not found";
  std::string text;
  int count = 0;
  while (std::getline(in, text)) {
    if (text.empty()) continue;
    const auto card = nlohmann::json::parse(text);
    const auto date = [&](const char* key) {
      return *Date::parse_iso(card.at(key).get<std::string>());
    };
    const Lines lines = td1_lines(fprc_input(card.at("surname"), card.value("given_names", ""),
                                             card.at("id_number"), date("date_of_birth"),
                                             card.at("sex").get<std::string>().at(0),
                                             date("valid_until"), card.at("nationality")));
    const auto faults = check_td1(lines[0], lines[1], lines[2]);
    EXPECT_TRUE(faults.empty()) << describe(faults);
    EXPECT_EQ(parse_td1(lines[0], lines[1], lines[2]).document_number,
              card.at("id_number").get<std::string>());
    ++count;
  }
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace cardface::mrz
