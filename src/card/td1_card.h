// A generic ICAO Doc 9303 TD1 card (td1): an identity card with a 3-line MRZ, issued by any
// state. Facts in ../shared/FACTS.md (ICAO TD1 section).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "card/card_type.h"

namespace cardface::card {

inline constexpr std::string_view kTd1TypeName = "td1";

CardType td1_card_type();

// The td1 values derived beyond the generic `name.en`: `sex.en` (MALE, FEMALE, UNSPECIFIED),
// `nationality.en` and `issuing_state.en` (the country table's English name, or ICAO's name for
// a reserved code: UTO is Utopia). nullopt when the key is none of these or its source is absent.
std::optional<FieldValue> td1_derived_value(const Card& card, std::string_view key);
// The keys td1_derived_value answers.
std::vector<std::string> td1_derived_keys();

}  // namespace cardface::card
