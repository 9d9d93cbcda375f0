// Where the bundled data lives: templates/, card-types/, fonts/ and data/ (tables). Found, in
// order: the directory set_data_dir gave, $CARDFACE_DATA_DIR, <the library's own location>/
// ../share/cardface (an installed build, wherever its prefix was moved), the source tree the build
// came from (while it exists), the install prefix it was configured with.
#pragma once

#include <filesystem>

#include "cardface/export.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// Overrides the lookup for this process (an empty path restores it). Call it before loading
// templates or fonts: what is already loaded keeps its files.
void set_data_dir(const std::filesystem::path& dir);

// The directory in use now.
std::filesystem::path data_dir();

}  // namespace cardface
CARDFACE_CXX_API_END
