#include "mrz/transliterate.h"

#include <algorithm>
#include <iterator>

#include "cardface/error.h"
#include "core/utf8.h"

namespace cardface::mrz {
namespace {

struct Transliteration {
  char32_t code_point;
  const char* mrz;
};

// Latin letters beyond ASCII, sorted by code point. Doc 9303 Part 3 §6.A where it lists the
// letter; otherwise the base letter of the canonical decomposition (diaeresis on A/O/U and ring
// on A spelt out as in §6.A), or the letter it is commonly romanized as (noted).
// Letters absent here (tone letters, clicks, esh, yogh, glottal stop, ...) are errors.
// clang-format off
constexpr Transliteration kLatin[] = {
    {0x00AA, "A"},      // ª
    {0x00B5, "M"},      // µ micro sign = Greek mu; ELOT 743 writes M
    {0x00BA, "O"},      // º
    {0x00C0, "A"},      // À
    {0x00C1, "A"},      // Á
    {0x00C2, "A"},      // Â
    {0x00C3, "A"},      // Ã
    {0x00C4, "AE"},     // Ä ICAO: AE or A; we write AE
    {0x00C5, "AA"},     // Å ICAO: AA or A; we write AA
    {0x00C6, "AE"},     // Æ
    {0x00C7, "C"},      // Ç
    {0x00C8, "E"},      // È
    {0x00C9, "E"},      // É
    {0x00CA, "E"},      // Ê
    {0x00CB, "E"},      // Ë
    {0x00CC, "I"},      // Ì
    {0x00CD, "I"},      // Í
    {0x00CE, "I"},      // Î
    {0x00CF, "I"},      // Ï
    {0x00D0, "D"},      // Ð
    {0x00D1, "N"},      // Ñ ICAO: N or NXX; we write N
    {0x00D2, "O"},      // Ò
    {0x00D3, "O"},      // Ó
    {0x00D4, "O"},      // Ô
    {0x00D5, "O"},      // Õ
    {0x00D6, "OE"},     // Ö ICAO: OE or O; we write OE
    {0x00D8, "OE"},     // Ø
    {0x00D9, "U"},      // Ù
    {0x00DA, "U"},      // Ú
    {0x00DB, "U"},      // Û
    {0x00DC, "UE"},     // Ü ICAO: UE, UXX or U; we write UE
    {0x00DD, "Y"},      // Ý
    {0x00DE, "TH"},     // Þ
    {0x00DF, "SS"},     // ß
    {0x00E0, "A"},      // à
    {0x00E1, "A"},      // á
    {0x00E2, "A"},      // â
    {0x00E3, "A"},      // ã
    {0x00E4, "AE"},     // ä ICAO: AE or A; we write AE
    {0x00E5, "AA"},     // å ICAO: AA or A; we write AA
    {0x00E6, "AE"},     // æ
    {0x00E7, "C"},      // ç
    {0x00E8, "E"},      // è
    {0x00E9, "E"},      // é
    {0x00EA, "E"},      // ê
    {0x00EB, "E"},      // ë
    {0x00EC, "I"},      // ì
    {0x00ED, "I"},      // í
    {0x00EE, "I"},      // î
    {0x00EF, "I"},      // ï
    {0x00F0, "D"},      // ð
    {0x00F1, "N"},      // ñ ICAO: N or NXX; we write N
    {0x00F2, "O"},      // ò
    {0x00F3, "O"},      // ó
    {0x00F4, "O"},      // ô
    {0x00F5, "O"},      // õ
    {0x00F6, "OE"},     // ö ICAO: OE or O; we write OE
    {0x00F8, "OE"},     // ø
    {0x00F9, "U"},      // ù
    {0x00FA, "U"},      // ú
    {0x00FB, "U"},      // û
    {0x00FC, "UE"},     // ü ICAO: UE, UXX or U; we write UE
    {0x00FD, "Y"},      // ý
    {0x00FE, "TH"},     // þ
    {0x00FF, "Y"},      // ÿ
    {0x0100, "A"},      // Ā
    {0x0101, "A"},      // ā
    {0x0102, "A"},      // Ă
    {0x0103, "A"},      // ă
    {0x0104, "A"},      // Ą
    {0x0105, "A"},      // ą
    {0x0106, "C"},      // Ć
    {0x0107, "C"},      // ć
    {0x0108, "C"},      // Ĉ
    {0x0109, "C"},      // ĉ
    {0x010A, "C"},      // Ċ
    {0x010B, "C"},      // ċ
    {0x010C, "C"},      // Č
    {0x010D, "C"},      // č
    {0x010E, "D"},      // Ď
    {0x010F, "D"},      // ď
    {0x0110, "D"},      // Đ
    {0x0111, "D"},      // đ
    {0x0112, "E"},      // Ē
    {0x0113, "E"},      // ē
    {0x0114, "E"},      // Ĕ
    {0x0115, "E"},      // ĕ
    {0x0116, "E"},      // Ė
    {0x0117, "E"},      // ė
    {0x0118, "E"},      // Ę
    {0x0119, "E"},      // ę
    {0x011A, "E"},      // Ě
    {0x011B, "E"},      // ě
    {0x011C, "G"},      // Ĝ
    {0x011D, "G"},      // ĝ
    {0x011E, "G"},      // Ğ
    {0x011F, "G"},      // ğ
    {0x0120, "G"},      // Ġ
    {0x0121, "G"},      // ġ
    {0x0122, "G"},      // Ģ
    {0x0123, "G"},      // ģ
    {0x0124, "H"},      // Ĥ
    {0x0125, "H"},      // ĥ
    {0x0126, "H"},      // Ħ
    {0x0127, "H"},      // ħ
    {0x0128, "I"},      // Ĩ
    {0x0129, "I"},      // ĩ
    {0x012A, "I"},      // Ī
    {0x012B, "I"},      // ī
    {0x012C, "I"},      // Ĭ
    {0x012D, "I"},      // ĭ
    {0x012E, "I"},      // Į
    {0x012F, "I"},      // į
    {0x0130, "I"},      // İ
    {0x0131, "I"},      // ı
    {0x0132, "IJ"},     // Ĳ
    {0x0133, "IJ"},     // ĳ
    {0x0134, "J"},      // Ĵ
    {0x0135, "J"},      // ĵ
    {0x0136, "K"},      // Ķ
    {0x0137, "K"},      // ķ
    {0x0138, "Q"},      // ĸ kra: Greenlandic spelling since 1973 writes q
    {0x0139, "L"},      // Ĺ
    {0x013A, "L"},      // ĺ
    {0x013B, "L"},      // Ļ
    {0x013C, "L"},      // ļ
    {0x013D, "L"},      // Ľ
    {0x013E, "L"},      // ľ
    {0x013F, "L"},      // Ŀ
    {0x0140, "L"},      // ŀ
    {0x0141, "L"},      // Ł
    {0x0142, "L"},      // ł
    {0x0143, "N"},      // Ń
    {0x0144, "N"},      // ń
    {0x0145, "N"},      // Ņ
    {0x0146, "N"},      // ņ
    {0x0147, "N"},      // Ň
    {0x0148, "N"},      // ň
    {0x0149, "N"},      // ŉ apostrophe dropped
    {0x014A, "N"},      // Ŋ
    {0x014B, "N"},      // ŋ
    {0x014C, "O"},      // Ō
    {0x014D, "O"},      // ō
    {0x014E, "O"},      // Ŏ
    {0x014F, "O"},      // ŏ
    {0x0150, "O"},      // Ő
    {0x0151, "O"},      // ő
    {0x0152, "OE"},     // Œ
    {0x0153, "OE"},     // œ
    {0x0154, "R"},      // Ŕ
    {0x0155, "R"},      // ŕ
    {0x0156, "R"},      // Ŗ
    {0x0157, "R"},      // ŗ
    {0x0158, "R"},      // Ř
    {0x0159, "R"},      // ř
    {0x015A, "S"},      // Ś
    {0x015B, "S"},      // ś
    {0x015C, "S"},      // Ŝ
    {0x015D, "S"},      // ŝ
    {0x015E, "S"},      // Ş
    {0x015F, "S"},      // ş
    {0x0160, "S"},      // Š
    {0x0161, "S"},      // š
    {0x0162, "T"},      // Ţ
    {0x0163, "T"},      // ţ
    {0x0164, "T"},      // Ť
    {0x0165, "T"},      // ť
    {0x0166, "T"},      // Ŧ
    {0x0167, "T"},      // ŧ
    {0x0168, "U"},      // Ũ
    {0x0169, "U"},      // ũ
    {0x016A, "U"},      // Ū
    {0x016B, "U"},      // ū
    {0x016C, "U"},      // Ŭ
    {0x016D, "U"},      // ŭ
    {0x016E, "U"},      // Ů
    {0x016F, "U"},      // ů
    {0x0170, "U"},      // Ű
    {0x0171, "U"},      // ű
    {0x0172, "U"},      // Ų
    {0x0173, "U"},      // ų
    {0x0174, "W"},      // Ŵ
    {0x0175, "W"},      // ŵ
    {0x0176, "Y"},      // Ŷ
    {0x0177, "Y"},      // ŷ
    {0x0178, "Y"},      // Ÿ
    {0x0179, "Z"},      // Ź
    {0x017A, "Z"},      // ź
    {0x017B, "Z"},      // Ż
    {0x017C, "Z"},      // ż
    {0x017D, "Z"},      // Ž
    {0x017E, "Z"},      // ž
    {0x017F, "S"},      // ſ
    {0x0180, "B"},      // ƀ
    {0x0181, "B"},      // Ɓ
    {0x0182, "B"},      // Ƃ
    {0x0183, "B"},      // ƃ
    {0x0186, "O"},      // Ɔ
    {0x0187, "C"},      // Ƈ
    {0x0188, "C"},      // ƈ
    {0x0189, "D"},      // Ɖ
    {0x018A, "D"},      // Ɗ
    {0x018B, "D"},      // Ƌ
    {0x018C, "D"},      // ƌ
    {0x018E, "E"},      // Ǝ
    {0x018F, "A"},      // Ə schwa: Azerbaijani passports write A
    {0x0190, "E"},      // Ɛ
    {0x0191, "F"},      // Ƒ
    {0x0192, "F"},      // ƒ
    {0x0193, "G"},      // Ɠ
    {0x0194, "G"},      // Ɣ
    {0x0195, "HV"},     // ƕ
    {0x0196, "I"},      // Ɩ
    {0x0197, "I"},      // Ɨ
    {0x0198, "K"},      // Ƙ
    {0x0199, "K"},      // ƙ
    {0x019A, "L"},      // ƚ
    {0x019C, "M"},      // Ɯ
    {0x019D, "N"},      // Ɲ
    {0x019E, "N"},      // ƞ
    {0x019F, "O"},      // Ɵ
    {0x01A0, "O"},      // Ơ
    {0x01A1, "O"},      // ơ
    {0x01A2, "OI"},     // Ƣ
    {0x01A3, "OI"},     // ƣ
    {0x01A4, "P"},      // Ƥ
    {0x01A5, "P"},      // ƥ
    {0x01A6, "R"},      // Ʀ
    {0x01AB, "T"},      // ƫ
    {0x01AC, "T"},      // Ƭ
    {0x01AD, "T"},      // ƭ
    {0x01AE, "T"},      // Ʈ
    {0x01AF, "U"},      // Ư
    {0x01B0, "U"},      // ư
    {0x01B1, "U"},      // Ʊ
    {0x01B2, "V"},      // Ʋ
    {0x01B3, "Y"},      // Ƴ
    {0x01B4, "Y"},      // ƴ
    {0x01B5, "Z"},      // Ƶ
    {0x01B6, "Z"},      // ƶ
    {0x01B7, "Z"},      // Ʒ
    {0x01BF, "W"},      // ƿ
    {0x01C4, "DZ"},     // Ǆ
    {0x01C5, "DZ"},     // ǅ
    {0x01C6, "DZ"},     // ǆ
    {0x01C7, "LJ"},     // Ǉ
    {0x01C8, "LJ"},     // ǈ
    {0x01C9, "LJ"},     // ǉ
    {0x01CA, "NJ"},     // Ǌ
    {0x01CB, "NJ"},     // ǋ
    {0x01CC, "NJ"},     // ǌ
    {0x01CD, "A"},      // Ǎ
    {0x01CE, "A"},      // ǎ
    {0x01CF, "I"},      // Ǐ
    {0x01D0, "I"},      // ǐ
    {0x01D1, "O"},      // Ǒ
    {0x01D2, "O"},      // ǒ
    {0x01D3, "U"},      // Ǔ
    {0x01D4, "U"},      // ǔ
    {0x01D5, "UE"},     // Ǖ as U diaeresis
    {0x01D6, "UE"},     // ǖ as U diaeresis
    {0x01D7, "UE"},     // Ǘ as U diaeresis
    {0x01D8, "UE"},     // ǘ as U diaeresis
    {0x01D9, "UE"},     // Ǚ as U diaeresis
    {0x01DA, "UE"},     // ǚ as U diaeresis
    {0x01DB, "UE"},     // Ǜ as U diaeresis
    {0x01DC, "UE"},     // ǜ as U diaeresis
    {0x01DD, "E"},      // ǝ
    {0x01DE, "AE"},     // Ǟ as A diaeresis
    {0x01DF, "AE"},     // ǟ as A diaeresis
    {0x01E0, "A"},      // Ǡ
    {0x01E1, "A"},      // ǡ
    {0x01E2, "AE"},     // Ǣ
    {0x01E3, "AE"},     // ǣ
    {0x01E4, "G"},      // Ǥ
    {0x01E5, "G"},      // ǥ
    {0x01E6, "G"},      // Ǧ
    {0x01E7, "G"},      // ǧ
    {0x01E8, "K"},      // Ǩ
    {0x01E9, "K"},      // ǩ
    {0x01EA, "O"},      // Ǫ
    {0x01EB, "O"},      // ǫ
    {0x01EC, "O"},      // Ǭ
    {0x01ED, "O"},      // ǭ
    {0x01EE, "Z"},      // Ǯ
    {0x01EF, "Z"},      // ǯ
    {0x01F0, "J"},      // ǰ
    {0x01F1, "DZ"},     // Ǳ
    {0x01F2, "DZ"},     // ǲ
    {0x01F3, "DZ"},     // ǳ
    {0x01F4, "G"},      // Ǵ
    {0x01F5, "G"},      // ǵ
    {0x01F6, "HV"},     // Ƕ
    {0x01F7, "W"},      // Ƿ
    {0x01F8, "N"},      // Ǹ
    {0x01F9, "N"},      // ǹ
    {0x01FA, "AA"},     // Ǻ as A ring
    {0x01FB, "AA"},     // ǻ as A ring
    {0x01FC, "AE"},     // Ǽ
    {0x01FD, "AE"},     // ǽ
    {0x01FE, "OE"},     // Ǿ O stroke acute, as O stroke
    {0x01FF, "OE"},     // ǿ O stroke acute, as O stroke
    {0x0200, "A"},      // Ȁ
    {0x0201, "A"},      // ȁ
    {0x0202, "A"},      // Ȃ
    {0x0203, "A"},      // ȃ
    {0x0204, "E"},      // Ȅ
    {0x0205, "E"},      // ȅ
    {0x0206, "E"},      // Ȇ
    {0x0207, "E"},      // ȇ
    {0x0208, "I"},      // Ȉ
    {0x0209, "I"},      // ȉ
    {0x020A, "I"},      // Ȋ
    {0x020B, "I"},      // ȋ
    {0x020C, "O"},      // Ȍ
    {0x020D, "O"},      // ȍ
    {0x020E, "O"},      // Ȏ
    {0x020F, "O"},      // ȏ
    {0x0210, "R"},      // Ȑ
    {0x0211, "R"},      // ȑ
    {0x0212, "R"},      // Ȓ
    {0x0213, "R"},      // ȓ
    {0x0214, "U"},      // Ȕ
    {0x0215, "U"},      // ȕ
    {0x0216, "U"},      // Ȗ
    {0x0217, "U"},      // ȗ
    {0x0218, "S"},      // Ș
    {0x0219, "S"},      // ș
    {0x021A, "T"},      // Ț
    {0x021B, "T"},      // ț
    {0x021E, "H"},      // Ȟ
    {0x021F, "H"},      // ȟ
    {0x0220, "N"},      // Ƞ
    {0x0221, "D"},      // ȡ
    {0x0222, "OU"},     // Ȣ
    {0x0223, "OU"},     // ȣ
    {0x0224, "Z"},      // Ȥ
    {0x0225, "Z"},      // ȥ
    {0x0226, "A"},      // Ȧ
    {0x0227, "A"},      // ȧ
    {0x0228, "E"},      // Ȩ
    {0x0229, "E"},      // ȩ
    {0x022A, "OE"},     // Ȫ as O diaeresis
    {0x022B, "OE"},     // ȫ as O diaeresis
    {0x022C, "O"},      // Ȭ
    {0x022D, "O"},      // ȭ
    {0x022E, "O"},      // Ȯ
    {0x022F, "O"},      // ȯ
    {0x0230, "O"},      // Ȱ
    {0x0231, "O"},      // ȱ
    {0x0232, "Y"},      // Ȳ
    {0x0233, "Y"},      // ȳ
    {0x0234, "L"},      // ȴ
    {0x0235, "N"},      // ȵ
    {0x0236, "T"},      // ȶ
    {0x0237, "J"},      // ȷ
    {0x0238, "DB"},     // ȸ
    {0x0239, "QP"},     // ȹ
    {0x023A, "A"},      // Ⱥ
    {0x023B, "C"},      // Ȼ
    {0x023C, "C"},      // ȼ
    {0x023D, "L"},      // Ƚ
    {0x023E, "T"},      // Ⱦ
    {0x023F, "S"},      // ȿ
    {0x0240, "Z"},      // ɀ
    {0x0243, "B"},      // Ƀ
    {0x0244, "U"},      // Ʉ
    {0x0246, "E"},      // Ɇ
    {0x0247, "E"},      // ɇ
    {0x0248, "J"},      // Ɉ
    {0x0249, "J"},      // ɉ
    {0x024A, "Q"},      // Ɋ
    {0x024B, "Q"},      // ɋ
    {0x024C, "R"},      // Ɍ
    {0x024D, "R"},      // ɍ
    {0x024E, "Y"},      // Ɏ
    {0x024F, "Y"},      // ɏ
    {0x0253, "B"},      // ɓ
    {0x0254, "O"},      // ɔ
    {0x0256, "D"},      // ɖ
    {0x0257, "D"},      // ɗ
    {0x0259, "A"},      // ə schwa: Azerbaijani passports write A
    {0x025B, "E"},      // ɛ
    {0x0260, "G"},      // ɠ
    {0x0263, "G"},      // ɣ
    {0x0268, "I"},      // ɨ
    {0x0269, "I"},      // ɩ
    {0x026F, "M"},      // ɯ
    {0x0272, "N"},      // ɲ
    {0x0275, "O"},      // ɵ
    {0x0288, "T"},      // ʈ
    {0x0289, "U"},      // ʉ
    {0x028A, "U"},      // ʊ
    {0x028B, "V"},      // ʋ
    {0x0292, "Z"},      // ʒ
    {0x1E00, "A"},      // Ḁ
    {0x1E01, "A"},      // ḁ
    {0x1E02, "B"},      // Ḃ
    {0x1E03, "B"},      // ḃ
    {0x1E04, "B"},      // Ḅ
    {0x1E05, "B"},      // ḅ
    {0x1E06, "B"},      // Ḇ
    {0x1E07, "B"},      // ḇ
    {0x1E08, "C"},      // Ḉ
    {0x1E09, "C"},      // ḉ
    {0x1E0A, "D"},      // Ḋ
    {0x1E0B, "D"},      // ḋ
    {0x1E0C, "D"},      // Ḍ
    {0x1E0D, "D"},      // ḍ
    {0x1E0E, "D"},      // Ḏ
    {0x1E0F, "D"},      // ḏ
    {0x1E10, "D"},      // Ḑ
    {0x1E11, "D"},      // ḑ
    {0x1E12, "D"},      // Ḓ
    {0x1E13, "D"},      // ḓ
    {0x1E14, "E"},      // Ḕ
    {0x1E15, "E"},      // ḕ
    {0x1E16, "E"},      // Ḗ
    {0x1E17, "E"},      // ḗ
    {0x1E18, "E"},      // Ḙ
    {0x1E19, "E"},      // ḙ
    {0x1E1A, "E"},      // Ḛ
    {0x1E1B, "E"},      // ḛ
    {0x1E1C, "E"},      // Ḝ
    {0x1E1D, "E"},      // ḝ
    {0x1E1E, "F"},      // Ḟ
    {0x1E1F, "F"},      // ḟ
    {0x1E20, "G"},      // Ḡ
    {0x1E21, "G"},      // ḡ
    {0x1E22, "H"},      // Ḣ
    {0x1E23, "H"},      // ḣ
    {0x1E24, "H"},      // Ḥ
    {0x1E25, "H"},      // ḥ
    {0x1E26, "H"},      // Ḧ
    {0x1E27, "H"},      // ḧ
    {0x1E28, "H"},      // Ḩ
    {0x1E29, "H"},      // ḩ
    {0x1E2A, "H"},      // Ḫ
    {0x1E2B, "H"},      // ḫ
    {0x1E2C, "I"},      // Ḭ
    {0x1E2D, "I"},      // ḭ
    {0x1E2E, "I"},      // Ḯ
    {0x1E2F, "I"},      // ḯ
    {0x1E30, "K"},      // Ḱ
    {0x1E31, "K"},      // ḱ
    {0x1E32, "K"},      // Ḳ
    {0x1E33, "K"},      // ḳ
    {0x1E34, "K"},      // Ḵ
    {0x1E35, "K"},      // ḵ
    {0x1E36, "L"},      // Ḷ
    {0x1E37, "L"},      // ḷ
    {0x1E38, "L"},      // Ḹ
    {0x1E39, "L"},      // ḹ
    {0x1E3A, "L"},      // Ḻ
    {0x1E3B, "L"},      // ḻ
    {0x1E3C, "L"},      // Ḽ
    {0x1E3D, "L"},      // ḽ
    {0x1E3E, "M"},      // Ḿ
    {0x1E3F, "M"},      // ḿ
    {0x1E40, "M"},      // Ṁ
    {0x1E41, "M"},      // ṁ
    {0x1E42, "M"},      // Ṃ
    {0x1E43, "M"},      // ṃ
    {0x1E44, "N"},      // Ṅ
    {0x1E45, "N"},      // ṅ
    {0x1E46, "N"},      // Ṇ
    {0x1E47, "N"},      // ṇ
    {0x1E48, "N"},      // Ṉ
    {0x1E49, "N"},      // ṉ
    {0x1E4A, "N"},      // Ṋ
    {0x1E4B, "N"},      // ṋ
    {0x1E4C, "O"},      // Ṍ
    {0x1E4D, "O"},      // ṍ
    {0x1E4E, "OE"},     // Ṏ as O diaeresis
    {0x1E4F, "OE"},     // ṏ as O diaeresis
    {0x1E50, "O"},      // Ṑ
    {0x1E51, "O"},      // ṑ
    {0x1E52, "O"},      // Ṓ
    {0x1E53, "O"},      // ṓ
    {0x1E54, "P"},      // Ṕ
    {0x1E55, "P"},      // ṕ
    {0x1E56, "P"},      // Ṗ
    {0x1E57, "P"},      // ṗ
    {0x1E58, "R"},      // Ṙ
    {0x1E59, "R"},      // ṙ
    {0x1E5A, "R"},      // Ṛ
    {0x1E5B, "R"},      // ṛ
    {0x1E5C, "R"},      // Ṝ
    {0x1E5D, "R"},      // ṝ
    {0x1E5E, "R"},      // Ṟ
    {0x1E5F, "R"},      // ṟ
    {0x1E60, "S"},      // Ṡ
    {0x1E61, "S"},      // ṡ
    {0x1E62, "S"},      // Ṣ
    {0x1E63, "S"},      // ṣ
    {0x1E64, "S"},      // Ṥ
    {0x1E65, "S"},      // ṥ
    {0x1E66, "S"},      // Ṧ
    {0x1E67, "S"},      // ṧ
    {0x1E68, "S"},      // Ṩ
    {0x1E69, "S"},      // ṩ
    {0x1E6A, "T"},      // Ṫ
    {0x1E6B, "T"},      // ṫ
    {0x1E6C, "T"},      // Ṭ
    {0x1E6D, "T"},      // ṭ
    {0x1E6E, "T"},      // Ṯ
    {0x1E6F, "T"},      // ṯ
    {0x1E70, "T"},      // Ṱ
    {0x1E71, "T"},      // ṱ
    {0x1E72, "U"},      // Ṳ
    {0x1E73, "U"},      // ṳ
    {0x1E74, "U"},      // Ṵ
    {0x1E75, "U"},      // ṵ
    {0x1E76, "U"},      // Ṷ
    {0x1E77, "U"},      // ṷ
    {0x1E78, "U"},      // Ṹ
    {0x1E79, "U"},      // ṹ
    {0x1E7A, "UE"},     // Ṻ as U diaeresis
    {0x1E7B, "UE"},     // ṻ as U diaeresis
    {0x1E7C, "V"},      // Ṽ
    {0x1E7D, "V"},      // ṽ
    {0x1E7E, "V"},      // Ṿ
    {0x1E7F, "V"},      // ṿ
    {0x1E80, "W"},      // Ẁ
    {0x1E81, "W"},      // ẁ
    {0x1E82, "W"},      // Ẃ
    {0x1E83, "W"},      // ẃ
    {0x1E84, "W"},      // Ẅ
    {0x1E85, "W"},      // ẅ
    {0x1E86, "W"},      // Ẇ
    {0x1E87, "W"},      // ẇ
    {0x1E88, "W"},      // Ẉ
    {0x1E89, "W"},      // ẉ
    {0x1E8A, "X"},      // Ẋ
    {0x1E8B, "X"},      // ẋ
    {0x1E8C, "X"},      // Ẍ
    {0x1E8D, "X"},      // ẍ
    {0x1E8E, "Y"},      // Ẏ
    {0x1E8F, "Y"},      // ẏ
    {0x1E90, "Z"},      // Ẑ
    {0x1E91, "Z"},      // ẑ
    {0x1E92, "Z"},      // Ẓ
    {0x1E93, "Z"},      // ẓ
    {0x1E94, "Z"},      // Ẕ
    {0x1E95, "Z"},      // ẕ
    {0x1E96, "H"},      // ẖ
    {0x1E97, "T"},      // ẗ
    {0x1E98, "W"},      // ẘ
    {0x1E99, "Y"},      // ẙ
    {0x1E9A, "A"},      // ẚ
    {0x1E9B, "S"},      // ẛ
    {0x1E9C, "S"},      // ẜ
    {0x1E9D, "S"},      // ẝ
    {0x1E9E, "SS"},     // ẞ
    {0x1EA0, "A"},      // Ạ
    {0x1EA1, "A"},      // ạ
    {0x1EA2, "A"},      // Ả
    {0x1EA3, "A"},      // ả
    {0x1EA4, "A"},      // Ấ
    {0x1EA5, "A"},      // ấ
    {0x1EA6, "A"},      // Ầ
    {0x1EA7, "A"},      // ầ
    {0x1EA8, "A"},      // Ẩ
    {0x1EA9, "A"},      // ẩ
    {0x1EAA, "A"},      // Ẫ
    {0x1EAB, "A"},      // ẫ
    {0x1EAC, "A"},      // Ậ
    {0x1EAD, "A"},      // ậ
    {0x1EAE, "A"},      // Ắ
    {0x1EAF, "A"},      // ắ
    {0x1EB0, "A"},      // Ằ
    {0x1EB1, "A"},      // ằ
    {0x1EB2, "A"},      // Ẳ
    {0x1EB3, "A"},      // ẳ
    {0x1EB4, "A"},      // Ẵ
    {0x1EB5, "A"},      // ẵ
    {0x1EB6, "A"},      // Ặ
    {0x1EB7, "A"},      // ặ
    {0x1EB8, "E"},      // Ẹ
    {0x1EB9, "E"},      // ẹ
    {0x1EBA, "E"},      // Ẻ
    {0x1EBB, "E"},      // ẻ
    {0x1EBC, "E"},      // Ẽ
    {0x1EBD, "E"},      // ẽ
    {0x1EBE, "E"},      // Ế
    {0x1EBF, "E"},      // ế
    {0x1EC0, "E"},      // Ề
    {0x1EC1, "E"},      // ề
    {0x1EC2, "E"},      // Ể
    {0x1EC3, "E"},      // ể
    {0x1EC4, "E"},      // Ễ
    {0x1EC5, "E"},      // ễ
    {0x1EC6, "E"},      // Ệ
    {0x1EC7, "E"},      // ệ
    {0x1EC8, "I"},      // Ỉ
    {0x1EC9, "I"},      // ỉ
    {0x1ECA, "I"},      // Ị
    {0x1ECB, "I"},      // ị
    {0x1ECC, "O"},      // Ọ
    {0x1ECD, "O"},      // ọ
    {0x1ECE, "O"},      // Ỏ
    {0x1ECF, "O"},      // ỏ
    {0x1ED0, "O"},      // Ố
    {0x1ED1, "O"},      // ố
    {0x1ED2, "O"},      // Ồ
    {0x1ED3, "O"},      // ồ
    {0x1ED4, "O"},      // Ổ
    {0x1ED5, "O"},      // ổ
    {0x1ED6, "O"},      // Ỗ
    {0x1ED7, "O"},      // ỗ
    {0x1ED8, "O"},      // Ộ
    {0x1ED9, "O"},      // ộ
    {0x1EDA, "O"},      // Ớ
    {0x1EDB, "O"},      // ớ
    {0x1EDC, "O"},      // Ờ
    {0x1EDD, "O"},      // ờ
    {0x1EDE, "O"},      // Ở
    {0x1EDF, "O"},      // ở
    {0x1EE0, "O"},      // Ỡ
    {0x1EE1, "O"},      // ỡ
    {0x1EE2, "O"},      // Ợ
    {0x1EE3, "O"},      // ợ
    {0x1EE4, "U"},      // Ụ
    {0x1EE5, "U"},      // ụ
    {0x1EE6, "U"},      // Ủ
    {0x1EE7, "U"},      // ủ
    {0x1EE8, "U"},      // Ứ
    {0x1EE9, "U"},      // ứ
    {0x1EEA, "U"},      // Ừ
    {0x1EEB, "U"},      // ừ
    {0x1EEC, "U"},      // Ử
    {0x1EED, "U"},      // ử
    {0x1EEE, "U"},      // Ữ
    {0x1EEF, "U"},      // ữ
    {0x1EF0, "U"},      // Ự
    {0x1EF1, "U"},      // ự
    {0x1EF2, "Y"},      // Ỳ
    {0x1EF3, "Y"},      // ỳ
    {0x1EF4, "Y"},      // Ỵ
    {0x1EF5, "Y"},      // ỵ
    {0x1EF6, "Y"},      // Ỷ
    {0x1EF7, "Y"},      // ỷ
    {0x1EF8, "Y"},      // Ỹ
    {0x1EF9, "Y"},      // ỹ
    {0x1EFA, "LL"},     // Ỻ
    {0x1EFB, "LL"},     // ỻ
    {0x1EFC, "V"},      // Ỽ
    {0x1EFD, "V"},      // ỽ
    {0x1EFE, "Y"},      // Ỿ
    {0x1EFF, "Y"},      // ỿ
    {0x2C65, "A"},      // ⱥ
    {0x2C66, "T"},      // ⱦ
};
// clang-format on

const char* latin_letter(char32_t c) {
  const auto* it = std::lower_bound(
      std::begin(kLatin), std::end(kLatin), c,
      [](const Transliteration& t, char32_t value) { return t.code_point < value; });
  return it != std::end(kLatin) && it->code_point == c ? it->mrz : nullptr;
}

bool is_combining_mark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// clang-format off
bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE) ||  // ² ³ ¹ ¼ ½ ¾
         (c >= 0x2070 && c <= 0x2089) ||  // superscript and subscript digits
         (c >= 0xFF10 && c <= 0xFF19);    // fullwidth digits
}

// Characters between name components: spaces, hyphens and dashes, commas (Part 3 §4.6).
bool is_separator(char32_t c) {
  switch (c) {
    case U' ': case U'\t': case U'\n': case U'\r': case U'\f': case U'\v':
    case U'-': case U',':
    case U'<':                                    // already in MRZ form
    case 0x00A0:                                  // no-break space
    case 0x202F: case 0x205F: case 0x3000:        // narrow, mathematical, ideographic space
    case 0xFE63: case 0xFF0D:                     // small and fullwidth hyphen-minus
    case 0xFF0C: case 0x3001:                     // fullwidth and ideographic comma
      return true;
    default:
      return (c >= 0x2000 && c <= 0x200A) ||      // typographic spaces
             (c >= 0x2010 && c <= 0x2015);        // hyphen, non-breaking hyphen, dashes
  }
}

// Punctuation, symbols and invisible formatting: omitted without a filler (Part 3 §4.6).
bool is_dropped(char32_t c) {
  if (c >= 0x21 && c <= 0x7E) return true;        // ASCII punctuation (after letters, digits)
  if (c >= 0xA1 && c <= 0xBF) return true;        // Latin-1 punctuation (after ª º µ ² ³ ¹ ...)
  if (c == 0xD7 || c == 0xF7) return true;        // × ÷
  if (c >= 0x02B9 && c <= 0x02BF) return true;    // modifier apostrophes, ʻokina, ayin, hamza
  if (c >= 0x02C6 && c <= 0x02DF) return true;    // spacing accents
  if (c >= 0x200B && c <= 0x200F) return true;    // zero-width space, joiners, marks
  if (c >= 0x2016 && c <= 0x205E) return true;    // quotes, bullets, middle dots, ...
  if (c >= 0x2060 && c <= 0x206F) return true;    // word joiner and other format characters
  if (c == 0x30FB || c == 0xFF0E || c == 0xFF07 || c == 0xFEFF) return true;  // ・ ． ＇ BOM
  return false;
}
// clang-format on

}  // namespace

std::string transliterate(std::string_view utf8, std::string_view field) {
  const auto fail = [&](std::string message) {
    throw Error(ErrorKind::data, std::string(field), std::move(message));
  };
  std::string out;
  bool separator_pending = false;
  // The ASCII letter just written, while combining marks may still follow it; 0 otherwise.
  char bare_letter = 0;
  bool mark_spelt_out = false;
  const auto write = [&](std::string_view letters) {
    if (separator_pending && !out.empty()) out += '<';
    separator_pending = false;
    out += letters;
  };

  std::size_t index = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    ++index;
    const std::size_t byte = pos;
    const auto decoded = utf8::next(utf8, pos);
    if (!decoded) fail("byte " + std::to_string(byte + 1) + " is not valid UTF-8");
    const char32_t c = *decoded;

    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) {
      bare_letter = static_cast<char>(c >= U'a' ? c - U'a' + U'A' : c);
      mark_spelt_out = false;
      write(std::string_view(&bare_letter, 1));
      continue;
    }
    if (is_combining_mark(c)) {
      // Decomposed Ä, Ö, Ü, Å: spell out as their precomposed forms are.
      if (bare_letter != 0 && !mark_spelt_out) {
        const bool aou = bare_letter == 'A' || bare_letter == 'O' || bare_letter == 'U';
        if (c == 0x0308 && aou) {
          out += 'E';
          mark_spelt_out = true;
        } else if (c == 0x030A && bare_letter == 'A') {
          out += 'A';
          mark_spelt_out = true;
        }
      }
      continue;
    }
    bare_letter = 0;

    const std::string where = "character " + std::to_string(index);
    if (is_digit(c)) fail(where + " is a digit; MRZ names hold letters only");
    if (is_separator(c)) {
      separator_pending = true;
      continue;
    }
    if (const char* letters = latin_letter(c)) {
      write(letters);
      continue;
    }
    if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {  // fullwidth Latin
      const char letter = static_cast<char>('A' + (c >= 0xFF41 ? c - 0xFF41 : c - 0xFF21));
      write(std::string_view(&letter, 1));
      continue;
    }
    if (is_dropped(c)) continue;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
      fail(where + " (" + utf8::code_point_name(c) + ") is a control character");
    fail(where + " (" + utf8::code_point_name(c) +
         ") is not a Latin letter with an MRZ transliteration");
  }
  return out;
}

}  // namespace cardface::mrz
