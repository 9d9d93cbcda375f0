// Card printers' image sizes at 300 dpi (ID-1 is 1011 × 638 there; printers print a little
// past the edge so no white shows on a slightly misplaced card).
#include <string>

#include "cardface/error.h"
#include "cardface/panels.h"

namespace cardface {

const std::vector<PrinterProfile>& printer_profiles() {
  static const std::vector<PrinterProfile> profiles = {
      {"exact", 1011, 638, 300},
      {"evolis", 1016, 648, 300},
      {"zebra", 1006, 640, 300},
  };
  return profiles;
}

const PrinterProfile& printer_profile(std::string_view name) {
  std::string known;
  for (const PrinterProfile& p : printer_profiles()) {
    if (p.name == name) return p;
    known += (known.empty() ? "" : ", ") + p.name;
  }
  throw Error(ErrorKind::tmpl, "printer",
              "unknown printer \"" + std::string(name) + "\" (known: " + known + ")");
}

}  // namespace cardface
