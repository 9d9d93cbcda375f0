// Pre-rendered layers of the items that are the same on every card of a template (a run of
// consecutive non-personal Scene items), shared by threads, bounded in memory. A layer is
// keyed by what it draws — every item's content, the side and the DPI — so a stale or wrongly
// marked run can only miss the cache, never draw the wrong pixels.
#pragma once

#include <cairo.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "cardface/render.h"
#include "cardface/scene.h"
#include "render/layer_store.h"

namespace cardface::render {

// One run's pixels, premultiplied ARGB32 at the face's full size, and which of its tiles
// hold anything: compositing touches only those.
class Layer {
 public:
  static constexpr int tile_px = layer_tile_px;

  // A layer just drawn: its tiles are classified here.
  explicit Layer(Bitmap pixels);
  // A layer read back from the store, with the tile kinds it was saved with.
  explicit Layer(LayerStore::Stored stored);
  ~Layer();
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  // Paints the layer over `cr`'s target in device pixels (OVER; opaque tiles are copied).
  // `target_is_clear`: nothing is drawn there yet, so every tile may be copied.
  void composite(cairo_t* cr, bool target_is_clear) const;
  std::size_t bytes() const;
  // A copy of the pixels, as a face's bitmap to draw on.
  Bitmap copy_pixels() const;
  // The pixels and tile kinds, for the store.
  LayerPixels view() const;

 private:
  enum class Tile : std::uint8_t { clear, opaque, mixed };
  void classify_tiles();
  void make_surface();
  Bitmap drawn_;        // the pixels of a layer drawn here, or
  PixelMemory loaded_;  // those of one read back
  const std::uint8_t* data_;
  int width_, height_, stride_, dpi_;
  cairo_surface_t* surface_;  // over data_
  int columns_, rows_;
  std::vector<Tile> tiles_;
};

// What identifies a run's pixels: its items' content (hashed), their count, side and DPI.
struct LayerKey {
  std::uint64_t content_hash = 0;
  std::size_t items = 0;
  Side side = Side::front;
  int dpi = 0;
  auto operator<=>(const LayerKey&) const = default;
};

LayerKey layer_key(const Face& face, std::span<const Item* const> run, int dpi);

// The on-disk key: SHA-256 of the run's content with images by their pixels and fonts by their
// files, the side, the DPI, and the build and library versions that draw it.
LayerDigest layer_digest(const Face& face, std::span<const Item* const> run, int dpi);

struct LayerCacheStats {
  std::size_t hits = 0;
  std::size_t misses = 0;
  std::size_t evictions = 0;
  std::size_t bytes = 0;
  std::size_t layers = 0;
  std::size_t disk_reads = 0;     // layers taken from the store instead of drawn
  std::size_t disk_rejected = 0;  // stored files that failed a check (drawn and rewritten)
  std::size_t disk_writes = 0;
};

class LayerCache {
 public:
  // `store`: where layers are also kept between processes (none: memory only).
  explicit LayerCache(std::size_t max_bytes, std::unique_ptr<LayerStore> store = nullptr);
  ~LayerCache();

  // The layer of `run` (items of `face`, in painting order), read from the store or rendered
  // (and stored) on a miss. Threads
  // asking for a layer being rendered wait for it rather than render it twice. Least recently
  // used layers are dropped beyond max_bytes (a layer in use stays alive until released).
  std::shared_ptr<const Layer> layer(const Face& face, std::span<const Item* const> run, int dpi);

  LayerCacheStats stats() const;

 private:
  struct Entry {
    std::shared_ptr<const Layer> layer;  // null while being rendered
    std::list<LayerKey>::iterator lru;
  };

  void evict_beyond_limit(const LayerKey& keep);

  const std::size_t max_bytes_;
  const std::unique_ptr<LayerStore> store_;
  mutable std::mutex mutex_;
  std::condition_variable rendered_;
  std::map<LayerKey, Entry> entries_;
  std::list<LayerKey> lru_;  // most recently used first
  LayerCacheStats stats_;
};

}  // namespace cardface::render
