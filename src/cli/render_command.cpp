#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include "cardface/batch.h"
#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/error.h"
#include "cardface/lint.h"
#include "cardface/render.h"
#include "cardface/renderer.h"
#include "cardface/seal.h"
#include "cardface/template.h"
#include "cli/batch_command.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/print_files.h"
#include "cli/seal_args.h"

namespace cardface::cli {
namespace {

struct RenderArgs {
  std::string data;
  std::string template_name;
  std::string side;  // empty: every side the template has
  int dpi = 600;
  std::string out;
  bool show_uv = false;
  PrintArgs print;
  SealArgs seal;
  bool verbose = false;
  bool strict = false;
  int png_compression = 1;
  BatchArgs batch;
  CacheArgs cache;
};

RenderArgs& render_args() {
  static RenderArgs args;
  return args;
}

// Runs every task, on up to `jobs` threads (0: the machine's cores), this one among them,
// taking them in order; the first error is rethrown once every thread has stopped.
void run_at_once(const std::vector<std::function<void()>>& tasks, int jobs) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min(tasks.size(), jobs > 0 ? std::size_t(jobs) : cores);
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::exception_ptr error;
  auto work = [&] {
    for (std::size_t i; (i = next++) < tasks.size();) {
      try {
        tasks[i]();
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        next = tasks.size();  // no task starts after an error
      }
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < threads; ++k) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  if (error) std::rethrow_exception(error);
}

std::vector<Side> sides_of(const std::string& side) {
  if (side == "front") return {Side::front};
  if (side == "back") return {Side::back};
  if (side == "both") return {Side::front, Side::back};
  return {};  // the template's own sides
}

int render(const RenderArgs& a) {
  if (is_batch_file(a.data)) {
    if (wants_print_files(a.print) || a.print.debug_layout)
      throw Error(ErrorKind::data, "--format",
                  "a batch file renders PNG faces; PDF, SVG, panels and --debug-layout take one "
                  "card (or use impose)");
    BatchArgs batch = a.batch;
    batch.cache_dir = cache_dir_of(a.cache);
    return render_batch_file(a.data, a.template_name, sides_of(a.side), a.dpi, a.show_uv,
                             seal_options(a.seal), a.png_compression, a.out, batch);
  }
  // A template folder may bring the card type its records have: load it first.
  std::optional<Template> named;
  if (!a.template_name.empty()) named = find_template(a.template_name);
  const Card card = load_card(a.data);
  const Template tmpl = named ? *named : default_template(card.type);
  ComposeOptions options;
  options.sides = sides_of(a.side);
  options.seal = seal_options(a.seal);
  // The same path as a batch: a card alone gives the bytes it gives in a batch.
  RendererOptions renderer_options;
  renderer_options.cache_dir = cache_dir_of(a.cache);
  const Renderer renderer(tmpl, Fonts::bundled(), renderer_options);
  const Scene scene = renderer.compose(card, options);
  const std::filesystem::path out_dir = a.out;
  const std::string stem = std::filesystem::path(a.data).stem().string();
  const bool faces_as_png = !wants_print_files(a.print);

  // The layout checks (docs/lint.md) and, for PNG, the faces: at once, on up to -j threads
  // (the machine's cores by default). Each result is the same whichever thread makes it.
  LintOptions lint_options;
  lint_options.dpi = a.dpi;
  std::vector<Finding> findings;
  std::vector<OutputFile> files(faces_as_png ? scene.faces.size() : 0);
  std::vector<std::function<void()>> tasks;
  tasks.push_back([&] { findings = renderer.lint(scene, lint_options); });
  for (std::size_t i = 0; i < files.size(); ++i)
    tasks.push_back([&, i] {
      const Face& face = scene.faces[i];
      const Bitmap bitmap =
          renderer.rasterize(face, RasterOptions{a.dpi, a.show_uv, a.print.debug_layout});
      files[i] = {out_dir / (stem + "-" + to_string(face.side) + ".png"),
                  encode_png(bitmap, a.png_compression)};
    });
  run_at_once(tasks, a.batch.jobs);

  // Warnings on every render; --strict refuses to write.
  for (const Finding& f : findings)
    std::cerr << "cardface: " << (a.strict ? "error" : "warning") << ": " << describe(f) << "\n";
  if (a.strict && !findings.empty()) return kExitInvalid;

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec)
    throw Error(ErrorKind::file, out_dir.string(),
                "cannot create the output directory: " + ec.message());
  if (a.verbose)
    for (const Face& face : scene.faces)
      for (const Item& item : face.items)
        if (const auto* code = std::get_if<Barcode>(&item.content)) {
          const int px = barcode_module_px(code->module_mm, a.dpi);
          std::cerr << "cardface: " << to_string(face.side) << " " << item.element << ": "
                    << code->columns << " x " << code->rows << " modules of " << px << " px ("
                    << px * 25.4 / a.dpi << " mm at " << a.dpi << " dpi; template "
                    << code->module_mm << " mm)\n";
        }
  if (!faces_as_png) files = print_files(scene, out_dir, stem, a.print);
  write_all(files);
  for (const auto& f : files) std::cout << f.path.string() << "\n";
  return kExitOk;
}

}  // namespace

void add_render(CLI::App& app) {
  RenderArgs& a = render_args();
  CLI::App* cmd = app.add_subcommand(
      "render", "Render the faces of one card, or of every record of a batch file, to PNG");
  cmd->add_option("data", a.data,
                  "The holder's record (JSON), or a batch of them (.jsonl, .ndjson or .csv)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--template,-t", a.template_name,
                  "A bundled template's name or a template directory (default: the data's type)");
  cmd->add_option("--side", a.side, "Which faces to render (default: every side the template has)")
      ->check(CLI::IsMember({"front", "back", "both"}));
  cmd->add_option("--dpi", a.dpi, "Output resolution")->check(CLI::Range(50, 4800));
  cmd->add_option("--out,-o", a.out, "Output directory")->required();
  cmd->add_flag("--show-uv", a.show_uv, "Preview the UV panel tinted over the face");
  add_seal_options(*cmd, a.seal);
  cmd->add_flag("--verbose,-v", a.verbose, "Report the barcode module size used at this dpi");
  cmd->add_flag("--strict", a.strict,
                "Layout findings (docs/lint.md) are errors: exit 1 and write no file");
  cmd->add_option("--png-compression", a.png_compression,
                  "zlib level 0-9: 1 (default) is fast, 9 smallest (see docs/batch.md)")
      ->check(CLI::Range(0, 9));
  add_batch_options(*cmd, a.batch);
  add_types_option(*cmd);
  add_cache_options(*cmd, a.cache);
  add_print_options(cmd, a.print);
  cmd->callback([cmd, &a] {
    check_print_options(a.print);
    if (!is_batch_file(a.data)) reject_batch_options(*cmd);
    if (is_batch_file(a.data) && a.strict)
      throw CLI::ValidationError("--strict", "takes one card (lint a batch with cardface lint)");
  });
}

int run_selected(CLI::App& app) {
  try {
    load_type_folders();
    if (app.got_subcommand("render")) return render(render_args());
    if (app.got_subcommand("mrz")) return run_mrz();
    if (app.got_subcommand("impose")) return run_impose();
    if (app.got_subcommand("proof")) return run_proof();
    if (app.got_subcommand("keygen")) return run_keygen();
    if (app.got_subcommand("verify")) return run_verify();
    if (app.got_subcommand("types")) return run_types();
    if (app.got_subcommand("serve")) return run_serve();
    if (app.got_subcommand("test")) return run_test();
    if (app.got_subcommand("merge-reports")) return run_merge_reports();
    if (app.got_subcommand("lint")) return run_lint();
  } catch (const Error& e) {
    for (const Problem& p : e.problems())
      std::cerr << "cardface: error: " << (p.where.empty() ? "" : p.where + ": ") << p.message
                << "\n";
    return kExitInvalid;
  } catch (const std::bad_alloc&) {
    std::cerr << "cardface: error: out of memory\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "cardface: error: " << e.what() << "\n";
    return kExitInvalid;
  }
  return kExitUsage;
}

}  // namespace cardface::cli
