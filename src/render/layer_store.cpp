#include "render/layer_store.h"

#include <cairo.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace cardface::render {
namespace {

namespace fs = std::filesystem;

constexpr char magic[8] = {'C', 'F', 'L', 'A', 'Y', 'E', 'R', '3'};
constexpr int max_side_px = 20000;  // 4800 dpi is 16,200 px across an ID-1 card
constexpr std::size_t max_file_bytes = std::size_t{1} << 30;

// The file: this header, `tile_count` tile kinds, `packed_bytes` of one zstd frame holding the
// pixels of the tiles that are not clear (band of tiles by band, each pixel row of the band
// left to right over those tiles), then SHA-256 over all before it.
struct FileHeader {
  char magic[8];
  std::uint8_t digest[32];
  std::uint32_t width, height, stride, dpi;
  std::uint64_t raw_bytes, packed_bytes;
  std::uint32_t tile_count, reserved;
};
static_assert(sizeof(FileHeader) == 80);
constexpr int zstd_level = 1;  // docs/batch.md: measured against libdeflate
constexpr std::size_t trailer_bytes = 32;

LayerDigest sha256(const std::uint8_t* data, std::size_t size) {
  LayerDigest out{};
  unsigned int length = 0;
  EVP_Digest(data, size, out.data(), &length, EVP_sha256(), nullptr);
  return out;
}

std::string hex(const LayerDigest& d) {
  static const char digits[] = "0123456789abcdef";
  std::string text;
  for (std::uint8_t b : d) {
    text += digits[b >> 4];
    text += digits[b & 15];
  }
  return text;
}

enum class Read { missing, faulty, whole };

Read read_whole(const fs::path& file, std::vector<std::uint8_t>& bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? Read::missing : Read::faulty;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            std::size_t(st.st_size) >= sizeof(FileHeader) + trailer_bytes &&
            std::size_t(st.st_size) <= max_file_bytes;
  if (ok) {
    bytes.resize(std::size_t(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += std::size_t(n);
    }
    ok = done == bytes.size();
  }
  ::close(fd);
  return ok ? Read::whole : Read::faulty;
}

// The byte spans of one band of tiles that are stored: (offset in a row, bytes), left to right.
std::vector<std::pair<std::size_t, std::size_t>> band_spans(const std::uint8_t* tiles, int columns,
                                                            int width) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (int tx = 0; tx < columns; ++tx) {
    if (tiles[tx] == 0) continue;
    const std::size_t x0 = std::size_t(tx) * layer_tile_px * 4;
    const std::size_t bytes =
        std::size_t(std::min(width, (tx + 1) * layer_tile_px) - tx * layer_tile_px) * 4;
    if (!spans.empty() && spans.back().first + spans.back().second == x0)
      spans.back().second += bytes;  // neighbours: one span
    else
      spans.emplace_back(x0, bytes);
  }
  return spans;
}

struct FreeDctx {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

}  // namespace

void FreePixels::operator()(std::uint8_t* p) const {
  std::free(p);
}

LayerStore::LayerStore(fs::path dir, std::size_t max_bytes)
    : dir_(std::move(dir)), max_bytes_(max_bytes) {}

fs::path LayerStore::file_for(const LayerDigest& digest) const {
  return dir_ / (hex(digest) + ".layer");
}

std::optional<LayerStore::Stored> LayerStore::load(const LayerDigest& digest, int width, int height,
                                                   int dpi) {
  const fs::path file = file_for(digest);
  std::vector<std::uint8_t> bytes;
  auto reject = [&]() -> std::optional<Stored> {
    ++rejected_;
    return std::nullopt;
  };
  switch (read_whole(file, bytes)) {
    case Read::missing:
      return std::nullopt;
    case Read::faulty:
      return reject();
    case Read::whole:
      break;
  }
  const std::size_t body = bytes.size() - trailer_bytes;
  if (sha256(bytes.data(), body) != *reinterpret_cast<const LayerDigest*>(bytes.data() + body))
    return reject();
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  // A file renamed or copied under another layer's name is foreign: its header says whose it is.
  if (std::memcmp(h.magic, magic, sizeof magic) != 0 ||
      std::memcmp(h.digest, digest.data(), digest.size()) != 0)
    return reject();
  if (int(h.width) != width || int(h.height) != height || int(h.dpi) != dpi || h.width == 0 ||
      h.height == 0 || h.width > max_side_px || h.height > max_side_px ||
      int(h.stride) != cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, int(h.width)) ||
      h.raw_bytes != std::uint64_t(h.stride) * h.height ||
      std::uint64_t(h.tile_count) + h.packed_bytes != body - sizeof(FileHeader))
    return reject();

  const int columns = (width + layer_tile_px - 1) / layer_tile_px;
  const int rows = (height + layer_tile_px - 1) / layer_tile_px;
  if (h.tile_count != std::uint32_t(columns * rows)) return reject();
  Stored stored;
  stored.width = width;
  stored.height = height;
  stored.stride = int(h.stride);
  stored.dpi = dpi;
  const std::uint8_t* tiles = bytes.data() + sizeof(FileHeader);
  stored.tiles.assign(tiles, tiles + h.tile_count);
  if (std::any_of(stored.tiles.begin(), stored.tiles.end(), [](std::uint8_t t) { return t > 2; }))
    return reject();
  stored.data.reset(static_cast<std::uint8_t*>(std::calloc(h.raw_bytes, 1)));
  if (!stored.data) return std::nullopt;

  // Band by band through a buffer of one band's stored rows, scattered into place.
  std::unique_ptr<ZSTD_DCtx, FreeDctx> dctx(ZSTD_createDCtx());
  if (!dctx) return std::nullopt;
  ZSTD_inBuffer in{tiles + h.tile_count, h.packed_bytes, 0};
  std::vector<std::uint8_t> band;
  std::size_t last = 1;
  for (int ty = 0; ty < rows; ++ty) {
    const auto spans = band_spans(stored.tiles.data() + std::size_t(ty) * columns, columns, width);
    std::size_t row_bytes = 0;
    for (const auto& [offset, n] : spans) row_bytes += n;
    const int y0 = ty * layer_tile_px, y1 = std::min(height, y0 + layer_tile_px);
    band.resize(row_bytes * std::size_t(y1 - y0));
    ZSTD_outBuffer out{band.data(), band.size(), 0};
    while (out.pos < out.size) {
      const std::size_t before_in = in.pos, before_out = out.pos;
      last = ZSTD_decompressStream(dctx.get(), &out, &in);
      if (ZSTD_isError(last) || (in.pos == before_in && out.pos == before_out)) return reject();
    }
    const std::uint8_t* from = band.data();
    for (int y = y0; y < y1; ++y) {
      std::uint8_t* row = stored.data.get() + std::size_t(y) * h.stride;
      for (const auto& [offset, n] : spans) {
        std::memcpy(row + offset, from, n);
        from += n;
      }
    }
  }
  // The frame ends exactly here: nothing more in it, nothing after it.
  while (last != 0) {
    std::uint8_t scratch[64];
    ZSTD_outBuffer more{scratch, sizeof scratch, 0};
    const std::size_t before = in.pos;
    last = ZSTD_decompressStream(dctx.get(), &more, &in);
    if (ZSTD_isError(last) || more.pos != 0 || in.pos == before) return reject();
  }
  if (in.pos != in.size) return reject();
  ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);  // recently used: evicted last
  ++reads_;
  return stored;
}

void LayerStore::save(const LayerDigest& digest, const LayerPixels& layer) {
  const int columns = (layer.width + layer_tile_px - 1) / layer_tile_px;
  const int rows = (layer.height + layer_tile_px - 1) / layer_tile_px;
  if (layer.tiles.size() != std::size_t(columns) * rows) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  std::vector<std::uint8_t> kept;  // the stored tiles' pixels, in file order
  for (int ty = 0; ty < rows; ++ty) {
    const auto spans =
        band_spans(layer.tiles.data() + std::size_t(ty) * columns, columns, layer.width);
    for (int y = ty * layer_tile_px; y < std::min(layer.height, (ty + 1) * layer_tile_px); ++y)
      for (const auto& [offset, n] : spans) {
        const std::uint8_t* from = layer.data + std::size_t(y) * layer.stride + offset;
        kept.insert(kept.end(), from, from + n);
      }
  }
  const std::size_t bound = ZSTD_compressBound(kept.size());
  const std::size_t start = sizeof(FileHeader) + layer.tiles.size();
  std::vector<std::uint8_t> bytes(start + bound + trailer_bytes);
  const std::size_t packed =
      ZSTD_compress(bytes.data() + start, bound, kept.data(), kept.size(), zstd_level);
  if (ZSTD_isError(packed)) return;
  FileHeader h{};
  std::memcpy(h.magic, magic, sizeof magic);
  std::memcpy(h.digest, digest.data(), digest.size());
  h.width = std::uint32_t(layer.width);
  h.height = std::uint32_t(layer.height);
  h.stride = std::uint32_t(layer.stride);
  h.dpi = std::uint32_t(layer.dpi);
  h.raw_bytes = std::uint64_t(layer.stride) * layer.height;
  h.packed_bytes = packed;
  h.tile_count = std::uint32_t(layer.tiles.size());
  std::memcpy(bytes.data(), &h, sizeof h);
  std::memcpy(bytes.data() + sizeof h, layer.tiles.data(), layer.tiles.size());
  bytes.resize(start + packed + trailer_bytes);
  const LayerDigest check = sha256(bytes.data(), start + packed);
  std::memcpy(bytes.data() + start + packed, check.data(), check.size());

  // A temporary name no other process or thread uses, renamed over the final one: readers see
  // the old file or the new one whole, never a part.
  static std::atomic<unsigned> counter{0};
  const fs::path temp = dir_ / (".tmp-" + std::to_string(::getpid()) + "-" +
                                std::to_string(counter++) + "-" + hex(digest).substr(0, 16));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += std::size_t(n);
  }
  const bool written = ::close(fd) == 0 && done == bytes.size();
  if (!written || ::rename(temp.c_str(), file_for(digest).c_str()) != 0) {
    ::unlink(temp.c_str());
    return;
  }
  ++writes_;
  evict_beyond_limit();
}

void LayerStore::evict_beyond_limit() {
  struct Found {
    fs::path path;
    std::uintmax_t bytes;
    fs::file_time_type used;
  };
  std::vector<Found> layers;
  std::uintmax_t total = 0;
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::error_code e;
    const std::string name = entry.path().filename().string();
    const auto used = entry.last_write_time(e);
    if (e) continue;
    // A process killed while writing leaves its temporary: gone after an hour.
    if (name.starts_with(".tmp-")) {
      if (now - used > std::chrono::hours(1)) fs::remove(entry.path(), e);
      continue;
    }
    if (!name.ends_with(".layer")) continue;
    const std::uintmax_t bytes = entry.file_size(e);
    if (e) continue;
    layers.push_back({entry.path(), bytes, used});
    total += bytes;
  }
  if (total <= max_bytes_) return;
  std::sort(layers.begin(), layers.end(),
            [](const Found& a, const Found& b) { return a.used < b.used; });
  // The newest stays even alone over the bound: it was just asked for.
  for (std::size_t i = 0; i + 1 < layers.size() && total > max_bytes_; ++i) {
    std::error_code e;
    if (fs::remove(layers[i].path, e)) ++evictions_;
    total -= layers[i].bytes;
  }
}

LayerStoreStats LayerStore::stats() const {
  return {reads_.load(), rejected_.load(), writes_.load(), evictions_.load()};
}

}  // namespace cardface::render
