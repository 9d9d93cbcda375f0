#include "serve/template_shelf.h"

#include <algorithm>
#include <set>

#include "cardface/error.h"
#include "cardface/template.h"
#include "serve/problem.h"

namespace cardface::serve {
namespace fs = std::filesystem;

namespace {

// Checking the disk at most this often keeps a busy server from stat-ing on every request.
constexpr auto kRecheck = std::chrono::milliseconds(500);

std::string dir_signature(const fs::path& dir) {
  std::string signature;
  std::error_code ec;
  std::vector<std::string> lines;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto size = it->file_size(ec);
    const auto time = it->last_write_time(ec).time_since_epoch().count();
    lines.push_back(it->path().lexically_relative(dir).string() + " " + std::to_string(size) + " " +
                    std::to_string(time));
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& l : lines) signature += l + "\n";
  return signature;
}

void add_stats(RendererStats& sum, const RendererStats& s) {
  sum.layer_hits += s.layer_hits;
  sum.layer_misses += s.layer_misses;
  sum.layer_evictions += s.layer_evictions;
  sum.cached_bytes += s.cached_bytes;
  sum.disk_reads += s.disk_reads;
  sum.disk_rejected += s.disk_rejected;
  sum.disk_writes += s.disk_writes;
}

}  // namespace

bool is_template_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

TemplateShelf::TemplateShelf(std::vector<fs::path> folders, RendererOptions renderer_options)
    : folders_(std::move(folders)), renderer_options_(std::move(renderer_options)) {}

std::vector<std::string> TemplateShelf::names() const {
  std::set<std::string> names;
  std::error_code ec;
  for (const fs::path& folder : folders_)
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (is_template_name(entry.path().filename().string()) &&
          fs::exists(entry.path() / "template.json", ec))
        names.insert(entry.path().filename().string());
  return {names.begin(), names.end()};
}

fs::path TemplateShelf::dir_of(const std::string& name, const std::string& pointer) const {
  if (!is_template_name(name))
    throw Refusal(400, pointer,
                  "a template is named, not given as a path: letters, digits, '.', '_' and '-' "
                  "only");
  std::error_code ec;
  // The first folder that holds it wins, as on CARDFACE_TEMPLATE_PATH.
  for (const fs::path& folder : folders_)
    if (fs::exists(folder / name / "template.json", ec)) return folder / name;
  std::string known;
  for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
  throw Refusal(422, pointer, "unknown template \"" + name + "\" (served: " + known + ")");
}

std::shared_ptr<const Renderer> TemplateShelf::load(const std::string& name,
                                                    const std::string& pointer) {
  const fs::path dir = dir_of(name, pointer);
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(name);
    if (it != slots_.end() && it->second.dir == dir && now - it->second.checked < kRecheck)
      return it->second.renderer;
  }
  const std::string signature = dir_signature(dir);
  {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(name);
    if (it != slots_.end() && it->second.dir == dir && it->second.signature == signature) {
      it->second.checked = now;
      return it->second.renderer;
    }
  }
  // Loaded outside the lock: other templates keep serving meanwhile.
  std::shared_ptr<const Renderer> renderer;
  try {
    renderer = std::make_shared<const Renderer>(Template::load_dir(dir), Fonts::bundled(),
                                                renderer_options_);
  } catch (const Error& e) {
    throw refusal_from(e, pointer, pointer);
  }
  std::lock_guard lock(mutex_);
  Slot& slot = slots_[name];
  if (slot.renderer) {
    ++reloads_;
    add_stats(retired_, slot.renderer->stats());
    retired_.cached_bytes = 0;
  }
  slot = Slot{dir, signature, now, renderer};
  return renderer;
}

std::shared_ptr<const Renderer> TemplateShelf::renderer(const std::string& name,
                                                        const std::string& pointer) {
  return load(name, pointer);
}

std::string TemplateShelf::default_for(const std::string& card_type) {
  const std::vector<std::string> all = names();
  if (std::find(all.begin(), all.end(), card_type) != all.end()) return card_type;
  for (const std::string& name : all) {
    try {
      const auto& types = load(name, "/template")->tmpl().card_types();
      if (std::find(types.begin(), types.end(), card_type) != types.end()) return name;
    } catch (const Refusal&) {
      // a broken template renders nothing: look on
    }
  }
  throw Refusal(422, "/template", "no served template renders card type " + card_type);
}

std::vector<TemplateShelf::Entry> TemplateShelf::list() {
  std::vector<Entry> entries;
  for (const std::string& name : names()) {
    Entry e{name, {}, {}};
    try {
      e.card_types = load(name, "/template")->tmpl().card_types();
    } catch (const Refusal& r) {
      e.error = r.problems().empty() ? "does not load" : r.problems().front().message;
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

RendererStats TemplateShelf::stats() const {
  std::lock_guard lock(mutex_);
  RendererStats sum = retired_;
  for (const auto& [name, slot] : slots_) add_stats(sum, slot.renderer->stats());
  return sum;
}

std::size_t TemplateShelf::reloads() const {
  std::lock_guard lock(mutex_);
  return reloads_;
}

}  // namespace cardface::serve
