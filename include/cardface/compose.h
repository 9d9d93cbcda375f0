// Template + card → Scene: every placeholder, font, fit and condition resolved.
#pragma once

#include <memory>
#include <vector>

#include "cardface/card.h"
#include "cardface/export.h"
#include "cardface/fonts.h"
#include "cardface/scene.h"
#include "cardface/seal.h"
#include "cardface/template.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

struct ComposeOptions {
  // Empty: every side the template has (Template::sides()).
  std::vector<Side> sides = {Side::front, Side::back};
  SealOptions seal = {};  // the key that signs a template's seal (none: an unsigned specimen)
  // Only the elements that are the same on every card (no placeholder, photo or condition):
  // what `cardface lint` checks of a template given no record.
  bool static_only = false;
  // The photo's pixels, when the caller has decoded them already (a service that checked an
  // upload): drawn instead of reading card.photo, which still says whether there is one.
  // Held to the same pixel limit as a photo file (docs/limits.md).
  std::shared_ptr<const Raster> photo = nullptr;
};

// Throws Error: ErrorKind::tmpl when the template cannot serve this card (wrong card type,
// unknown placeholder, unknown font), ErrorKind::data when the card's values cannot be set
// (a character no font has, text too long to fit), ErrorKind::file for an unreadable photo.
Scene compose(const Card& card, const Template& tmpl, const Fonts& fonts,
              const ComposeOptions& options = {});

}  // namespace cardface
CARDFACE_CXX_API_END
