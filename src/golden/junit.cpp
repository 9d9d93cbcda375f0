// JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one testsuite,
// a testcase per golden case; a failing image is a <failure>, a broken case an <error>.
#include <cstdio>
#include <fstream>

#include "cardface/error.h"
#include "cardface/golden.h"
#include "golden/markup.h"

namespace cardface::golden {

void write_junit(const std::vector<CaseOutcome>& outcomes, const std::filesystem::path& file) {
  int failures = 0, errors = 0, skipped = 0;
  double total = 0;
  for (const CaseOutcome& o : outcomes) {
    failures += o.status == CaseOutcome::Status::failed;
    errors += o.status == CaseOutcome::Status::broken;
    skipped += o.status == CaseOutcome::Status::skipped;
    total += o.seconds;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<testsuites name=\"cardface test\" tests=\"" + std::to_string(outcomes.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) +
         "\" time=\"" + decimal_text(total, 3) + "\">\n";
  xml += "  <testsuite name=\"golden\" tests=\"" + std::to_string(outcomes.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) +
         "\" skipped=\"" + std::to_string(skipped) + "\" time=\"" + decimal_text(total, 3) +
         "\">\n";
  for (const CaseOutcome& o : outcomes) {
    xml += "    <testcase classname=\"golden\" name=\"" + escaped_markup(o.ref.name) +
           "\" file=\"" + escaped_markup((o.ref.dir / "case.json").generic_string()) +
           "\" time=\"" + decimal_text(o.seconds, 3) + "\"";
    const std::string details = outcome_details(o);
    switch (o.status) {
      case CaseOutcome::Status::failed:
        xml += ">\n      <failure message=\"" + escaped_markup(outcome_headline(o)) + "\">" +
               escaped_markup(details) + "</failure>\n    </testcase>\n";
        break;
      case CaseOutcome::Status::broken:
        xml += ">\n      <error message=\"" + escaped_markup(o.message) + "\">" +
               escaped_markup(details) + "</error>\n    </testcase>\n";
        break;
      case CaseOutcome::Status::skipped:
        xml += ">\n      <skipped/>\n    </testcase>\n";
        break;
      default:
        xml += "/>\n";
    }
  }
  xml += "  </testsuite>\n</testsuites>\n";
  std::filesystem::create_directories(std::filesystem::absolute(file).parent_path());
  std::ofstream out(file, std::ios::binary);
  out << xml;
  if (!out) throw Error(ErrorKind::file, file.string(), "cannot write the JUnit file");
}

}  // namespace cardface::golden
