#include "cli/print_files.h"

#include "cardface/panels.h"
#include "cardface/print.h"

namespace cardface::cli {

void add_print_options(CLI::App* cmd, PrintArgs& a) {
  cmd->add_option("--format", a.format, "png (default), pdf (print: bleed, boxes) or svg")
      ->check(CLI::IsMember({"png", "pdf", "svg"}));
  cmd->add_option("--bleed", a.bleed_mm,
                  "Bleed in mm past the trim (PDF default 2, panels default 0)")
      ->check(CLI::Range(0.0, 20.0));
  cmd->add_flag("--crop-marks", a.crop_marks, "PDF: crop marks outside the bleed");
  cmd->add_flag("--debug-layout", a.debug_layout,
                "Overlay element boxes, baselines, trim, bleed and the ICAO MRZ zone");
  cmd->add_flag("--panels", a.panels, "Card-printer panels: color, k, uv, overlay PNGs per face");
  cmd->add_option("--printer", a.printer, "Printer profile for --panels: exact, evolis, zebra")
      ->check(CLI::IsMember({"exact", "evolis", "zebra"}));
}

void check_print_options(const PrintArgs& a) {
  if (a.panels && a.format != "png")
    throw CLI::ValidationError("--panels", "writes PNGs: leave out --format");
  if (a.crop_marks && a.format != "pdf")
    throw CLI::ValidationError("--crop-marks", "needs --format pdf");
  if (a.bleed_mm >= 0 && a.format != "pdf" && !a.panels)
    throw CLI::ValidationError("--bleed",
                               "needs --format pdf or --panels (PNG and SVG show the trim)");
  if (a.printer != "exact" && !a.panels) throw CLI::ValidationError("--printer", "needs --panels");
  if (a.debug_layout && a.panels)
    throw CLI::ValidationError("--debug-layout", "is for PNG, PDF and SVG, not panels");
}

bool wants_print_files(const PrintArgs& a) {
  return a.panels || a.format != "png";
}

std::vector<OutputFile> print_files(const Scene& scene, const std::filesystem::path& out_dir,
                                    const std::string& stem, const PrintArgs& a) {
  std::vector<OutputFile> files;
  if (a.panels) {
    const PrinterProfile& printer = printer_profile(a.printer);
    PanelOptions options;
    options.bleed_mm = a.bleed_mm >= 0 ? a.bleed_mm : 0;
    for (const Face& face : scene.faces)
      for (PanelPng& p : encode_panel_pngs(render_panels(face, printer, options)))
        files.push_back(
            {out_dir / (stem + "-" + to_string(face.side) + "-" + p.panel + ".png"), p.png});
  } else if (a.format == "pdf") {
    PdfOptions options;
    options.bleed_mm = a.bleed_mm >= 0 ? a.bleed_mm : 2.0;
    options.crop_marks = a.crop_marks;
    options.debug_layout = a.debug_layout;
    files.push_back({out_dir / (stem + ".pdf"), render_pdf(scene, options)});
  } else {
    for (const Face& face : scene.faces)
      files.push_back({out_dir / (stem + "-" + to_string(face.side) + ".svg"),
                       render_svg(face, SvgOptions{a.debug_layout})});
  }
  return files;
}

}  // namespace cardface::cli
