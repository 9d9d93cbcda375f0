// Helpers shared by the unit tests: the first problem an Error reports, and throwaway
// template directories under the build tree.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "cardface/error.h"

namespace cardface::test {

// "where: message" of the first problem `f` throws, "" for an Error without problems, or
// "(no error)".
inline std::string first_problem(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.problems().empty() ? ""
                                : e.problems().front().where + ": " + e.problems().front().message;
  }
  return "(no error)";
}

// A template directory holding `json` as its template.json.
inline std::filesystem::path write_template_dir(const std::string& name, const std::string& json) {
  const std::filesystem::path dir =
      std::filesystem::path(CARDFACE_BINARY_DIR) / "test-templates" / name;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "template.json") << json;
  return dir;
}

}  // namespace cardface::test
