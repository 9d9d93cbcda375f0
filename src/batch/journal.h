// OUT/.cardface-journal: one line per finished record (its line, the digest of its input and
// the sizes of the files written), appended and fsync'd as each record finishes, so that an
// interrupted run (even kill -9) can be resumed. Locked while a run uses it: two runs never
// write one folder at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace cardface::batch {

class Journal {
 public:
  struct Entry {
    std::string digest;
    std::vector<std::uintmax_t> sizes;  // of the record's files, in order
  };

  // Opens (creates) the journal in `out_dir` and locks it. Resuming reads its entries (a torn
  // last line is ignored) and appends to them; otherwise it is emptied. Throws
  // Error(ErrorKind::file) naming the journal when it cannot be opened, or when another run holds
  // it.
  // `name`: the journal's file name (a shard's is its own, `.cardface-journal-K-of-N`).
  Journal(const std::filesystem::path& out_dir, bool resume, const std::string& name = file_name);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // What an earlier run finished for `line`; null when nothing.
  const Entry* finished(int line) const;

  // Appends one record and fsyncs; safe from many threads. Throws Error(ErrorKind::file).
  void append(int line, const Entry& entry);

  static constexpr const char* file_name = ".cardface-journal";

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::map<int, Entry> earlier_;
};

}  // namespace cardface::batch
