// The `fprc_number` rule of a type file: an FPRC number (fprc_number.h) on its own and in
// agreement with the record's birth date, sex and nationality.
//   {"rule": "fprc_number", "field": "id_number", "forms": ["2023", "2017"],
//    "date_of_birth": "date_of_birth", "sex": "sex", "nationality": "nationality"}
// "forms": the numbers the card takes (a 2023 card also takes a renewed holder's 2017 number).
#pragma once

#include "card/rules.h"

namespace cardface::idnum {

card::RuleCheck fprc_number_rule(card::RuleParams& params);

}  // namespace cardface::idnum
