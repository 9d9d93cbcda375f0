#include "idnum/fprc_rule.h"

#include <algorithm>

#include "card/countries.h"
#include "idnum/fprc_number.h"

namespace cardface::idnum {
namespace {

struct Agreement {
  std::string field, date_of_birth, sex, nationality;
};

// The number against the rest of the record: birth date, sex and nationality.
void check_agreement(const Card& card, const Agreement& a, const FprcNumber& n,
                     std::vector<Problem>& out) {
  const bool is2023 = n.format == FprcFormat::fprc2023;
  if (const Date* birth = a.date_of_birth.empty() ? nullptr : card.date(a.date_of_birth);
      birth && has_real_birth_date(n)) {
    const int year = is2023 ? birth->year : birth->year % 100;
    if (year != n.birth_year || birth->month != n.birth_month || birth->day != n.birth_day)
      out.push_back({a.field, "birth date in the number disagrees with " + a.date_of_birth});
  }
  if (const std::string* sex = a.sex.empty() ? nullptr : card.text(a.sex);
      sex && *sex != std::string(1, n.sex))
    out.push_back({a.field, "sex in the number disagrees with " + a.sex});

  const card::Country* in_number =
      is2023 ? card::find_country_numeric(n.nationality) : card::find_country_alpha3(n.nationality);
  if (!in_number) {
    out.push_back({a.field, is2023 ? "nationality code in the number (positions 4-6) is not "
                                     "an ISO 3166-1 numeric code"
                                   : "nationality code in the number (positions 1-3) is not "
                                     "an ISO 3166-1 alpha-3 code"});
  } else if (const std::string* nationality =
                 a.nationality.empty() ? nullptr : card.text(a.nationality);
             nationality && *nationality != in_number->alpha3) {
    out.push_back({a.field, "nationality in the number disagrees with " + a.nationality});
  }
}

}  // namespace

card::RuleCheck fprc_number_rule(card::RuleParams& p) {
  using card::FieldKind;
  Agreement a;
  a.field = p.field("field", {FieldKind::text});
  a.date_of_birth = p.optional_field("date_of_birth", {FieldKind::date});
  a.sex = p.optional_field("sex", {FieldKind::sex});
  a.nationality = p.optional_field("nationality", {FieldKind::country});
  bool takes_2023 = true;
  if (p.reader().has("forms")) {
    const auto forms = p.reader().strings("forms");
    for (const std::string& f : forms)
      if (f != "2023" && f != "2017")
        p.reader().note_at("forms", "must list \"2023\" and/or \"2017\"");
    takes_2023 = std::find(forms.begin(), forms.end(), "2023") != forms.end();
  }
  return [=](const Card& card, std::vector<Problem>& out) {
    const std::string* number = card.text(a.field);
    if (!number) return;
    if (!takes_2023 && number->size() == fprc2023::kLength) {
      out.push_back({a.field, "has 18 characters, the 2023 card's form; a " + card.type +
                                  " card has a 15-character number"});
      return;
    }
    for (std::string& message : fprc_problems(*number))
      out.push_back({a.field, std::move(message)});
    // A citizen's number (not starting with 9) encodes no nationality: comparing would only
    // add noise to the one problem that matters.
    const auto parts = decompose(*number);
    if (parts && (parts->format == FprcFormat::fprc2017 || (*number)[0] == '9'))
      check_agreement(card, a, *parts, out);
  };
}

}  // namespace cardface::idnum
