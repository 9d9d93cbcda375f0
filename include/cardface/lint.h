// Layout checks over a composed Scene and its pixels (docs/lint.md): what would cost a print
// run of blank cards if found by eye on plastic — art off the card, text off its box, codes that
// do not read back, an MRZ with nothing to read it against.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN

namespace cardface {

enum class Severity { warning, error };
const char* to_string(Severity severity);

struct Finding {
  Side side = Side::front;
  std::string element;  // the template element's id (or its JSON path)
  std::string rule;     // e.g. "outside-trim", "overlap", "mrz-contrast" (docs/lint.md)
  Severity severity = Severity::error;
  std::string reason;        // one line, with the measured value
  std::optional<Rect> area;  // where on the face, mm (the debug overlay draws it)
  int record_line = 0;       // the record's line in its batch file; 0 when none
};

struct LintOptions {
  int dpi = 600;          // the output resolution the pixels are checked at
  double bleed_mm = 3.0;  // how far `bleed` elements may run past the trim (the widest bleed)
  bool pixels = true;     // contrast and read-back checks (a raster pass of each face)
  double min_text_contrast = 3.0;  // WCAG 2 luminance ratio, text against what is under it
  double min_mrz_contrast = 0.6;   // ICAO Doc 9303 print contrast signal, MRZ against its band
  double min_microtext_px = 3.0;   // glyph cap height in device pixels that the DPI resolves
  double tolerance_mm = 0.05;      // overlaps and overruns smaller than this are not faults
};

// Every finding on every face of `scene`, face by face in painting order. Throws
// Error(ErrorKind::file) when a font the scene names cannot be opened.
std::vector<Finding> lint(const Scene& scene, const LintOptions& options = {});
std::vector<Finding> lint(const Face& face, const LintOptions& options = {});

// "line 3: back mrz: mrz-contrast (error): ..." — one line, no holder values.
std::string describe(const Finding& finding);

bool has_errors(const std::vector<Finding>& findings);

}  // namespace cardface

CARDFACE_CXX_API_END
