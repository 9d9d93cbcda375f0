// Renders golden cases the way the project's references were made (compose, then the
// uncached rasterizer: the layer cache composites in 8-bit steps and would move pixels by a
// few levels) and compares them, on a pool of threads.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/golden.h"
#include "cardface/panels.h"
#include "cardface/render.h"
#include "cardface/renderer.h"
#include "cardface/sheet.h"
#include "cardface/template.h"

namespace cardface::golden {
namespace fs = std::filesystem;

namespace {

// A fault of the case file found while running it (a missing reference, a template that is
// not there): the case is broken, not failing.
class CaseBroken : public Error {
 public:
  using Error::Error;
};

std::string describe(const Error& e) {
  std::string out;
  for (const Problem& p : e.problems())
    out += (out.empty() ? "" : "; ") + (p.where.empty() ? "" : p.where + ": ") + p.message;
  return out;
}

std::string case_key(const GoldenCase& gc, const std::string& key) {
  return (gc.ref.dir / "case.json").string() + ": " + key;
}

// One Renderer per template, shared by every case (and thread) that names it.
class TemplateShelf {
 public:
  // The template the case names (not empty), loaded before any record: its folder may bring
  // the records' card type (card-type.json).
  const Renderer& for_named(const GoldenCase& gc) {
    // A template named by a path is relative to the case, as data files are.
    const bool is_path = gc.template_ref.find('/') != std::string::npos;
    const fs::path dir = gc.ref.dir / gc.template_ref;
    if (is_path && !fs::is_regular_file(dir / "template.json"))
      throw CaseBroken(ErrorKind::file, case_key(gc, "template"),
                       "no template.json in " + dir.string());
    return get(gc,
               [&] { return is_path ? Template::load_dir(dir) : find_template(gc.template_ref); });
  }

  const Renderer& for_type(const std::string& type, const GoldenCase& gc) {
    return get(gc, [&] { return default_template(type); });
  }

 private:
  // Loading a template is cheap; what its Renderer keeps (the generated artwork) is not, so
  // Renderers are shared by the template's folder however a case names it.
  template <typename Load>
  const Renderer& get(const GoldenCase& gc, Load load) {
    std::optional<Template> tmpl;
    try {
      tmpl = load();
    } catch (const Error& e) {
      throw CaseBroken(ErrorKind::file, case_key(gc, "template"),
                       "cannot load the template: " + describe(e));
    }
    const std::string key = fs::weakly_canonical(tmpl->dir()).string();
    std::lock_guard lock(mutex_);
    auto it = renderers_.find(key);
    if (it == renderers_.end())
      it = renderers_.emplace(key, std::make_unique<Renderer>(std::move(*tmpl), fonts_)).first;
    return *it->second;
  }

  Fonts fonts_ = Fonts::bundled();
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Renderer>> renderers_;
};

// One image the case made, with where its pixels lie on the card (or the sheet's page).
struct RenderedImage {
  std::string reference;
  Raster pixels;
  std::vector<std::uint8_t> png;  // as written when it is the output's own file; else encoded
  int png_dpi = 0;
  double mm_per_px = 0;
  double origin_x_mm = 0, origin_y_mm = 0;  // the image's top-left corner
};

Card load_record(const GoldenCase& gc, std::size_t i) {
  try {
    return load_card(gc.records[i]);
  } catch (const Error& e) {
    throw CaseBroken(ErrorKind::file,
                     case_key(gc, gc.kind == CaseKind::faces || gc.kind == CaseKind::panels
                                      ? "data"
                                      : "data/" + std::to_string(i)),
                     "the record cannot be used: " + describe(e));
  }
}

Raster straight_rgba(const Bitmap& bitmap) {
  return decode_image(encode_png(bitmap, 0), "face");  // store-only: cheap, exact
}

std::vector<RenderedImage> render_faces(const GoldenCase& gc, TemplateShelf& shelf) {
  const Renderer* named = gc.template_ref.empty() ? nullptr : &shelf.for_named(gc);
  const Card card = load_record(gc, 0);
  const Renderer& renderer = named ? *named : shelf.for_type(card.type, gc);
  ComposeOptions compose_options;
  compose_options.sides = gc.sides;
  const Scene scene = renderer.compose(card, compose_options);
  std::vector<RenderedImage> out;
  for (const Face& face : scene.faces) {
    const std::string side = to_string(face.side);
    if (gc.kind == CaseKind::panels) {
      const PrinterProfile& printer = printer_profile(gc.printer);
      const double px_per_mm = printer.dpi / 25.4;
      for (PanelPng& p : encode_panel_pngs(render_panels(face, printer))) {
        RenderedImage image;
        image.reference = side + "-" + p.panel + ".png";
        image.pixels = decode_image(p.png, image.reference);
        image.png = std::move(p.png);
        image.mm_per_px = 1 / px_per_mm;
        // The card is centred in the printer's image.
        image.origin_x_mm = -(printer.width_px / px_per_mm - face.width_mm) / 2;
        image.origin_y_mm = -(printer.height_px / px_per_mm - face.height_mm) / 2;
        out.push_back(std::move(image));
      }
      continue;
    }
    RenderedImage image;
    image.reference = side + ".png";
    image.png_dpi = gc.dpi;
    image.mm_per_px = 25.4 / gc.dpi;
    image.pixels = straight_rgba(rasterize(face, {gc.dpi, false, gc.debug_layout}));
    if (gc.crop) {
      // Fine detail at high dpi is checked on a crop: the whole face would be a huge file.
      const Raster& whole = image.pixels;
      const int x0 = pixels_for_mm(gc.crop->x_mm, gc.dpi);
      const int y0 = pixels_for_mm(gc.crop->y_mm, gc.dpi);
      if (x0 >= whole.width || y0 >= whole.height)
        throw CaseBroken(ErrorKind::file, case_key(gc, "crop_mm"), "starts outside the card");
      Raster part;
      part.width = std::min(pixels_for_mm(gc.crop->width_mm, gc.dpi), whole.width - x0);
      part.height = std::min(pixels_for_mm(gc.crop->height_mm, gc.dpi), whole.height - y0);
      part.rgba.resize(std::size_t(part.width) * part.height * 4);
      for (int y = 0; y < part.height; ++y)
        std::copy_n(&whole.rgba[(std::size_t(y0 + y) * whole.width + x0) * 4],
                    std::size_t(part.width) * 4, &part.rgba[std::size_t(y) * part.width * 4]);
      image.pixels = std::move(part);
      image.origin_x_mm = x0 * image.mm_per_px;
      image.origin_y_mm = y0 * image.mm_per_px;
    }
    out.push_back(std::move(image));
  }
  return out;
}

// A temporary folder, removed with everything in it when the case is done.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<unsigned> counter{0};
    path_ = fs::temp_directory_path() /
            ("cardface-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A sheet's PDF rasterized by poppler's pdftoppm at the case's dpi: page-N.png each.
std::vector<RenderedImage> render_sheet(const GoldenCase& gc, TemplateShelf& shelf) {
  std::vector<Card> cards;
  for (std::size_t i = 0; i < gc.records.size(); ++i) cards.push_back(load_record(gc, i));
  std::vector<std::uint8_t> pdf;
  if (gc.kind == CaseKind::impose) {
    std::vector<Scene> scenes;
    for (const Card& card : cards) scenes.push_back(shelf.for_type(card.type, gc).compose(card));
    pdf = impose_pdf(scenes, sheet_size(gc.sheet));
  } else {
    std::vector<ProofEntry> entries;
    for (std::size_t i = 0; i < cards.size(); ++i) {
      const Renderer& renderer = shelf.for_type(cards[i].type, gc);
      entries.push_back({&cards[i], renderer.compose(cards[i]), gc.records[i].filename().string()});
    }
    pdf = proof_pdf(entries, shelf.for_type(cards[0].type, gc).fonts());
  }
  const ScratchDir work;
  std::ofstream(work.path() / "sheet.pdf", std::ios::binary)
      .write(reinterpret_cast<const char*>(pdf.data()), std::streamsize(pdf.size()));
  const std::string command = "pdftoppm -r " + std::to_string(gc.dpi) + " -png '" +
                              (work.path() / "sheet.pdf").string() + "' '" +
                              (work.path() / "page").string() + "'";
  if (std::system(command.c_str()) != 0)
    throw Error(ErrorKind::internal, "pdftoppm", "failed: " + command);
  std::vector<RenderedImage> out;
  for (int page = 1;; ++page) {
    const fs::path rendered = work.path() / ("page-" + std::to_string(page) + ".png");
    if (!fs::exists(rendered)) break;
    RenderedImage image;
    image.reference = rendered.filename().string();
    image.pixels = read_image(rendered);  // encoded again by our writer when written
    image.mm_per_px = 25.4 / gc.dpi;
    out.push_back(std::move(image));
  }
  return out;
}

std::vector<std::uint8_t> png_of(const RenderedImage& image) {
  if (!image.png.empty()) return image.png;
  PngOptions options;
  options.dpi = image.png_dpi;
  options.compression = 9;  // references live in repositories
  return encode_png(pixel_view(image.pixels), options);
}

void write_file(const fs::path& file, const std::vector<std::uint8_t>& bytes) {
  fs::create_directories(file.parent_path());
  const fs::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!out) throw Error(ErrorKind::file, temp.string(), "cannot write");
  }
  fs::rename(temp, file);
}

ImageOutcome check_image(const GoldenCase& gc, const RenderedImage& image,
                         const RunOptions& options) {
  ImageOutcome io;
  io.reference = image.reference;
  io.reference_file = gc.ref.dir / image.reference;
  const bool exists = fs::exists(io.reference_file);
  if (options.update) {
    // Only a reference whose pixels changed is rewritten: a new encoder alone changes none.
    if (exists &&
        compare_images(read_image(io.reference_file), image.pixels, Tolerance{0, 0}).passed) {
      io.status = ImageOutcome::Status::unchanged;
      return io;
    }
    write_file(io.reference_file, png_of(image));
    io.status = exists ? ImageOutcome::Status::updated : ImageOutcome::Status::created;
    return io;
  }
  if (!exists)
    throw CaseBroken(ErrorKind::file, io.reference_file.string(),
                     "no reference image (`cardface test --update` creates it; look at it first)");
  const Raster reference = read_image(io.reference_file);
  io.comparison = compare_images(reference, image.pixels, gc.tolerance);
  if (io.comparison.beyond_x1 >= io.comparison.beyond_x0) {
    const Comparison& c = io.comparison;
    io.changed_mm = Rect{image.origin_x_mm + c.beyond_x0 * image.mm_per_px,
                         image.origin_y_mm + c.beyond_y0 * image.mm_per_px,
                         (c.beyond_x1 + 1 - c.beyond_x0) * image.mm_per_px,
                         (c.beyond_y1 + 1 - c.beyond_y0) * image.mm_per_px};
  }
  if (io.comparison.passed) return io;
  io.status = ImageOutcome::Status::failed;
  const fs::path out = options.artifacts / gc.ref.name;
  io.actual_file = out / ("actual-" + image.reference);
  io.diff_file = out / ("diff-" + image.reference);
  write_file(io.actual_file, png_of(image));
  Raster diff;
  compare_images(reference, image.pixels, gc.tolerance, &diff);  // drawn for failures only
  write_png_file(pixel_view(diff), io.diff_file);
  return io;
}

bool matches(const CaseRef& ref, const std::string& pattern) {
  return pattern.empty() || ref.name.find(pattern) != std::string::npos ||
         ref.dir.generic_string().find(pattern) != std::string::npos;
}

CaseOutcome run_case(const CaseRef& ref, const RunOptions& options, TemplateShelf& shelf) {
  CaseOutcome outcome;
  outcome.ref = ref;
  if (options.update && !matches(ref, options.update_pattern)) {
    outcome.status = CaseOutcome::Status::skipped;
    return outcome;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    const GoldenCase gc = read_case(ref);
    const std::vector<RenderedImage> images =
        gc.kind == CaseKind::impose || gc.kind == CaseKind::proof ? render_sheet(gc, shelf)
                                                                  : render_faces(gc, shelf);
    for (const RenderedImage& image : images)
      outcome.images.push_back(check_image(gc, image, options));
    if (gc.kind == CaseKind::impose || gc.kind == CaseKind::proof) {
      // A page the sheet no longer has.
      const fs::path gone = gc.ref.dir / ("page-" + std::to_string(images.size() + 1) + ".png");
      if (fs::exists(gone)) {
        ImageOutcome io;
        io.reference = gone.filename().string();
        io.reference_file = gone;
        if (options.update) {
          fs::remove(gone);
          io.status = ImageOutcome::Status::removed;
        } else {
          io.status = ImageOutcome::Status::failed;
          io.comparison.summary = "the sheet has no page " + std::to_string(images.size() + 1);
        }
        outcome.images.push_back(io);
      }
    }
    for (const ImageOutcome& io : outcome.images) {
      if (io.status == ImageOutcome::Status::failed) outcome.status = CaseOutcome::Status::failed;
      if (io.status == ImageOutcome::Status::updated ||
          io.status == ImageOutcome::Status::created || io.status == ImageOutcome::Status::removed)
        outcome.status = CaseOutcome::Status::updated;
    }
  } catch (const CaseBroken& e) {
    outcome.status = CaseOutcome::Status::broken;
    outcome.message = describe(e);
  } catch (const Error& e) {
    // read_case's faults are the case file's; the rest is the template or record failing.
    const bool of_case_file = e.kind() == ErrorKind::file && !e.problems().empty() &&
                              e.problems()[0].where.rfind((ref.dir / "case.json").string(), 0) == 0;
    outcome.status = of_case_file ? CaseOutcome::Status::broken : CaseOutcome::Status::failed;
    outcome.message = describe(e);
  } catch (const std::exception& e) {
    outcome.status = CaseOutcome::Status::failed;
    outcome.message = e.what();
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace

std::vector<CaseOutcome> run_cases(const std::vector<CaseRef>& cases, const RunOptions& options) {
  std::vector<CaseOutcome> outcomes(cases.size());
  TemplateShelf shelf;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < cases.size();)
      outcomes[i] = run_case(cases[i], options, shelf);
  };
  const int threads = std::clamp(options.jobs, 1, int(std::max<std::size_t>(cases.size(), 1)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return outcomes;
}

}  // namespace cardface::golden
