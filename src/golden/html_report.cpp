// The HTML report: one page, its images in folders beside it, no network (CI artifact
// viewers and offline machines open it as it is). Zoom keeps pixels crisp and scrolls the
// three images of a row together, so a change can be found at 1:1 or closer.
#include <cstdio>
#include <fstream>

#include "cardface/error.h"
#include "cardface/golden.h"
#include "golden/markup.h"

namespace cardface::golden {
namespace fs = std::filesystem;

namespace {

// A relative URL for a path made of the case's name and a file name.
std::string url_escaped(const std::string& path) {
  std::string out;
  for (const unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.') {
      out += char(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

const char* page_head = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>cardface test report</title>
<style>
body { font: 14px/1.4 sans-serif; margin: 1em; color: #222; }
h2 { font-size: 16px; margin: 1.5em 0 0.3em; }
.summary { font-weight: bold; }
.zoom { position: sticky; top: 0; background: #fff; padding: 0.4em 0; z-index: 1; }
.row { display: flex; gap: 8px; }
figure { flex: 1; margin: 0; min-width: 0; }
figcaption { font-size: 12px; color: #555; }
.pane { overflow: auto; max-height: 70vh; border: 1px solid #ccc; background:
  repeating-conic-gradient(#eee 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
.pane img { display: block; width: 100%; image-rendering: pixelated; cursor: zoom-in; }
pre { background: #f6f6f6; padding: 0.5em; white-space: pre-wrap; }
.broken { color: #a00; }
</style></head><body>
<h1>cardface test report</h1>
)";

// Zoom: "fit" scales each image to its pane; a factor draws it at that many screen pixels a
// pixel. Clicking an image zooms in one step around the point clicked.
const char* page_script = R"(<script>
const steps = [0, 1, 2, 4, 8, 16];
let zoom = 0;
function apply(z, anchor) {
  zoom = z;
  document.querySelectorAll('.pane img').forEach(img => {
    img.style.width = z === 0 ? '100%' : (img.naturalWidth * z) + 'px';
    img.style.cursor = z === steps[steps.length - 1] ? 'zoom-out' : 'zoom-in';
  });
  document.getElementById('zoom-value').textContent = z === 0 ? 'fit' : z + ':1';
  if (anchor) anchor();
}
document.getElementById('zoom').addEventListener('input', e => apply(steps[e.target.value]));
document.querySelectorAll('.row').forEach(row => {
  const panes = row.querySelectorAll('.pane');
  panes.forEach(p => p.addEventListener('scroll', () => panes.forEach(q => {
    if (q !== p) { q.scrollLeft = p.scrollLeft; q.scrollTop = p.scrollTop; }
  })));
});
document.querySelectorAll('.pane img').forEach(img => img.addEventListener('click', e => {
  const fx = e.offsetX / img.clientWidth, fy = e.offsetY / img.clientHeight;
  const i = (steps.indexOf(zoom) + 1) % steps.length;
  document.getElementById('zoom').value = i;
  apply(steps[i], () => {
    const pane = img.parentElement;
    pane.scrollLeft = fx * img.clientWidth - pane.clientWidth / 2;
    pane.scrollTop = fy * img.clientHeight - pane.clientHeight / 2;
  });
}));
// Says how many images loaded: a report whose images are missing is no report.
function count() {
  const imgs = [...document.querySelectorAll('.pane img')];
  const loaded = imgs.filter(i => i.complete && i.naturalWidth > 0).length;
  document.getElementById('loaded').textContent = loaded + ' of ' + imgs.length + ' images loaded';
}
window.addEventListener('load', count);
</script>
)";

void copy_into(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace

void write_html_report(const std::vector<CaseOutcome>& outcomes, const fs::path& dir) {
  fs::create_directories(dir);
  int failed = 0, broken = 0, passed = 0;
  for (const CaseOutcome& o : outcomes) {
    failed += o.status == CaseOutcome::Status::failed;
    broken += o.status == CaseOutcome::Status::broken;
    passed += o.status == CaseOutcome::Status::passed;
  }
  std::string html = page_head;
  html += "<p class=\"summary\">" + std::to_string(outcomes.size()) +
          " cases: " + std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " +
          std::to_string(broken) + " broken. <span id=\"loaded\"></span></p>\n";
  html +=
      "<div class=\"zoom\"><label>Zoom <input id=\"zoom\" type=\"range\" min=\"0\" max=\"5\" "
      "value=\"0\"></label> <span id=\"zoom-value\">fit</span> (or click an image)</div>\n";
  for (const CaseOutcome& o : outcomes) {
    if (o.status == CaseOutcome::Status::broken) {
      html += "<h2 class=\"broken\">" + escaped_markup(o.ref.name) + ": broken</h2>\n<pre>" +
              escaped_markup(outcome_details(o)) + "</pre>\n";
      continue;
    }
    if (o.status != CaseOutcome::Status::failed) continue;
    html += "<h2>" + escaped_markup(o.ref.name) + "</h2>\n<pre>" +
            escaped_markup(outcome_details(o)) + "</pre>\n";
    for (const ImageOutcome& io : o.images) {
      if (io.status != ImageOutcome::Status::failed || io.actual_file.empty()) continue;
      html += "<div class=\"row\">\n";
      const std::pair<const char*, const fs::path*> shown[] = {
          {"reference", &io.reference_file}, {"actual", &io.actual_file}, {"diff", &io.diff_file}};
      for (const auto& [label, file] : shown) {
        const std::string rel = "cases/" + o.ref.name + "/" + label + "-" + io.reference;
        copy_into(*file, dir / rel);
        html += "<figure><figcaption>" + std::string(label) + ": " + escaped_markup(io.reference) +
                "</figcaption><div class=\"pane\"><img alt=\"" + label + " " +
                escaped_markup(io.reference) + "\" src=\"" + escaped_markup(url_escaped(rel)) +
                "\"></div></figure>\n";
      }
      html += "</div>\n";
    }
  }
  if (failed + broken == 0) html += "<p>Every case passed.</p>\n";
  html += page_script;
  html += "</body></html>\n";
  std::ofstream out(dir / "index.html", std::ios::binary);
  out << html;
  if (!out) throw Error(ErrorKind::file, (dir / "index.html").string(), "cannot write the report");
}

}  // namespace cardface::golden
