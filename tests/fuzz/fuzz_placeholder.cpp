// Template text with placeholders (`{surname}`, `{date_of_birth:%Y.%m.%d}`, `{{`) expanded
// for the specimen holder, and the same bytes as a date format.
#include <cstddef>
#include <cstdint>

#include "fuzz_target.h"
#include "tmpl/placeholder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::only_cardface_errors([&] { tmpl::expand(text, fuzz::specimen_card(), "/fuzz"); });
  fuzz::only_cardface_errors([&] { tmpl::format_date(Date{2023, 8, 8}, text); });
  return 0;
}
