// Sheets for a print run: imposition (cardface/imposition.h, scenes only) and proof sheets
// (cardface/proof.h, with the records' fields).
#pragma once

#include "cardface/imposition.h"
#include "cardface/proof.h"
