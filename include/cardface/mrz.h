// The ICAO Doc 9303 TD1 machine-readable zone a template prints for a card, and checking
// three MRZ lines someone gives.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/card.h"
#include "cardface/export.h"
#include "cardface/template.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// The three 30-character lines of the template's `mrz` element for this card.
// Throws Error(ErrorKind::tmpl) when the template has no MRZ, Error(ErrorKind::data) when
// the card's values cannot be written in one (each naming the field).
std::array<std::string, 3> machine_readable_zone(const Card& card, const Template& tmpl);

// Every fault of three TD1 lines, each a sentence naming the line and position
// ("line 2, position 7: birth date check digit is 3, expected 2"); empty when valid.
std::vector<std::string> check_machine_readable_zone(std::string_view line1, std::string_view line2,
                                                     std::string_view line3);

}  // namespace cardface
CARDFACE_CXX_API_END
