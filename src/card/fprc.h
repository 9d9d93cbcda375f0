// China's Foreign Permanent Resident ID Card: the 2023 card (fprc-2023) and the 2017 card
// (fprc-2017). Number rules in idnum/fprc_number.h; facts in ../shared/FACTS.md.
#pragma once

#include "card/card_type.h"

namespace cardface::card {

// Takes the 18-character number and, for a holder who renewed from the 2017 card, the
// 15-character one.
CardType fprc2023_card_type();
// Takes the 15-character number only.
CardType fprc2017_card_type();

}  // namespace cardface::card
