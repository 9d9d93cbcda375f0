// Golden-image regression tests as data, for any template's repository: a case is a folder
// holding case.json and the reference PNGs beside it (docs/golden-tests.md). discover_cases
// finds them, run_cases renders and compares them (or rewrites references on purpose), and
// write_junit / write_html_report describe the outcome for CI systems and people.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cardface/export.h"
#include "cardface/image.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN

namespace cardface::golden {

// Where a case is: `name` is its folder's path from the folder searched ("security/stars"),
// or the folder's own name when a case itself was named.
struct CaseRef {
  std::string name;
  std::filesystem::path dir;
};

// Every case under each root (a folder holding case.json is a case; its subfolders are not
// searched), sorted by name within a root. Throws Error(ErrorKind::file, root, ...) when a
// root is not a folder.
std::vector<CaseRef> discover_cases(const std::vector<std::filesystem::path>& roots);

enum class CaseKind {
  faces,   // the card's faces as PNG: <side>.png
  panels,  // card-printer panels: <side>-<panel>.png (color, k, uv, overlay)
  impose,  // an N-up sheet PDF, pages rasterized by pdftoppm: page-<n>.png
  proof,   // a proof sheet PDF, the same way
};

// A part of the card to compare (fine detail at high dpi), in mm from the top-left corner.
struct Crop {
  double x_mm = 0, y_mm = 0, width_mm = 0, height_mm = 0;
};

// case.json, checked: every key known, every value of its kind, records and references there.
struct GoldenCase {
  CaseRef ref;
  CaseKind kind = CaseKind::faces;
  std::vector<std::filesystem::path> records;  // resolved against the case folder
  std::string template_ref;  // as written; empty: the template of the record's card type
  int dpi = 300;
  std::vector<Side> sides = {Side::front, Side::back};
  std::optional<Crop> crop;
  bool debug_layout = false;  // faces drawn with the layout overlay (--debug-layout)
  Tolerance tolerance;
  std::string sheet = "a4";       // impose
  std::string printer = "exact";  // panels
};

// Reads ref.dir/case.json. Throws Error(ErrorKind::file, "<dir>/case.json: <key>", what is
// wrong) for malformed JSON, an unknown key, a value of the wrong kind or a missing record.
GoldenCase read_case(const CaseRef& ref);

// One reference image's outcome.
struct ImageOutcome {
  enum class Status { passed, failed, updated, created, removed, unchanged };
  std::string reference;  // the file's name in the case folder, e.g. "front.png"
  Status status = Status::passed;
  Comparison comparison;
  // Around the pixels beyond tolerance, in mm from the card's top-left corner (for sheets,
  // the page's); empty when none is.
  std::optional<Rect> changed_mm;
  std::filesystem::path reference_file, actual_file, diff_file;  // the last two on failure
};

struct CaseOutcome {
  enum class Status {
    passed,
    failed,  // an image beyond tolerance, or the template or record could not be rendered
    broken,  // case.json is at fault: unknown key, missing reference, template not found
    updated,
    skipped,  // --update with a pattern the case does not match
  };
  CaseRef ref;
  Status status = Status::passed;
  std::string message;  // why it failed or is broken (never holder values)
  std::vector<ImageOutcome> images;
  double seconds = 0;
};

struct RunOptions {
  int jobs = 1;
  bool update = false;         // rewrite references whose pixels changed, create missing ones
  std::string update_pattern;  // with update: only cases whose name or folder holds it
  // Where a failing case's actual and diff images go: <artifacts>/<case name>/.
  std::filesystem::path artifacts = "golden-artifacts";
};

// Renders every case on `jobs` threads (cases of one template share its Renderer: template,
// fonts and the template's generated artwork) and compares it with its references. The
// outcomes are in the order of `cases`, whatever the thread count.
std::vector<CaseOutcome> run_cases(const std::vector<CaseRef>& cases, const RunOptions& options);

// One line on a case: "front.png: 312 pixels differ by more than 16 ...", or why it is broken.
std::string outcome_headline(const CaseOutcome& outcome);
// Every image's comparison, the changed area in mm, and the actual and diff files; one a line.
std::string outcome_details(const CaseOutcome& outcome);

// JUnit XML (one testsuite, a testcase per case: failure or error with its message).
void write_junit(const std::vector<CaseOutcome>& outcomes, const std::filesystem::path& file);

// DIR/index.html: reference, actual and diff side by side for every failing case, zoomable,
// images copied beside it; no network needed to view it.
void write_html_report(const std::vector<CaseOutcome>& outcomes, const std::filesystem::path& dir);

}  // namespace cardface::golden

CARDFACE_CXX_API_END
