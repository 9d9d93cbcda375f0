// template.json: Template::load_dir, then composing both faces for the specimen holder (text
// shaping, fitting, generated art), as a template author's file would be used.
#include <cstddef>
#include <cstdint>

#include "cardface/compose.h"
#include "cardface/fonts.h"
#include "cardface/template.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  const auto dir = fuzz::scratch_dir() / "template";
  std::filesystem::create_directories(dir);
  fuzz::write_file(dir / "template.json",
                   std::string_view(reinterpret_cast<const char*>(data), size));
  fuzz::only_cardface_errors([&] {
    const Template tmpl = Template::load_dir(dir);
    compose(fuzz::specimen_card(), tmpl, Fonts::bundled(), {});
  });
  return 0;
}
