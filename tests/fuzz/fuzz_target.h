// What every fuzz target shares: the one property they all check (only cardface::Error ever
// leaves the public API; a crash, a leak, a hang or any other exception is a finding), and
// the specimen record the targets that need a Card use.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface::fuzz {

template <class Work>
void only_cardface_errors(Work&& work) {
  try {
    work();
  } catch (const Error&) {
    // the expected refusal
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: an exception other than cardface::Error escaped: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: a non-std exception escaped\n");
    std::abort();
  }
}

// A scratch folder for targets whose API reads files, made once per process.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cardface-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    return std::filesystem::path(pattern);
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

// The bundled specimen holder (fictional), with a photo from samples/.
inline const Card& specimen_card() {
  static const Card card = [] {
    const std::string record =
        R"({"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN",
      "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK",
      "id_number": "931586198001010028", "valid_from": "2023-08-08", "valid_until": "2033-08-07",
      "photo": "photos/s00.png"})";
    return parse_card(record, std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples");
  }();
  return card;
}

}  // namespace cardface::fuzz
