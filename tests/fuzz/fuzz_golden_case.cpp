// A golden case file (docs/golden-tests.md): read_case over case.json in a folder that holds
// the specimen record and a reference image, as `cardface test` reads a template author's case.
#include <cstddef>
#include <cstdint>

#include "cardface/golden.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  static const std::filesystem::path dir = [] {
    const auto d = fuzz::scratch_dir() / "case";
    std::filesystem::create_directories(d);
    const std::filesystem::path samples = std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples";
    std::filesystem::copy_file(samples / "zhengjian-yangben.json", d / "record.json",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(samples / "photos" / "s00.png", d / "front.png",
                               std::filesystem::copy_options::overwrite_existing);
    return d;
  }();
  fuzz::write_file(dir / "case.json", std::string_view(reinterpret_cast<const char*>(data), size));
  fuzz::only_cardface_errors([&] { golden::read_case(golden::CaseRef{"case", dir}); });
  return 0;
}
