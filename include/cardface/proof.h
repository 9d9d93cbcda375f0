// Proof sheets for sign-off before a run: each card's faces beside its record's key fields.
// The one sheet that reads card data (src/engine/proof.cpp). See docs/print.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cardface/card.h"
#include "cardface/export.h"
#include "cardface/fonts.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct ProofEntry {
  const Card* card = nullptr;
  Scene scene;
  std::string label;  // e.g. the data file's name
};

// A4 pages, three cards a page: each card's front and back at actual size (as the PNG shows
// them) above its record's key fields, for sign-off before a run.
std::vector<std::uint8_t> proof_pdf(const std::vector<ProofEntry>& entries, const Fonts& fonts);

}  // namespace cardface
CARDFACE_CXX_API_END
