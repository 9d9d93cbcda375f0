// The name a record's output files take (`--name`): a pattern of `{line}` and the keys a
// template can bind, checked to be one safe file name.
#pragma once

#include <string>

#include "cardface/card.h"

namespace cardface::batch {

// `pattern` expanded for the record at `line`. Throws Error(ErrorKind::data, "--name", ...)
// when the result is not a safe file name (empty, a path separator, a control character,
// a leading dot, ...) and Error(ErrorKind::tmpl, "--name", ...) for an unknown key; the
// message says what is wrong without quoting the value (it comes from the holder's data).
std::string output_name(const std::string& pattern, int line, const Card& card);

}  // namespace cardface::batch
