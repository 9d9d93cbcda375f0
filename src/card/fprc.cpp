#include "card/fprc.h"

#include "card/countries.h"
#include "idnum/fprc_number.h"

namespace cardface::card {
namespace {

// The record both FPRC cards share. Latin names: at most 64 code points each (the 2023 chip
// holds 46 characters of "SURNAME GIVEN NAMES"; the card face wraps). name_zh: at most 15, the
// chip record's field.
std::vector<FieldSpec> fprc_fields() {
  return {
      {.name = "surname", .kind = FieldKind::latin_name, .max_chars = 64},
      {.name = "given_names", .kind = FieldKind::latin_name, .allow_empty = true, .max_chars = 64},
      // An empty name_zh is a problem, not an absent name: a spreadsheet's blank cell should not
      // print a card without the Chinese name unnoticed. Leave the field out (or null) instead.
      {.name = "name_zh", .kind = FieldKind::han_name, .required = false, .max_chars = 15},
      {.name = "sex", .kind = FieldKind::sex},
      {.name = "date_of_birth", .kind = FieldKind::date},
      {.name = "nationality", .kind = FieldKind::country},
      {.name = "id_number", .kind = FieldKind::text},
      {.name = "valid_from", .kind = FieldKind::date},
      {.name = "valid_until", .kind = FieldKind::date},
      {.name = "photo", .kind = FieldKind::photo},
      {.name = "renewal_count", .kind = FieldKind::integer, .required = false, .min = 0, .max = 99},
  };
}

void check_dates(const Card& card, std::vector<Problem>& out) {
  const Date* birth = card.date("date_of_birth");
  const Date* from = card.date("valid_from");
  const Date* until = card.date("valid_until");
  if (from && until && !(*from < *until)) out.push_back({"valid_until", "is not after valid_from"});
  if (birth && from && *from < *birth) out.push_back({"date_of_birth", "is after valid_from"});
}

// The number against the rest of the record: birth date, sex and nationality.
void check_agreement(const Card& card, const idnum::FprcNumber& n, std::vector<Problem>& out) {
  const bool is2023 = n.format == idnum::FprcFormat::fprc2023;
  if (const Date* birth = card.date("date_of_birth"); birth && idnum::has_real_birth_date(n)) {
    const int year = is2023 ? birth->year : birth->year % 100;
    if (year != n.birth_year || birth->month != n.birth_month || birth->day != n.birth_day)
      out.push_back({"id_number", "birth date in the number disagrees with date_of_birth"});
  }
  if (const std::string* sex = card.text("sex"); sex && *sex != std::string(1, n.sex))
    out.push_back({"id_number", "sex in the number disagrees with sex"});

  const Country* in_number =
      is2023 ? find_country_numeric(n.nationality) : find_country_alpha3(n.nationality);
  if (!in_number) {
    out.push_back({"id_number", is2023 ? "nationality code in the number (positions 4-6) is not "
                                         "an ISO 3166-1 numeric code"
                                       : "nationality code in the number (positions 1-3) is not "
                                         "an ISO 3166-1 alpha-3 code"});
  } else if (const std::string* nationality = card.text("nationality");
             nationality && *nationality != in_number->alpha3) {
    out.push_back({"id_number", "nationality in the number disagrees with nationality"});
  }
}

void check_fprc(const Card& card, bool takes_2023_number, std::vector<Problem>& out) {
  check_dates(card, out);
  const std::string* number = card.text("id_number");
  if (!number) return;
  if (!takes_2023_number && number->size() == idnum::fprc2023::kLength) {
    out.push_back({"id_number",
                   "has 18 characters, the 2023 card's form; a fprc-2017 card has "
                   "a 15-character number"});
    return;
  }
  for (std::string& message : idnum::fprc_problems(*number))
    out.push_back({"id_number", std::move(message)});
  // A citizen's number (not starting with 9) encodes no nationality: comparing would only add
  // noise to the one problem that matters.
  const auto parts = idnum::decompose(*number);
  if (parts && (parts->format == idnum::FprcFormat::fprc2017 || (*number)[0] == '9'))
    check_agreement(card, *parts, out);
}

}  // namespace

CardType fprc2023_card_type() {
  return {"fprc-2023", fprc_fields(),
          [](const Card& card, std::vector<Problem>& out) { check_fprc(card, true, out); }};
}

CardType fprc2017_card_type() {
  return {"fprc-2017", fprc_fields(),
          [](const Card& card, std::vector<Problem>& out) { check_fprc(card, false, out); }};
}

}  // namespace cardface::card
