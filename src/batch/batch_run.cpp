// render_batch: one reader (this thread) parses records in line order, names their files and
// decides what --resume skips; worker threads compose, render, encode and write; results come
// back to this thread, which reports them in line order. Every output file is written to a
// temporary name and renamed, then the journal records it.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>

#include "batch/batch_reader.h"
#include "batch/input_digest.h"
#include "batch/journal.h"
#include "batch/output_name.h"
#include "cardface/batch.h"
#include "cardface/image.h"
#include "cardface/renderer.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A template's Renderer (its layer cache) and the digest of the template's files.
struct TemplateSlot {
  std::unique_ptr<Renderer> renderer;
  std::string digest;
};

class Templates {
 public:
  Templates(std::string name, RendererOptions options)
      : name_(std::move(name)), options_(std::move(options)) {}

  // The slot for a card of `card_type`; Error(ErrorKind::tmpl) when there is no template.
  const TemplateSlot& for_type(const std::string& card_type) {
    const std::string key = name_.empty() ? "type:" + card_type : name_;
    std::lock_guard lock(mutex_);
    auto& slot = slots_[key];
    if (!slot) {
      auto made = std::make_unique<TemplateSlot>();
      Template tmpl = name_.empty() ? default_template(card_type) : find_template(name_);
      batch::InputDigest digest;
      digest.add_tree(tmpl.dir());
      made->digest = digest.hex();
      made->renderer = std::make_unique<Renderer>(std::move(tmpl), Fonts::bundled(), options_);
      slot = std::move(made);
    }
    return *slot;
  }

 private:
  std::string name_;
  RendererOptions options_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<TemplateSlot>> slots_;
};

struct Job {
  std::size_t seq = 0;
  int line = 0;
  Card card;
  const TemplateSlot* slot = nullptr;
  std::vector<fs::path> files;
  std::string digest;
};

struct Outcome {
  BatchRecordResult result;
  bool skipped = false;  // dropped by --fail-fast before it started: not reported
};

std::string options_text(const BatchOptions& o) {
  std::string text = "cardface " CARDFACE_LIB_VERSION "; dpi " + std::to_string(o.dpi) + "; uv " +
                     (o.show_uv ? "1" : "0") + "; png " + std::to_string(o.png_compression) +
                     "; name " + o.name_pattern + "; sides";
  for (Side s : o.sides) text += std::string(" ") + to_string(s);
  // A seal signed by another key or dated otherwise is another output.
  text += "; seal key " + (o.seal.key ? o.seal.key->certificate_reference() : std::string("none"));
  if (o.seal.signature_date) text += "; seal date " + o.seal.signature_date->iso();
  return text;
}

// The layout checks that need no pixels (docs/lint.md): a batch stays at render speed.
std::vector<Finding> layout_findings(const Scene& scene, int dpi, int line) {
  LintOptions lint_options;
  lint_options.dpi = dpi;
  lint_options.pixels = false;
  std::vector<Finding> findings = lint(scene, lint_options);
  for (Finding& f : findings) f.record_line = line;
  return findings;
}

std::vector<Problem> problems_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const Error& e) {
    return e.problems();
  } catch (const std::bad_alloc&) {
    return {{"render", "out of memory"}};
  } catch (const std::exception& e) {
    return {{"render", e.what()}};
  }
}

void remove_files(const std::vector<fs::path>& files) {
  std::error_code ec;
  for (const fs::path& f : files) fs::remove(f, ec);
}

// Temporary files an interrupted run left (write_png_file's `.NAME.tmp-PID-N`, the report's).
void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") && name.find(".tmp-") != std::string::npos &&
        entry.is_regular_file(ec))
      fs::remove(entry.path(), ec);
  }
}

// A shard shares OUT with others still running: it removes only the temporaries of its own
// files (`.NAME.tmp-*`, by NAME), as it meets them.
class OwnTemporaries {
 public:
  explicit OwnTemporaries(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      const std::size_t mark = name.find(".tmp-");
      if (name.starts_with(".") && mark != std::string::npos && entry.is_regular_file(ec))
        by_target_[name.substr(1, mark - 1)].push_back(entry.path());
    }
  }
  void remove_for(const fs::path& target) {
    auto it = by_target_.find(target.filename().string());
    if (it == by_target_.end()) return;
    remove_files(it->second);
    by_target_.erase(it);
  }

 private:
  std::map<std::string, std::vector<fs::path>> by_target_;
};

bool files_match(const std::vector<fs::path>& files, const std::vector<std::uintmax_t>& sizes) {
  if (files.size() != sizes.size()) return false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    if (fs::file_size(files[i], ec) != sizes[i] || ec) return false;
  }
  return true;
}

class Report {
 public:
  explicit Report(fs::path file) : file_(std::move(file)) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
    std::string temp_name = ".";
    temp_name += file_.filename().string();
    temp_name += ".tmp-" + std::to_string(::getpid());
    temp_ = file_.parent_path() / temp_name;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(ErrorKind::file, file_.string(), "cannot write the report");
  }
  ~Report() {
    if (out_.is_open()) {
      out_.close();
      std::error_code ec;
      fs::remove(temp_, ec);
    }
  }

  void add(const BatchRecordResult& r) {
    nlohmann::ordered_json line;
    line["line"] = r.line;
    line["status"] = r.ok ? "ok" : "failed";
    if (r.ok) {
      line["files"] = nlohmann::json::array();
      for (const fs::path& f : r.files) line["files"].push_back(f.filename().string());
      if (!r.findings.empty()) {
        line["findings"] = nlohmann::json::array();
        for (const Finding& f : r.findings)
          line["findings"].push_back({{"side", to_string(f.side)},
                                      {"element", f.element},
                                      {"rule", f.rule},
                                      {"severity", to_string(f.severity)},
                                      {"reason", f.reason}});
      }
    } else {
      line["problems"] = nlohmann::json::array();
      for (const Problem& p : r.problems)
        line["problems"].push_back({{"where", p.where}, {"message", p.message}});
    }
    out_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }

  void finish() {
    out_.close();
    std::error_code ec;
    if (out_.fail()) throw Error(ErrorKind::file, file_.string(), "cannot write the report");
    fs::rename(temp_, file_, ec);
    if (ec)
      throw Error(ErrorKind::file, file_.string(), "cannot write the report: " + ec.message());
  }

 private:
  fs::path file_, temp_;
  std::ofstream out_;
};

class Workers {
 public:
  Workers(int count, std::size_t capacity, const BatchOptions& options, batch::Journal& journal)
      : capacity_(capacity), options_(options), journal_(journal) {
    for (int i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Workers() { close(); }

  // Blocks while the queue is full, for at most `wait`; false when it is still full.
  bool push(Job& job, Clock::duration wait) {
    std::unique_lock lock(mutex_);
    if (!space_.wait_for(lock, wait, [&] { return queue_.size() < capacity_; })) return false;
    queue_.push_back(std::move(job));
    work_.notify_one();
    return true;
  }

  void add_outcome(std::size_t seq, Outcome outcome) {
    std::lock_guard lock(mutex_);
    outcomes_.emplace(seq, std::move(outcome));
    done_.notify_all();
  }

  // The outcome of `seq` if it is in, waiting at most `wait` for it.
  std::optional<Outcome> take(std::size_t seq, Clock::duration wait) {
    std::unique_lock lock(mutex_);
    if (!done_.wait_for(lock, wait, [&] { return outcomes_.count(seq) > 0; })) return std::nullopt;
    auto node = outcomes_.extract(seq);
    return std::move(node.mapped());
  }

  void stop() { stopped_ = true; }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    work_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      Outcome outcome;
      outcome.result.line = job.line;
      if (stopped_) {
        outcome.skipped = true;
      } else {
        render(job, outcome.result);
      }
      add_outcome(job.seq, std::move(outcome));
    }
  }

  void render(const Job& job, BatchRecordResult& result) {
    try {
      const Renderer& renderer = *job.slot->renderer;
      const Scene scene = renderer.compose(job.card, ComposeOptions{options_.sides, options_.seal});
      result.findings = layout_findings(scene, options_.dpi, job.line);
      std::vector<Bitmap> faces;
      for (const Face& face : scene.faces)
        faces.push_back(renderer.rasterize(face, {options_.dpi, options_.show_uv}));
      batch::Journal::Entry entry{job.digest, {}};
      for (std::size_t i = 0; i < faces.size(); ++i) {
        const Bitmap& b = faces[i];
        PngOptions png;
        png.dpi = b.dpi;
        png.compression = options_.png_compression;
        write_png_file({b.data.data(), b.width, b.height, b.stride, PixelFormat::cairo_argb32},
                       job.files[i], png);
        entry.sizes.push_back(fs::file_size(job.files[i]));
      }
      journal_.append(job.line, entry);
      result.ok = true;
      result.files = job.files;
    } catch (...) {
      // A record either has all its files or none.
      remove_files(job.files);
      result.problems = problems_of(std::current_exception());
    }
  }

  const std::size_t capacity_;
  const BatchOptions& options_;
  batch::Journal& journal_;
  std::mutex mutex_;
  std::condition_variable work_, space_, done_;
  std::deque<Job> queue_;
  std::map<std::size_t, Outcome> outcomes_;
  bool closed_ = false;
  std::atomic<bool> stopped_{false};
  std::vector<std::thread> threads_;
};

}  // namespace

bool is_batch_file(const fs::path& file) {
  std::string e = file.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e == ".jsonl" || e == ".ndjson" || e == ".csv";
}

BatchSummary render_batch(const fs::path& batch_file, const BatchOptions& options,
                          const BatchCallbacks& callbacks) {
  const Clock::time_point start = Clock::now();
  if (options.png_compression < 0 || options.png_compression > 9)
    throw Error(ErrorKind::internal, "png compression", "must be from 0 to 9");
  BatchSummary summary;
  summary.total = batch::BatchReader::count(batch_file);
  const std::optional<BatchShard> shard = options.shard;
  if (shard) {
    if (shard->count < 1 || shard->index < 1 || shard->index > shard->count)
      throw Error(ErrorKind::internal, "--shard", "index must be from 1 to the count");
    // Records 0, N, 2N, ... go to shard 1; shard K gets ordinals K-1, K-1+N, ...
    const std::size_t n = std::size_t(shard->count), k = std::size_t(shard->index - 1);
    summary.total = summary.total > k ? (summary.total - k + n - 1) / n : 0;
  }
  batch::BatchReader reader(batch_file);
  const fs::path base_dir = batch_file.parent_path();

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec)
    throw Error(ErrorKind::file, options.out_dir.string(),
                "cannot create the output directory: " + ec.message());
  batch::Journal journal(options.out_dir, options.resume,
                         shard ? std::string(batch::Journal::file_name) + "-" + shard->tag()
                               : std::string(batch::Journal::file_name));
  std::optional<OwnTemporaries> own_temporaries;
  if (shard)
    own_temporaries.emplace(options.out_dir);
  else
    remove_stale_temporaries(options.out_dir);
  summary.report = !options.report.empty() ? options.report
                   : shard                 ? options.out_dir / ("report-" + shard->tag() + ".jsonl")
                                           : options.out_dir / "report.jsonl";
  if (own_temporaries) own_temporaries->remove_for(summary.report);
  Report report(summary.report);

  RendererOptions renderer_options;
  renderer_options.cache_dir = options.cache_dir;
  Templates templates(options.template_name, renderer_options);
  if (!options.template_name.empty()) templates.for_type("");  // an unknown one sinks the run
  const std::string options_digest = options_text(options);
  const bool names_by_line =
      options.name_pattern.find("{line}") != std::string::npos &&
      std::count(options.name_pattern.begin(), options.name_pattern.end(), '{') == 1;
  // Such a pattern gives a safe name for every line or for none: check it once, up front.
  if (names_by_line) (void)batch::output_name(options.name_pattern, 1, Card{});

  const int jobs =
      options.jobs > 0 ? options.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  Workers workers(jobs, std::size_t(jobs) * 2, options, journal);

  std::map<std::string, int> name_lines;
  std::size_t next_seq = 0, next_report = 0, ordinal = 0;
  bool stop = false;
  Clock::time_point last_progress = start;
  BatchProgress progress;
  progress.total = summary.total;

  auto report_outcome = [&](const Outcome& outcome) {
    if (outcome.skipped) return;
    const BatchRecordResult& r = outcome.result;
    report.add(r);
    ++progress.done;
    if (!r.ok) {
      ++summary.failed;
      ++progress.failed;
      if (options.fail_fast) {
        stop = true;
        workers.stop();
      }
    } else if (r.unchanged) {
      ++summary.unchanged;
    } else {
      ++summary.rendered;
    }
    if (callbacks.on_record) callbacks.on_record(r);
  };
  // Reports every outcome that is in, in line order, waiting at most `wait` for the next.
  auto drain = [&](std::size_t until, Clock::duration wait) {
    while (next_report < until) {
      auto outcome = workers.take(next_report, wait);
      if (!outcome) break;
      report_outcome(*outcome);
      ++next_report;
      wait = Clock::duration::zero();
    }
    const Clock::time_point now = Clock::now();
    if (callbacks.on_progress && now - last_progress >= std::chrono::milliseconds(250)) {
      last_progress = now;
      progress.seconds = std::chrono::duration<double>(now - start).count();
      callbacks.on_progress(progress);
    }
  };

  while (!stop) {
    std::optional<batch::BatchRecord> record = reader.next();
    if (!record) break;
    if (shard && ordinal++ % std::size_t(shard->count) != std::size_t(shard->index - 1)) {
      // Another shard's record. A name pattern that reads the data must still see its name,
      // for the later records' same-name check to fail as in one run over the whole file.
      if (!names_by_line && record->fault.empty()) try {
          const Card other = parse_card(record->json, base_dir);
          name_lines.emplace(batch::output_name(options.name_pattern, record->line, other),
                             record->line);
        } catch (const Error&) {
        }
      continue;
    }
    const std::size_t seq = next_seq++;
    Outcome early;  // a record settled here, without rendering
    bool to_render = false;
    early.result.line = record->line;
    Job job;
    job.seq = seq;
    job.line = record->line;
    try {
      if (!record->fault.empty()) throw Error(ErrorKind::data, "row", record->fault);
      job.card = parse_card(record->json, base_dir);
      const std::string name = batch::output_name(options.name_pattern, record->line, job.card);
      if (const auto [it, fresh] = name_lines.emplace(name, record->line); !fresh)
        throw Error(ErrorKind::data, "--name",
                    "gives the same file name as line " + std::to_string(it->second));
      job.slot = &templates.for_type(job.card.type);
      const std::vector<Side> sides =
          options.sides.empty() ? job.slot->renderer->tmpl().sides() : options.sides;
      for (Side side : sides)
        job.files.push_back(options.out_dir / (name + "-" + to_string(side) + ".png"));
      if (own_temporaries)
        for (const fs::path& f : job.files) own_temporaries->remove_for(f);
      batch::InputDigest digest;
      digest.add(record->raw);
      if (!job.card.photo.empty()) digest.add_file(job.card.photo, "photo");
      digest.add(job.slot->digest);
      digest.add(options_digest);
      job.digest = digest.hex();
      const batch::Journal::Entry* earlier = journal.finished(record->line);
      if (earlier && earlier->digest == job.digest && files_match(job.files, earlier->sizes)) {
        early.result.ok = early.result.unchanged = true;
        early.result.files = job.files;
        // The report lists an unchanged record's findings as a full run does.
        early.result.findings = layout_findings(
            job.slot->renderer->compose(job.card, ComposeOptions{options.sides, options.seal}),
            options.dpi, record->line);
      } else {
        to_render = true;
      }
    } catch (...) {
      early.result.problems = problems_of(std::current_exception());
      // An uninterrupted run would have left no file for it: neither may a resumed one
      // (when the names come from {line} alone, they are the record's even if it is invalid).
      if (job.files.empty() && names_by_line)
        for (Side side :
             options.sides.empty() ? std::vector{Side::front, Side::back} : options.sides)
          job.files.push_back(options.out_dir /
                              (batch::output_name(options.name_pattern, record->line, Card{}) +
                               "-" + to_string(side) + ".png"));
      remove_files(job.files);
      if (own_temporaries)
        for (const fs::path& f : job.files) own_temporaries->remove_for(f);
    }
    if (to_render)
      while (!workers.push(job, std::chrono::milliseconds(200))) drain(seq, {});
    else
      workers.add_outcome(seq, std::move(early));
    drain(seq + 1, {});
  }
  while (next_report < next_seq) drain(next_seq, std::chrono::milliseconds(200));
  workers.close();
  report.finish();

  summary.stopped_early = stop;
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace cardface
