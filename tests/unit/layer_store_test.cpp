// The layer cache on disk: a layer read back gives the bytes of one drawn afresh, and a damaged,
// cut short or swapped file is never drawn: the face is drawn instead, with the same bytes, and
// the file replaced. Temporary cache folders only (never the user's ~/.cache).
#include "render/layer_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "cardface/card.h"
#include "cardface/renderer.h"
#include "cardface/template.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(CARDFACE_SOURCE_DIR) / "samples";
constexpr int kDpi = 100;  // the cache's logic, not the pixels: keep it quick

class CacheDir {
 public:
  explicit CacheDir(const std::string& name)
      : path_(fs::path(CARDFACE_BINARY_DIR) / "test-layer-cache" /
              (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
  }
  ~CacheDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

  std::vector<fs::path> layers() const {
    std::vector<fs::path> files;
    if (!fs::exists(path_)) return files;
    for (const auto& e : fs::directory_iterator(path_))
      if (e.path().extension() == ".layer") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
  }

 private:
  fs::path path_;
};

struct Faces {
  std::vector<Bitmap> bitmaps;
  RendererStats stats;
};

Faces render_with(const fs::path& cache_dir, const char* sample = "zhengjian-yangben.json") {
  RendererOptions options;
  options.cache_dir = cache_dir;
  const Renderer renderer(find_template("fprc-2023"), Fonts::bundled(), options);
  Faces f;
  // The front alone: three layers (background, and two runs between personal items) are
  // enough for every check, at half the drawing.
  f.bitmaps = renderer.render(load_card(kSamples / sample), {kDpi, false}, {Side::front});
  f.stats = renderer.stats();
  return f;
}

void expect_same_bytes(const std::vector<Bitmap>& a, const std::vector<Bitmap>& b,
                       const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].width, b[i].width) << what;
    EXPECT_TRUE(a[i].data == b[i].data) << what << ": face " << i << " differs";
  }
}

std::vector<char> read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_bytes(const fs::path& file, const std::vector<char>& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
}

TEST(LayerStore, ARunWritesLayersTheNextReadsThemWithTheSameBytes) {
  const Faces uncached = render_with({});
  CacheDir dir("roundtrip");
  const Faces cold = render_with(dir.path());
  EXPECT_GT(cold.stats.disk_writes, 0u);
  EXPECT_EQ(cold.stats.disk_reads, 0u);
  EXPECT_EQ(dir.layers().size(), cold.stats.disk_writes);
  const Faces warm = render_with(dir.path());
  EXPECT_EQ(warm.stats.disk_reads, cold.stats.disk_writes);
  EXPECT_EQ(warm.stats.disk_writes, 0u);
  expect_same_bytes(uncached.bitmaps, cold.bitmaps, "cold cache");
  expect_same_bytes(uncached.bitmaps, warm.bitmaps, "warm cache");
  // Another holder shares the layers.
  const Faces other = render_with(dir.path(), "okonkwo.json");
  EXPECT_EQ(other.stats.disk_reads, cold.stats.disk_writes);
  expect_same_bytes(render_with({}, "okonkwo.json").bitmaps, other.bitmaps, "another holder");
}

// Damages every layer file with `damage`, then checks a render draws the same bytes, rejects
// every file, and leaves valid files that the next render reads.
void expect_damage_is_never_drawn(const std::string& name,
                                  const std::function<void(const std::vector<fs::path>&)>& damage) {
  const Faces uncached = render_with({});
  CacheDir dir(name);
  const std::size_t layers = render_with(dir.path()).stats.disk_writes;
  ASSERT_GT(layers, 1u);
  damage(dir.layers());
  const Faces damaged = render_with(dir.path());
  expect_same_bytes(uncached.bitmaps, damaged.bitmaps, name);
  EXPECT_EQ(damaged.stats.disk_reads, 0u) << name;
  EXPECT_EQ(damaged.stats.disk_rejected, layers) << name;
  EXPECT_EQ(damaged.stats.disk_writes, layers) << name << ": rewritten";
  const Faces mended = render_with(dir.path());
  EXPECT_EQ(mended.stats.disk_reads, layers) << name;
  expect_same_bytes(uncached.bitmaps, mended.bitmaps, name + ", then mended");
}

TEST(LayerStore, ACorruptFileIsDrawnAfreshAndRewritten) {
  expect_damage_is_never_drawn("corrupt", [](const std::vector<fs::path>& files) {
    for (const fs::path& f : files) {
      std::vector<char> bytes = read_bytes(f);
      bytes[bytes.size() / 2] ^= 0x5A;  // one byte in the compressed pixels
      write_bytes(f, bytes);
    }
  });
}

TEST(LayerStore, ATruncatedFileIsDrawnAfreshAndRewritten) {
  expect_damage_is_never_drawn("truncated", [](const std::vector<fs::path>& files) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::vector<char> bytes = read_bytes(files[i]);
      // Cut inside the pixels, inside the header, or to nothing.
      bytes.resize(i % 3 == 0 ? bytes.size() - 1 : i % 3 == 1 ? 40 : 0);
      write_bytes(files[i], bytes);
    }
  });
}

TEST(LayerStore, FilesSwappedUnderEachOthersNamesAreForeign) {
  expect_damage_is_never_drawn("swapped", [](const std::vector<fs::path>& files) {
    // Every file takes the next one's name: each is whole and valid, but another layer's.
    const fs::path temp = files.front().string() + ".swap";
    fs::rename(files.front(), temp);
    for (std::size_t i = 1; i < files.size(); ++i) fs::rename(files[i], files[i - 1]);
    fs::rename(temp, files.back());
  });
}

TEST(LayerStore, AValidFileOfAnotherSizeIsNotTaken) {
  // The SHA-256 guards the bytes; a whole, valid file of another size under a layer's name
  // (saved here as a 1 x 1 layer) must still not be composited.
  CacheDir dir("resized");
  const std::size_t layers = render_with(dir.path()).stats.disk_writes;
  ASSERT_GT(layers, 0u);
  render::LayerStore store(dir.path(), std::size_t{1} << 30);
  const fs::path target = dir.layers().front();
  render::LayerDigest digest{};
  const std::string hex = target.stem().string();
  for (std::size_t i = 0; i < digest.size(); ++i)
    digest[i] = std::uint8_t(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  Bitmap tiny;
  tiny.width = tiny.height = 1;
  tiny.stride = 4;
  tiny.dpi = kDpi;
  tiny.data = {1, 2, 3, 255};
  const std::uint8_t mixed[] = {2};
  store.save(digest, {1, 1, 4, kDpi, tiny.data.data(), mixed});
  const auto loaded = store.load(digest, 1, 1, kDpi);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(std::vector<std::uint8_t>(loaded->data.get(), loaded->data.get() + 4), tiny.data);
  EXPECT_FALSE(store.load(digest, 337, 213, kDpi).has_value());
  EXPECT_FALSE(store.load(digest, 1, 1, 2 * kDpi).has_value());
  const Faces after = render_with(dir.path());
  expect_same_bytes(render_with({}).bitmaps, after.bitmaps, "a layer of the wrong size");
  EXPECT_GE(after.stats.disk_rejected, 1u);
}

TEST(LayerStore, KeepsOnlyTilesThatHoldSomethingAndRestoresEveryByte) {
  // 150 x 100 px: 3 x 2 tiles of 64 px, the right and bottom ones cut short.
  const int width = 150, height = 100, stride = 600;
  std::vector<std::uint8_t> pixels(std::size_t(stride) * height, 0);
  const std::uint8_t kinds[] = {1, 0, 2, 0, 2, 1};  // opaque, clear, mixed / clear, mixed, opaque
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::uint8_t kind = kinds[(y / 64) * 3 + x / 64];
      if (kind == 0) continue;
      std::uint8_t* p = &pixels[std::size_t(y) * stride + std::size_t(x) * 4];
      p[0] = std::uint8_t(x * 7 + y);
      p[1] = std::uint8_t(y * 3);
      p[2] = std::uint8_t(x ^ y);
      p[3] = kind == 1 || (x + y) % 3 ? 255 : 0;
    }
  CacheDir dir("sparse");
  render::LayerStore store(dir.path(), std::size_t{1} << 30);
  render::LayerDigest digest{};
  digest.fill(0xAB);
  store.save(digest, {width, height, stride, 300, pixels.data(), kinds});
  const auto loaded = store.load(digest, width, height, 300);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(std::vector<std::uint8_t>(loaded->data.get(), loaded->data.get() + pixels.size()),
            pixels);
  EXPECT_EQ(loaded->tiles, std::vector<std::uint8_t>(std::begin(kinds), std::end(kinds)));
  // A layer with nothing in it keeps no pixels at all, and comes back all clear.
  const std::uint8_t none[] = {0, 0, 0, 0, 0, 0};
  std::vector<std::uint8_t> blank(pixels.size(), 0);
  digest.fill(0xCD);
  store.save(digest, {width, height, stride, 300, blank.data(), none});
  const auto empty = store.load(digest, width, height, 300);
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(std::vector<std::uint8_t>(empty->data.get(), empty->data.get() + blank.size()), blank);
  EXPECT_LT(fs::file_size(store.file_for(digest)), 200u);
}

TEST(LayerStore, KeepsWithinItsBoundByDroppingTheLeastRecentlyUsed) {
  Bitmap b;
  b.width = 64;
  b.height = 64;
  b.stride = 256;
  b.dpi = kDpi;
  auto noise = [&](std::size_t i) {
    b.data.assign(std::size_t(b.stride) * b.height, 0);
    for (std::size_t p = 0; p < 1000; ++p)
      b.data[(p * 2654435761u + i * 977) % b.data.size()] = std::uint8_t(p);
  };
  // The bound: room for three such files and a half, never four.
  CacheDir probe_dir("probe");
  render::LayerStore probe(probe_dir.path(), std::size_t{1} << 30);
  render::LayerDigest probe_digest{};
  noise(0);
  const std::uint8_t mixed[] = {2};
  probe.save(probe_digest, {b.width, b.height, b.stride, b.dpi, b.data.data(), mixed});
  const std::uintmax_t one = fs::file_size(probe.file_for(probe_digest));
  const std::uintmax_t bound = one * 7 / 2;

  CacheDir dir("bound");
  render::LayerStore store(dir.path(), bound);
  std::vector<render::LayerDigest> digests(4);
  for (std::size_t i = 0; i < digests.size(); ++i) {
    digests[i].fill(std::uint8_t(i + 1));
    noise(i);
    store.save(digests[i], {b.width, b.height, b.stride, b.dpi, b.data.data(), mixed});
    if (i == 2) {
      // The first is used again: the second is now the least recently used.
      const auto now = fs::file_time_type::clock::now();
      fs::last_write_time(store.file_for(digests[0]), now - std::chrono::hours(3));
      fs::last_write_time(store.file_for(digests[1]), now - std::chrono::hours(2));
      fs::last_write_time(store.file_for(digests[2]), now - std::chrono::hours(1));
      ASSERT_TRUE(store.load(digests[0], 64, 64, kDpi).has_value());  // touches it
    }
  }
  std::uintmax_t total = 0;
  for (const fs::path& f : dir.layers()) total += fs::file_size(f);
  EXPECT_LE(total, bound);
  EXPECT_EQ(dir.layers().size(), 3u);
  EXPECT_TRUE(fs::exists(store.file_for(digests[0])));
  EXPECT_FALSE(fs::exists(store.file_for(digests[1])));
  EXPECT_TRUE(fs::exists(store.file_for(digests[3])));
  EXPECT_GE(store.stats().evictions, 1u);
}

TEST(LayerStore, AFolderThatCannotBeWrittenOnlyCostsSpeed) {
  CacheDir dir("unwritable");
  fs::create_directories(dir.path().parent_path());
  std::ofstream(dir.path()) << "a file where the folder should be";
  const Faces f = render_with(dir.path() / "layers");
  expect_same_bytes(render_with({}).bitmaps, f.bitmaps, "unwritable folder");
  EXPECT_EQ(f.stats.disk_writes, 0u);
  fs::remove(dir.path());
}

TEST(LayerStore, DefaultFolderFollowsXdgCacheHome) {
  const char* old_xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved = old_xdg ? old_xdg : "";
  ::setenv("XDG_CACHE_HOME", "/var/tmp/xdg-test", 1);
  EXPECT_EQ(default_cache_dir(), fs::path("/var/tmp/xdg-test/cardface"));
  ::setenv("XDG_CACHE_HOME", "relative/ignored", 1);  // the spec: only absolute paths count
  const char* home = std::getenv("HOME");
  if (home && *home) {
    EXPECT_EQ(default_cache_dir(), fs::path(home) / ".cache" / "cardface");
  }
  if (old_xdg)
    ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else
    ::unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace cardface
