// One golden case: renders tests/golden/<feature>/<case>/case.json and compares each face
// with the reference PNG beside it. On failure writes the actual image and a diff image under
// the artifacts directory and names them. With --update, rewrites the references instead.
//
//   cardface_golden CASE_DIR ARTIFACTS_DIR [--update]
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/render.h"
#include "cardface/sheet.h"
#include "cardface/template.h"

namespace fs = std::filesystem;
using namespace cardface;

namespace {

nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return nlohmann::json::parse(in);
}

std::vector<Side> sides_of(const nlohmann::json& c) {
  std::vector<Side> sides;
  for (const auto& s : c.value("sides", std::vector<std::string>{"front", "back"}))
    sides.push_back(s == "back" ? Side::back : Side::front);
  return sides;
}

Tolerance tolerance_of(const nlohmann::json& c) {
  Tolerance tolerance;
  if (c.contains("tolerance")) {
    tolerance.max_channel_delta =
        c["tolerance"].value("max_channel_delta", tolerance.max_channel_delta);
    tolerance.max_differing_pixels =
        c["tolerance"].value("max_differing_pixels", tolerance.max_differing_pixels);
  }
  return tolerance;
}

// Compares (or, updating, rewrites) one reference PNG; false when it fails.
bool check_reference(const fs::path& case_dir, const fs::path& artifacts, const std::string& name,
                     const std::vector<std::uint8_t>& png, const Tolerance& tolerance,
                     bool update) {
  const fs::path reference = case_dir / name;
  if (update) {
    // Only a reference whose pixels changed is rewritten: a new encoder alone changes no golden.
    if (fs::exists(reference) &&
        compare_images(read_image(reference), decode_image(png, name), Tolerance{0, 0}).passed) {
      std::cout << "same    " << reference.string() << "\n";
      return true;
    }
    std::ofstream(reference, std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
    std::cout << "updated " << reference.string() << "\n";
    return true;
  }
  if (!fs::exists(reference)) {
    std::cerr << "FAIL " << reference.string()
              << ": no reference image (run tools/update-goldens)\n";
    return false;
  }
  Raster diff;
  const Comparison cmp =
      compare_images(read_image(reference), decode_image(png, name), tolerance, &diff);
  if (cmp.passed) {
    std::cout << "ok   " << reference.string() << ": " << cmp.summary << "\n";
    return true;
  }
  const fs::path out = artifacts / case_dir.parent_path().filename() / case_dir.filename();
  fs::create_directories(out);
  const fs::path actual_file = out / ("actual-" + name);
  const fs::path diff_file = out / ("diff-" + name);
  std::ofstream(actual_file, std::ios::binary)
      .write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
  write_png_file(pixel_view(diff), diff_file);
  std::cerr << "FAIL " << reference.string() << ": " << cmp.summary << "\n"
            << "     actual: " << actual_file.string() << "\n"
            << "     diff:   " << diff_file.string() << "\n";
  return false;
}

// A sheet case ("print": "impose" or "proof"): the PDF rasterized by poppler's pdftoppm at
// the case's dpi, each page against page-N.png.
int check_sheet_case(const nlohmann::json& c, const fs::path& case_dir, const fs::path& artifacts,
                     bool update) {
  std::vector<Card> cards;
  for (const auto& d : c.at("data")) cards.push_back(load_card(case_dir / d.get<std::string>()));
  const Fonts fonts = Fonts::bundled();
  std::vector<std::uint8_t> pdf;
  if (c.at("print") == "impose") {
    std::vector<Scene> scenes;
    for (const Card& card : cards)
      scenes.push_back(compose(card, default_template(card.type), fonts));
    pdf = impose_pdf(scenes, sheet_size(c.value("sheet", "a4")));
  } else {
    std::vector<ProofEntry> entries;
    for (std::size_t i = 0; i < cards.size(); ++i)
      entries.push_back({&cards[i], compose(cards[i], default_template(cards[i].type), fonts),
                         fs::path(c.at("data")[i].get<std::string>()).filename().string()});
    pdf = proof_pdf(entries, fonts);
  }
  const fs::path work = artifacts / "sheet-work" / case_dir.filename();
  fs::remove_all(work);
  fs::create_directories(work);
  std::ofstream(work / "sheet.pdf", std::ios::binary)
      .write(reinterpret_cast<const char*>(pdf.data()), std::streamsize(pdf.size()));
  const std::string command = "pdftoppm -r " + std::to_string(c.value("dpi", 50)) + " -png " +
                              (work / "sheet.pdf").string() + " " + (work / "page").string();
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
  bool ok = true;
  for (int page = 1;; ++page) {
    const fs::path rendered = work / ("page-" + std::to_string(page) + ".png");
    if (!fs::exists(rendered)) {
      if (!update && fs::exists(case_dir / ("page-" + std::to_string(page) + ".png"))) {
        std::cerr << "FAIL " << case_dir.string() << ": no page " << page << " any more\n";
        ok = false;
      }
      break;
    }
    // Re-encoded by our writer so the reference bytes do not depend on poppler's.
    const Raster pixels = read_image(rendered);
    PngOptions options;
    options.compression = 9;
    ok = check_reference(case_dir, artifacts, "page-" + std::to_string(page) + ".png",
                         encode_png(pixel_view(pixels), options), tolerance_of(c), update) &&
         ok;
  }
  if (ok) fs::remove_all(work);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: cardface_golden CASE_DIR ARTIFACTS_DIR [--update]\n";
    return 2;
  }
  const fs::path case_dir = argv[1];
  const fs::path artifacts = argv[2];
  const bool update = argc > 3 && std::string(argv[3]) == "--update";
  try {
    const nlohmann::json c = read_json(case_dir / "case.json");
    if (c.contains("print")) return check_sheet_case(c, case_dir, artifacts, update);
    const Card card = load_card(case_dir / c.at("data").get<std::string>());
    const std::string tmpl_ref = c.value("template", card.type);
    // A template named by a relative path is relative to the case.
    const Template tmpl = tmpl_ref.find('/') != std::string::npos
                              ? Template::load_dir(case_dir / tmpl_ref)
                              : find_template(tmpl_ref);
    ComposeOptions options;
    options.sides = sides_of(c);
    const Scene scene = compose(card, tmpl, Fonts::bundled(), options);
    const int dpi = c.value("dpi", 300);
    const Tolerance tolerance = tolerance_of(c);

    bool failed = false;
    for (const Face& face : scene.faces) {
      const std::string name = std::string(to_string(face.side)) + ".png";
      std::vector<std::uint8_t> png =
          encode_png(rasterize(face, {dpi, false, c.value("debug_layout", false)}), 9);
      if (c.contains("crop_mm")) {
        // Fine detail at high DPI is checked on a crop: the whole face would be a huge file.
        const auto crop = c["crop_mm"].get<std::vector<double>>();
        const Raster whole = decode_image(png, name);
        Raster part;
        const int x0 = pixels_for_mm(crop.at(0), dpi), y0 = pixels_for_mm(crop.at(1), dpi);
        part.width = std::min(pixels_for_mm(crop.at(2), dpi), whole.width - x0);
        part.height = std::min(pixels_for_mm(crop.at(3), dpi), whole.height - y0);
        part.rgba.resize(std::size_t(part.width) * part.height * 4);
        for (int y = 0; y < part.height; ++y)
          std::copy_n(&whole.rgba[(std::size_t(y0 + y) * whole.width + x0) * 4],
                      std::size_t(part.width) * 4, &part.rgba[std::size_t(y) * part.width * 4]);
        PngOptions options;
        options.dpi = dpi;
        options.compression = 9;
        png = cardface::encode_png(pixel_view(part), options);
      }
      if (!check_reference(case_dir, artifacts, name, png, tolerance, update)) failed = true;
    }
    return failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "FAIL " << case_dir.string() << ": " << e.what() << "\n";
    return 1;
  }
}
