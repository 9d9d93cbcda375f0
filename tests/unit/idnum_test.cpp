// ID numbers of the Foreign Permanent Resident ID Card. Vectors from ../shared/FACTS.md (GB 11643
// / ISO 7064 examples and the official specimen); variants computed by hand from the weights.
#include <gtest/gtest.h>

#include "idnum/fprc_number.h"
#include "idnum/iso7064.h"

namespace cardface::idnum {
namespace {

using Problems = std::vector<std::string>;

TEST(IdnumIso7064, ValidVectorsFromFacts) {
  for (std::string_view number :
       {"11010519491231002X", "440524188001010014", "931586198001010028", "911398199012310021"}) {
    SCOPED_TRACE(number);
    EXPECT_EQ(iso7064_mod11_2_check(number.substr(0, 17)), number[17]);
  }
}

TEST(IdnumIso7064, InvalidVectorsGiveTheRightCheck) {
  EXPECT_EQ(iso7064_mod11_2_check("13040219820729062"), '4');  // written 2
  EXPECT_EQ(iso7064_mod11_2_check("37070419881216001"), '2');  // written X
}

TEST(IdnumIso7064, SampleNumbers) {
  for (std::string_view number :
       {"911840198001010013", "931276198503140245", "944566199211300027", "911826196407081130",
        "921392199002280088", "944360197112250054", "93112419751010078X"}) {
    SCOPED_TRACE(number);
    EXPECT_EQ(iso7064_mod11_2_check(number.substr(0, 17)), number[17]);
  }
}

TEST(IdnumIso7064, RejectsAnythingButDigits) {
  EXPECT_EQ(iso7064_mod11_2_check(""), std::nullopt);
  EXPECT_EQ(iso7064_mod11_2_check("9315861980010100X"), std::nullopt);
  EXPECT_EQ(iso7064_mod11_2_check("93158619800101 02"), std::nullopt);
}

TEST(IdnumFprc2023, CheckCharNeedsSeventeenDigits) {
  EXPECT_EQ(fprc2023::check_char("93158619800101002"), '8');
  EXPECT_EQ(fprc2023::check_char("9315861980010100"), std::nullopt);
  EXPECT_EQ(fprc2023::check_char("931586198001010028"), std::nullopt);
}

TEST(IdnumFprc2023, ProvinceCodes) {
  for (int code = 0; code < 100; ++code) {
    const bool expected = (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
                          (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
                          (code >= 50 && code <= 54) || (code >= 61 && code <= 65);
    const std::string text = {static_cast<char>('0' + code / 10),
                              static_cast<char>('0' + code % 10)};
    EXPECT_EQ(fprc2023::is_province_code(text), expected) << text;
  }
  EXPECT_FALSE(fprc2023::is_province_code("1"));
  EXPECT_FALSE(fprc2023::is_province_code("1A"));
}

TEST(IdnumFprc2017, CheckDigitIsIcao731) {
  EXPECT_EQ(fprc2017::check_digit("PAK31008001010"), '3');
  EXPECT_EQ(fprc2017::check_digit("KAZ11009012310"), '5');
  EXPECT_EQ(fprc2017::check_digit("PAK3100800101"), std::nullopt);
  EXPECT_EQ(fprc2017::check_digit("PAK<1008001010"), std::nullopt);
  EXPECT_EQ(fprc2017::check_digit("pak31008001010"), std::nullopt);
}

TEST(IdnumDecompose, OfficialSpecimen2023) {
  const auto n = decompose("931586198001010028");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->format, FprcFormat::fprc2023);
  EXPECT_EQ(n->place, "31");
  EXPECT_EQ(n->nationality, "586");
  EXPECT_EQ(n->birth_year, 1980);
  EXPECT_EQ(n->birth_month, 1);
  EXPECT_EQ(n->birth_day, 1);
  EXPECT_TRUE(n->birth_year_has_century());
  EXPECT_EQ(n->sequence, "002");
  EXPECT_EQ(n->sex, 'F');
  EXPECT_EQ(n->check, '8');
}

TEST(IdnumDecompose, OfficialSpecimenOldNumber2017) {
  const auto n = decompose("PAK310080010103");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->format, FprcFormat::fprc2017);
  EXPECT_EQ(n->nationality, "PAK");
  EXPECT_EQ(n->place, "3100");
  EXPECT_EQ(n->birth_year, 80);
  EXPECT_EQ(n->birth_month, 1);
  EXPECT_EQ(n->birth_day, 1);
  EXPECT_FALSE(n->birth_year_has_century());
  EXPECT_EQ(n->sequence, "0");
  EXPECT_EQ(n->sex, 'F');
  EXPECT_EQ(n->check, '3');
}

TEST(IdnumDecompose, SexFromSequenceParity) {
  EXPECT_EQ(decompose("911840198001010013")->sex, 'M');  // sequence 001
  EXPECT_EQ(decompose("911826196407081130")->sex, 'M');  // 113
  EXPECT_EQ(decompose("93112419751010078X")->sex, 'F');  // 078
  EXPECT_EQ(decompose("KAZ110090123105")->sex, 'F');     // 0
  EXPECT_EQ(decompose("KOR110088051719")->sex, 'M');     // 1
  EXPECT_EQ(decompose("93112419751010078X")->check, 'X');
}

TEST(IdnumDecompose, NeedsOneOfTheTwoShapes) {
  EXPECT_FALSE(decompose(""));
  EXPECT_FALSE(decompose("93158619800101002"));    // 17
  EXPECT_FALSE(decompose("9315861980010100288"));  // 19
  EXPECT_FALSE(decompose("93158619800101002x"));
  EXPECT_FALSE(decompose("9315861980010100X8"));
  EXPECT_FALSE(decompose("PA4310080010103"));
  EXPECT_FALSE(decompose("PAK31008001010X"));
  EXPECT_TRUE(decompose("110105194912310021"));  // shape only: a citizen's number
}

TEST(IdnumProblems, ValidNumbersHaveNone) {
  for (std::string_view number :
       {"931586198001010028", "911398199012310021", "911840198001010013", "931276198503140245",
        "944566199211300027", "911826196407081130", "921392199002280088", "944360197112250054",
        "93112419751010078X", "PAK310080010103", "KAZ110090123105", "FRA310078090226",
        "KOR110088051719"}) {
    EXPECT_EQ(fprc_problems(number), Problems{}) << number;
  }
}

TEST(IdnumProblems, WrongCheckCharacter) {
  EXPECT_EQ(fprc_problems("931124197510100783"), Problems{"check character is 3, expected X"});
  EXPECT_EQ(fprc_problems("931586198001010029"), Problems{"check character is 9, expected 8"});
  EXPECT_EQ(fprc_problems("93158619800101002X"), Problems{"check character is X, expected 8"});
}

TEST(IdnumProblems, FactsInvalidVectorsAreCitizenNumbersWithWrongChecks) {
  EXPECT_EQ(fprc_problems("130402198207290622"),
            (Problems{"does not start with 9, the mark of a foreigner's number",
                      "check character is 2, expected 4"}));
  EXPECT_EQ(fprc_problems("37070419881216001X"),
            (Problems{"does not start with 9, the mark of a foreigner's number",
                      "check character is X, expected 2"}));
  EXPECT_EQ(fprc_problems("11010519491231002X"),
            Problems{"does not start with 9, the mark of a foreigner's number"});
}

TEST(IdnumProblems, ProvinceCode) {
  EXPECT_EQ(fprc_problems("916586198001010029"),
            Problems{"positions 2-3 are not a province-level code (GB/T 2260)"});
  EXPECT_EQ(fprc_problems("999586198001010026"),
            Problems{"positions 2-3 are not a province-level code (GB/T 2260)"});
}

TEST(IdnumProblems, BirthDateMustBeReal) {
  EXPECT_EQ(fprc_problems("931586198002300027"),
            Problems{"birth date in the number (positions 7-14) is not a real date"});
  // 1900 was not a leap year, 2000 was.
  EXPECT_EQ(fprc_problems("931586190002290029"),
            Problems{"birth date in the number (positions 7-14) is not a real date"});
  EXPECT_EQ(fprc_problems("931586200002290025"), Problems{});
}

TEST(IdnumProblems, ShapeProblems) {
  EXPECT_EQ(fprc_problems(""), Problems{"is empty"});
  EXPECT_EQ(fprc_problems("93158619800101002"),
            Problems{"is 17 characters long; expected 18 (2023 card) or 15 (2017 card)"});
  EXPECT_EQ(fprc_problems("93112419751010078x"),
            Problems{"contains a lower-case letter; letters are written as capitals A-Z"});
  EXPECT_EQ(fprc_problems("931586 98001010028"),
            Problems{"contains a character other than the digits 0-9 and capitals A-Z"});
  EXPECT_EQ(fprc_problems("9315861980010100\xC3\x9F"),
            Problems{"contains a character other than the digits 0-9 and capitals A-Z"});
  EXPECT_EQ(fprc_problems("9315861980010100X8"), Problems{"positions 1-17 must be digits"});
  EXPECT_EQ(fprc_problems("93158619800101002A"), Problems{"check character must be a digit or X"});
}

TEST(IdnumProblems, Fprc2017) {
  EXPECT_EQ(fprc_problems("PAK310080010104"), Problems{"check digit is 4, expected 3"});
  EXPECT_EQ(fprc_problems("pak310080010103"),
            Problems{"contains a lower-case letter; letters are written as capitals A-Z"});
  EXPECT_EQ(fprc_problems("P4K310080010103"),
            Problems{"positions 1-3 must be letters A-Z (the nationality)"});
  EXPECT_EQ(fprc_problems("PAK31008001010X"), Problems{"positions 4-15 must be digits"});
  EXPECT_EQ(fprc_problems("PAK310080023109"),
            Problems{"birth date in the number (positions 8-13) is not a real date"});
  EXPECT_EQ(fprc_problems("PAK310000022900"), Problems{});  // 29 Feb of 1900 or 2000: may be real
  EXPECT_EQ(fprc_problems("PAK310001022901"),
            Problems{"birth date in the number (positions 8-13) is not a real date"});
}

TEST(IdnumProblems, RealBirthDate) {
  EXPECT_TRUE(has_real_birth_date(*decompose("931586198001010028")));
  EXPECT_FALSE(has_real_birth_date(*decompose("931586198002300027")));
  EXPECT_FALSE(has_real_birth_date(*decompose("931586198000010028")));  // month 00
  EXPECT_TRUE(has_real_birth_date(*decompose("PAK310000022900")));
}

}  // namespace
}  // namespace cardface::idnum
