#include <algorithm>

#include "cardface/error.h"
#include "cardface/golden.h"

namespace cardface::golden {
namespace fs = std::filesystem;

namespace {

void collect(const fs::path& dir, const fs::path& root, std::vector<CaseRef>& out) {
  if (fs::is_regular_file(dir / "case.json")) {
    out.push_back({fs::relative(dir, root).generic_string(), dir});
    return;  // a case's own folders (its template, its records) hold no cases
  }
  std::vector<fs::path> children;
  for (const fs::directory_entry& e : fs::directory_iterator(dir))
    if (e.is_directory()) children.push_back(e.path());
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) collect(child, root, out);
}

}  // namespace

std::vector<CaseRef> discover_cases(const std::vector<fs::path>& roots) {
  std::vector<CaseRef> cases;
  for (const fs::path& root : roots) {
    if (!fs::is_directory(root)) throw Error(ErrorKind::file, root.string(), "is not a folder");
    if (fs::is_regular_file(root / "case.json")) {
      // A case named itself is called by its folder's name.
      const fs::path whole = fs::absolute(root).lexically_normal();
      cases.push_back(
          {(whole.has_filename() ? whole : whole.parent_path()).filename().string(), root});
      continue;
    }
    collect(root, root, cases);
  }
  return cases;
}

}  // namespace cardface::golden
