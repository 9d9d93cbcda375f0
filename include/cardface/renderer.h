// Rendering many cards of one template fast: a Renderer holds the template, the fonts and a
// cache of what every card of the template shares (the items compose marks not personal),
// pre-rendered per side and DPI, and composites each card's own items over it. One Renderer
// serves many threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "cardface/card.h"
#include "cardface/compose.h"
#include "cardface/export.h"
#include "cardface/fonts.h"
#include "cardface/lint.h"
#include "cardface/render.h"
#include "cardface/scene.h"
#include "cardface/template.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

namespace render {
class LayerCache;
}

struct RendererOptions {
  // Memory the cached layers may take (a layer is one face's size: 10 MB at 600 dpi); the
  // least recently used ones are dropped beyond it and rendered again when needed.
  std::size_t cache_bytes = std::size_t{192} << 20;
  // A folder where the layers are also kept for later processes, shared safely by several at
  // once (docs/batch.md, "The layer cache on disk"); empty: memory only. The command line uses
  // default_cache_dir() unless told --cache-dir or --no-cache.
  std::filesystem::path cache_dir;
  // What the folder's layer files may take; the least recently used are removed beyond it.
  std::size_t cache_dir_bytes = std::size_t{1} << 30;
};

// $XDG_CACHE_HOME/cardface, else $HOME/.cache/cardface; empty when neither is set.
std::filesystem::path default_cache_dir();

struct RendererStats {
  std::size_t layer_hits = 0;
  std::size_t layer_misses = 0;  // layers rendered
  std::size_t layer_evictions = 0;
  std::size_t cached_bytes = 0;
  std::size_t disk_reads = 0;     // layers read from cache_dir instead of drawn
  std::size_t disk_rejected = 0;  // files in cache_dir that failed a check (drawn instead)
  std::size_t disk_writes = 0;
};

class Renderer {
 public:
  explicit Renderer(Template tmpl, Fonts fonts = Fonts::bundled(), RendererOptions options = {});
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  const Template& tmpl() const { return tmpl_; }
  const Fonts& fonts() const { return fonts_; }

  // compose(card, tmpl(), fonts(), options).
  Scene compose(const Card& card, const ComposeOptions& options = {}) const;

  // The face's pixels, as cardface::rasterize draws them (equal within golden tolerance: the
  // shared layers are composited in 8-bit steps), with what cards share taken from the cache.
  // The raw bitmap for issuance apps that drive a printer SDK directly. With show_uv the
  // face is drawn whole, uncached (a preview).
  Bitmap rasterize(const Face& face, const RasterOptions& options) const;

  // compose, then rasterize each face: one Bitmap per side asked for, in that order.
  std::vector<Bitmap> render(const Card& card, const RasterOptions& options,
                             const std::vector<Side>& sides = {Side::front, Side::back}) const;
  // The same with every compose option (sides, the seal's signing key).
  std::vector<Bitmap> render(const Card& card, const RasterOptions& options,
                             const ComposeOptions& compose_options) const;

  // The layout checks of a card (cardface::lint, docs/lint.md) for a render: the pixel pass
  // starts from the cached layer of what every card shares before the card's own first item,
  // instead of painting it again, and so leaves out the contrast of the texts in it (the
  // template's own, the same on every card; `cardface lint TEMPLATE` checks them). Otherwise
  // the findings of cardface::lint(scene, options).
  std::vector<Finding> lint(const Scene& scene, const LintOptions& options = {}) const;

  RendererStats stats() const;

 private:
  Template tmpl_;
  Fonts fonts_;
  std::unique_ptr<render::LayerCache> cache_;
};

}  // namespace cardface
CARDFACE_CXX_API_END
