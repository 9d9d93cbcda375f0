// The templates a server may render: found by name only in its configured folders (never a
// path from a request), each with its warm Renderer. A template whose files change on disk
// is loaded again on its next use.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cardface/renderer.h"

namespace cardface::serve {

class TemplateShelf {
 public:
  // Renderers are made with `renderer_options` (the layer folder, the memory budget).
  TemplateShelf(std::vector<std::filesystem::path> folders, RendererOptions renderer_options = {});

  // Throws Refusal 400 when `name` is not a plain name, 422 when no folder holds it.
  std::shared_ptr<const Renderer> renderer(const std::string& name, const std::string& pointer);
  // The template's folder (for saving an edited template.json, and its assets).
  std::filesystem::path dir_of(const std::string& name, const std::string& pointer) const;
  // The first template (by name) that renders `card_type`: the CLI's default.
  std::string default_for(const std::string& card_type);

  struct Entry {
    std::string name;
    std::vector<std::string> card_types;
    std::string error;  // the first problem when its template.json does not load
  };
  std::vector<Entry> list();
  RendererStats stats() const;
  std::size_t reloads() const;

 private:
  struct Slot {
    std::filesystem::path dir;
    std::string signature;  // file sizes and times: a change on disk changes it
    std::chrono::steady_clock::time_point checked;
    std::shared_ptr<const Renderer> renderer;
  };
  std::vector<std::string> names() const;
  std::shared_ptr<const Renderer> load(const std::string& name, const std::string& pointer);

  std::vector<std::filesystem::path> folders_;
  RendererOptions renderer_options_;
  mutable std::mutex mutex_;
  std::map<std::string, Slot> slots_;
  std::size_t reloads_ = 0;
  RendererStats retired_;  // counters of renderers replaced by a reload
};

// A template name as requests give it: letters, digits, '.', '_', '-', no leading dot.
bool is_template_name(const std::string& name);

}  // namespace cardface::serve
