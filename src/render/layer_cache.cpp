#include "render/layer_cache.h"

#include <dlfcn.h>
#include <ft2build.h>
#include <openssl/evp.h>
#include <pixman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstring>
#include <optional>
#include FT_FREETYPE_H

#include "cardface/error.h"

namespace cardface::render {
namespace {

// A 64-bit running hash (xxHash-style rounds over 64-bit words): the in-memory key.
class Mix64 {
 public:
  void word(std::uint64_t w) {
    h_ = std::rotl(h_ ^ (w * 0xC2B2AE3D27D4EB4Full), 31) * 0x9E3779B185EBCA87ull;
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0x27D4EB2F165667C5ull;
};

// SHA-256 of the same words, buffered: the on-disk key, which must not collide across
// templates, builds and machines.
class MixSha256 {
 public:
  MixSha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~MixSha256() { EVP_MD_CTX_free(ctx_); }
  MixSha256(const MixSha256&) = delete;
  MixSha256& operator=(const MixSha256&) = delete;

  void word(std::uint64_t w) {
    buffer_[used_++] = w;
    if (used_ == buffer_.size()) flush();
  }
  void bytes(const void* data, std::size_t size) {
    word(size);
    flush();
    EVP_DigestUpdate(ctx_, data, size);
  }
  LayerDigest value() {
    flush();
    LayerDigest out{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_, out.data(), &length);
    return out;
  }

 private:
  void flush() {
    EVP_DigestUpdate(ctx_, buffer_.data(), used_ * sizeof(std::uint64_t));
    used_ = 0;
  }
  EVP_MD_CTX* ctx_;
  std::array<std::uint64_t, 1024> buffer_;
  std::size_t used_ = 0;
};

// The content of a run's items, word by word. In memory (by_value false) a static image is
// known by its address and a font by its file name: both live as long as the Renderer. On
// disk (by_value true) an image counts by its pixels and a font file by its size and time.
template <typename Mix, bool by_value>
class ContentHash : public Mix {
 public:
  using Mix::word;
  void number(double d) { word(std::bit_cast<std::uint64_t>(d)); }
  void text(const std::string& s) {
    word(s.size());
    for (std::size_t i = 0; i < s.size(); i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, std::min<std::size_t>(8, s.size() - i));
      word(w);
    }
  }
  void point(Point p) {
    number(p.x);
    number(p.y);
  }
  void rect(const Rect& r) {
    number(r.x);
    number(r.y);
    number(r.width);
    number(r.height);
  }
  void color(const Rgba& c) {
    number(c.r);
    number(c.g);
    number(c.b);
    number(c.a);
  }
  void path(const Path& p) {
    word(p.ops.size());
    for (const PathOp& op : p.ops) {
      word(std::uint64_t(op.verb));
      const int points = op.verb == PathOp::Verb::cubic   ? 3
                         : op.verb == PathOp::Verb::close ? 0
                                                          : 1;
      for (int i = 0; i < points; ++i) point(op.p[i]);
    }
  }
  void content(const Shape& s) {
    word(1);
    path(s.path);
    word(s.fill.has_value());
    if (s.fill) color(*s.fill);
    word(s.stroke.has_value());
    if (s.stroke) {
      color(s.stroke->color);
      number(s.stroke->width_mm);
    }
    word(s.gradient.has_value());
    if (s.gradient) {
      point(s.gradient->from);
      point(s.gradient->to);
      word(s.gradient->colors.size());
      for (const Rgba& c : s.gradient->colors) color(c);
    }
  }
  void content(const GlyphRun& run) {
    word(2);
    text(run.font.file.string());
    if constexpr (by_value) {
      struct stat st {};
      if (::stat(run.font.file.c_str(), &st) == 0) {
        word(std::uint64_t(st.st_size));
        word(std::uint64_t(st.st_mtim.tv_sec));
        word(std::uint64_t(st.st_mtim.tv_nsec));
      } else {
        word(~0ull);
      }
    }
    word(std::uint64_t(run.font.face_index));
    number(run.size_mm);
    color(run.color);
    word(run.glyphs.size());
    for (const Glyph& g : run.glyphs) {
      word(g.index);
      point(g.origin);
      number(g.angle_rad);
    }
  }
  void content(const Image& image) {
    // The pixels by identity: static images are the template's, alive as long as the
    // template (and the renderer holding the cache) is.
    word(3);
    if constexpr (by_value) {
      word(image.pixels ? std::uint64_t(image.pixels->width) : 0);
      word(image.pixels ? std::uint64_t(image.pixels->height) : 0);
      if (image.pixels) this->bytes(image.pixels->rgba.data(), image.pixels->rgba.size());
    } else {
      word(reinterpret_cast<std::uintptr_t>(image.pixels.get()));
    }
    rect(image.source);
    rect(image.dest);
  }
  // Any item kind added later hashes by its index alone: its content then must stay personal
  // (compose marks unknown element kinds personal) until it is hashed here.
  template <typename Other>
  void content(const Other&) {
    word(0xFFFF);
  }
};

template <typename Hash>
void hash_run(Hash& hash, const Face& face, std::span<const Item* const> run) {
  hash.number(face.width_mm);
  hash.number(face.height_mm);
  hash.number(face.corner_radius_mm);
  for (const Item* each : run) {
    const Item& item = *each;
    hash.word(std::uint64_t(item.panel));
    hash.word(item.clips.size());
    for (const Path& clip : item.clips) hash.path(clip);
    std::visit([&](const auto& content) { hash.content(content); }, item.content);
  }
}

// The build drawing the pixels: the file holding this code (the program, or the shared
// library) by size and time, so that any rebuild starts a fresh cache.
std::string build_identity() {
  Dl_info info{};
  std::string file;
  if (::dladdr(reinterpret_cast<void*>(&build_identity), &info) != 0 && info.dli_fname)
    file = info.dli_fname;
  struct stat st {};
  // A relative name is the program's argv[0] (glibc's dladdr for the main program), which the
  // working directory may not reach: the kernel's link to the program is sure.
  if (file.empty() || file[0] != '/' || ::stat(file.c_str(), &st) != 0) {
    file = "/proc/self/exe";
    // Not knowing the build, share with no other process rather than risk another build's.
    if (::stat(file.c_str(), &st) != 0)
      return "unknown build, process " + std::to_string(::getpid()) + " at " +
             std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

LayerDigest layer_digest(const Face& face, std::span<const Item* const> run, int dpi) {
  static const std::string engine =
      std::string("cardface layer 1; cardface " CARDFACE_LIB_VERSION "; build ") +
      build_identity() + "; cairo " + cairo_version_string() + "; pixman " + PIXMAN_VERSION_STRING +
      "; freetype " + std::to_string(FREETYPE_MAJOR) + "." + std::to_string(FREETYPE_MINOR) + "." +
      std::to_string(FREETYPE_PATCH) +
      (std::endian::native == std::endian::little ? "; little-endian" : "; big-endian");
  ContentHash<MixSha256, true> hash;
  hash.text(engine);
  hash_run(hash, face, run);
  hash.word(run.size());
  hash.word(std::uint64_t(face.side));
  hash.word(std::uint64_t(dpi));
  return hash.value();
}

Layer::Layer(Bitmap pixels)
    : drawn_(std::move(pixels)),
      data_(drawn_.data.data()),
      width_(drawn_.width),
      height_(drawn_.height),
      stride_(drawn_.stride),
      dpi_(drawn_.dpi) {
  make_surface();
  classify_tiles();
}

Layer::Layer(LayerStore::Stored stored)
    : loaded_(std::move(stored.data)),
      data_(loaded_.get()),
      width_(stored.width),
      height_(stored.height),
      stride_(stored.stride),
      dpi_(stored.dpi) {
  make_surface();
  // The store checked the count and the kinds.
  tiles_.reserve(stored.tiles.size());
  for (std::uint8_t t : stored.tiles) tiles_.push_back(Tile(t));
}

void Layer::make_surface() {
  surface_ = cairo_image_surface_create_for_data(const_cast<std::uint8_t*>(data_),
                                                 CAIRO_FORMAT_ARGB32, width_, height_, stride_);
  columns_ = (width_ + tile_px - 1) / tile_px;
  rows_ = (height_ + tile_px - 1) / tile_px;
}

Bitmap Layer::copy_pixels() const {
  Bitmap b;
  b.width = width_;
  b.height = height_;
  b.stride = stride_;
  b.dpi = dpi_;
  b.data.assign(data_, data_ + std::size_t(stride_) * height_);
  return b;
}

LayerPixels Layer::view() const {
  static_assert(sizeof(Tile) == 1);
  return {width_, height_, stride_,
          dpi_,   data_,   {reinterpret_cast<const std::uint8_t*>(tiles_.data()), tiles_.size()}};
}

void Layer::classify_tiles() {
  tiles_.assign(std::size_t(columns_) * rows_, Tile::clear);
  for (int ty = 0; ty < rows_; ++ty)
    for (int tx = 0; tx < columns_; ++tx) {
      bool any = false, all = true;
      const int y_end = std::min(height_, (ty + 1) * tile_px);
      const int x_end = std::min(width_, (tx + 1) * tile_px);
      for (int y = ty * tile_px; y < y_end; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data_ + std::size_t(y) * stride_);
        for (int x = tx * tile_px; x < x_end; ++x) {
          const std::uint32_t alpha = row[x] >> 24;
          any = any || row[x] != 0;
          all = all && alpha == 255;
        }
      }
      tiles_[std::size_t(ty) * columns_ + tx] = all   ? Tile::opaque
                                                : any ? Tile::mixed
                                                      : Tile::clear;
    }
}

Layer::~Layer() {
  cairo_surface_destroy(surface_);
}

std::size_t Layer::bytes() const {
  return std::size_t(stride_) * height_ + tiles_.size();
}

void Layer::composite(cairo_t* cr, bool target_is_clear) const {
  cairo_save(cr);
  cairo_identity_matrix(cr);
  cairo_set_source_surface(cr, surface_, 0, 0);
  // Rows of neighbouring tiles of one kind become one rectangle: fewer, larger blits.
  auto add_tiles = [&](auto wanted) {
    bool any = false;
    for (int ty = 0; ty < rows_; ++ty) {
      int tx = 0;
      while (tx < columns_) {
        if (!wanted(tiles_[std::size_t(ty) * columns_ + tx])) {
          ++tx;
          continue;
        }
        const int start = tx;
        while (tx < columns_ && wanted(tiles_[std::size_t(ty) * columns_ + tx])) ++tx;
        const int x0 = start * tile_px, y0 = ty * tile_px;
        cairo_rectangle(cr, x0, y0, std::min(width_, tx * tile_px) - x0,
                        std::min(height_, y0 + tile_px) - y0);
        any = true;
      }
    }
    return any;
  };
  // Copying is exact where the layer is opaque, or where nothing lies beneath it yet.
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  if (add_tiles([&](Tile t) { return t == Tile::opaque || (target_is_clear && t == Tile::mixed); }))
    cairo_fill(cr);
  if (!target_is_clear) {
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    if (add_tiles([](Tile t) { return t == Tile::mixed; })) cairo_fill(cr);
  }
  cairo_restore(cr);
}

LayerKey layer_key(const Face& face, std::span<const Item* const> run, int dpi) {
  ContentHash<Mix64, false> hash;
  hash_run(hash, face, run);
  return {hash.value(), run.size(), face.side, dpi};
}

LayerCache::LayerCache(std::size_t max_bytes, std::unique_ptr<LayerStore> store)
    : max_bytes_(max_bytes), store_(std::move(store)) {}

LayerCache::~LayerCache() = default;

std::shared_ptr<const Layer> LayerCache::layer(const Face& face, std::span<const Item* const> run,
                                               int dpi) {
  const LayerKey key = layer_key(face, run, dpi);
  std::unique_lock lock(mutex_);
  for (;;) {
    auto it = entries_.find(key);
    if (it == entries_.end()) break;
    if (it->second.layer) {
      ++stats_.hits;
      lru_.splice(lru_.begin(), lru_, it->second.lru);
      return it->second.layer;
    }
    rendered_.wait(lock);  // another thread is rendering it (or failed to: then we try)
  }
  ++stats_.misses;
  lru_.push_front(key);
  entries_.emplace(key, Entry{nullptr, lru_.begin()});
  lock.unlock();

  std::shared_ptr<const Layer> layer;
  try {
    std::optional<LayerDigest> digest;
    if (store_) {
      digest = layer_digest(face, run, dpi);
      if (std::optional<LayerStore::Stored> stored = store_->load(
              *digest, pixels_for_mm(face.width_mm, dpi), pixels_for_mm(face.height_mm, dpi), dpi))
        layer = std::make_shared<const Layer>(std::move(*stored));
    }
    if (!layer) {
      // The run alone on a clear face, through the same rasterizer as an uncached face.
      Face alone;
      alone.side = face.side;
      alone.width_mm = face.width_mm;
      alone.height_mm = face.height_mm;
      alone.corner_radius_mm = face.corner_radius_mm;
      for (const Item* item : run) alone.items.push_back(*item);
      auto drawn = std::make_shared<const Layer>(rasterize(alone, RasterOptions{dpi, false}));
      if (store_) store_->save(*digest, drawn->view());
      layer = std::move(drawn);
    }
  } catch (...) {
    lock.lock();
    lru_.erase(entries_.at(key).lru);
    entries_.erase(key);
    rendered_.notify_all();
    throw;
  }

  lock.lock();
  Entry& entry = entries_.at(key);
  entry.layer = layer;
  stats_.bytes += layer->bytes();
  ++stats_.layers;
  evict_beyond_limit(key);
  rendered_.notify_all();
  return layer;
}

void LayerCache::evict_beyond_limit(const LayerKey& keep) {
  auto it = lru_.end();
  while (stats_.bytes > max_bytes_ && it != lru_.begin()) {
    --it;
    if (*it == keep) continue;
    auto entry = entries_.find(*it);
    if (!entry->second.layer) continue;  // still being rendered
    stats_.bytes -= entry->second.layer->bytes();
    --stats_.layers;
    ++stats_.evictions;
    entries_.erase(entry);
    it = lru_.erase(it);
  }
}

LayerCacheStats LayerCache::stats() const {
  std::lock_guard lock(mutex_);
  LayerCacheStats s = stats_;
  if (store_) {
    const LayerStoreStats d = store_->stats();
    s.disk_reads = d.reads;
    s.disk_rejected = d.rejected;
    s.disk_writes = d.writes;
  }
  return s;
}

}  // namespace cardface::render
