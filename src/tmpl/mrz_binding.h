// The bridge from a template's `mrz` element to ICAO composition: which card values go in
// which MRZ field.
#pragma once

#include <array>
#include <string>

#include "cardface/card.h"
#include "tmpl/model.h"

namespace cardface::tmpl {

// The three 30-character lines. Throws Error(ErrorKind::tmpl) for a setting that names no
// date field, Error(ErrorKind::data) for a value the MRZ cannot carry.
std::array<std::string, 3> mrz_lines(const Card& card, const MrzElement& mrz,
                                     const std::string& where);

}  // namespace cardface::tmpl
