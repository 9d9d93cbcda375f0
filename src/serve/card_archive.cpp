#include "serve/card_archive.h"

#include <zip.h>

#include <memory>

#include "cardface/error.h"

namespace cardface::serve {
namespace {

// 2000-01-01 00:00 UTC: no clock in the output.
constexpr time_t kEntryTime = 946684800;

[[noreturn]] void fail(const char* what) {
  throw Error(ErrorKind::internal, "zip", std::string("cannot build the archive: ") + what);
}

}  // namespace

std::string zip_archive(const std::vector<ArchiveEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!source) fail("no memory");
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(source);
    fail("cannot open");
  }
  zip_source_keep(source);  // read it back after zip_close
  for (const ArchiveEntry& e : entries) {
    zip_source_t* file = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
    const zip_int64_t index =
        file ? zip_file_add(archive, e.name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      zip_discard(archive);
      zip_source_free(source);
      fail("cannot add an entry");
    }
    // PNG and PDF are compressed already; SVG is small.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kEntryTime, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(source);
    fail("cannot close");
  }
  std::string out;
  zip_stat_t stat;
  if (zip_source_open(source) == 0) {
    if (zip_source_stat(source, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
      out.resize(stat.size);
      if (zip_source_read(source, out.data(), stat.size) != zip_int64_t(stat.size)) out.clear();
    }
    zip_source_close(source);
  }
  zip_source_free(source);
  if (out.empty()) fail("cannot read it back");
  return out;
}

}  // namespace cardface::serve
