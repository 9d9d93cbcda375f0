// The layer cache's folder on disk: what a Renderer pre-rendered once, kept for the next
// process. One file per layer, named by the SHA-256 of everything that decides its pixels
// (layer_cache.cpp: layer_digest), holding its pixels compressed (zstd) and a SHA-256
// over the file. Files are written to a temporary name and renamed, read back only when
// name, digest, sizes and decompression all check, and the least recently used are removed
// beyond a size bound; several processes (or machines over a shared folder) may use one
// folder at once. Format and measurements: docs/batch.md, "The layer cache on disk".
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cardface/render.h"

namespace cardface::render {

using LayerDigest = std::array<std::uint8_t, 32>;

// Pixel memory from calloc: the pages of a mostly clear layer that nothing writes are never
// touched (a vector would zero all 10 MB of a 600 dpi face first).
struct FreePixels {
  void operator()(std::uint8_t* p) const;
};
using PixelMemory = std::unique_ptr<std::uint8_t[], FreePixels>;

// What a layer is made of, in memory or on disk: premultiplied ARGB32 and one kind a tile
// (layer_cache.h: Layer::Tile: 0 clear, 1 opaque, 2 mixed; 64 px tiles, row by row).
struct LayerPixels {
  int width = 0, height = 0, stride = 0, dpi = 0;
  const std::uint8_t* data = nullptr;
  std::span<const std::uint8_t> tiles;
};
inline constexpr int layer_tile_px = 64;

struct LayerStoreStats {
  std::size_t reads = 0;     // layers found and valid
  std::size_t rejected = 0;  // files found but not valid (corrupt, truncated, foreign)
  std::size_t writes = 0;
  std::size_t evictions = 0;  // files this process removed for the size bound
};

class LayerStore {
 public:
  // `dir` is created on first write. `max_bytes` bounds the folder's layer files.
  LayerStore(std::filesystem::path dir, std::size_t max_bytes);

  struct Stored {
    int width = 0, height = 0, stride = 0, dpi = 0;
    PixelMemory data;  // stride * height bytes; clear tiles zero
    std::vector<std::uint8_t> tiles;
  };

  // The layer stored under `digest`, or nothing: missing, unreadable, not of the size and DPI
  // asked for, or failing any check (the file is then left for save() to replace). Never
  // throws for what is on disk.
  std::optional<Stored> load(const LayerDigest& digest, int width, int height, int dpi);

  // Stores the layer under `digest` (temporary file + rename; the pixels of its clear tiles
  // are not kept), then removes the least recently used files beyond the bound. Best effort:
  // a folder that cannot be written only costs speed, so failures are swallowed.
  void save(const LayerDigest& digest, const LayerPixels& layer);

  // The file a digest is kept in (for tests that damage it).
  std::filesystem::path file_for(const LayerDigest& digest) const;

  LayerStoreStats stats() const;

 private:
  void evict_beyond_limit();

  std::filesystem::path dir_;
  std::size_t max_bytes_;
  std::atomic<std::size_t> reads_{0}, rejected_{0}, writes_{0}, evictions_{0};
};

}  // namespace cardface::render
