#include "batch/journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "cardface/error.h"

namespace cardface::batch {
namespace {

constexpr const char* header = "cardface-journal 1\n";

// "LINE DIGEST SIZE[,SIZE...]" with a 64-digit digest; nullopt for anything else (a torn line).
bool parse_entry(const std::string& text, int& line, Journal::Entry& entry) {
  std::istringstream in(text);
  std::string sizes;
  if (!(in >> line >> entry.digest >> sizes) || line <= 0 || entry.digest.size() != 64)
    return false;
  std::string rest;
  if (in >> rest) return false;
  std::istringstream list(sizes);
  std::string size;
  while (std::getline(list, size, ',')) {
    if (size.empty() || size.find_first_not_of("0123456789") != std::string::npos) return false;
    entry.sizes.push_back(std::stoull(size));
  }
  return !entry.sizes.empty();
}

}  // namespace

Journal::Journal(const std::filesystem::path& out_dir, bool resume, const std::string& name)
    : path_(out_dir / name) {
  auto fail = [&](const std::string& message) {
    if (fd_ >= 0) ::close(fd_);
    return Error(ErrorKind::file, path_.string(), message);
  };
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd_ < 0) throw fail(std::string("cannot open: ") + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
    throw fail(errno == EWOULDBLOCK ? "another cardface run is writing to this folder"
                                    : std::string("cannot lock: ") + std::strerror(errno));
  if (resume) {
    std::ifstream in(path_, std::ios::binary);
    std::string text;
    bool first = true;
    off_t complete = 0;  // bytes up to the end of the last whole line
    while (std::getline(in, text)) {
      if (in.eof()) break;  // no newline: torn by the interruption
      complete += off_t(text.size()) + 1;
      if (std::exchange(first, false) && text + "\n" == header) continue;
      int line = 0;
      Entry entry;
      if (parse_entry(text, line, entry)) earlier_[line] = std::move(entry);
    }
    // Cut a torn last line, so that what is appended now starts on a line of its own.
    if (::ftruncate(fd_, complete) != 0)
      throw fail(std::string("cannot write: ") + std::strerror(errno));
  }
  // Resuming appends: a later line for a record overrides an earlier one.
  if (resume && ::lseek(fd_, 0, SEEK_END) > 0) return;
  if (::ftruncate(fd_, 0) != 0 || ::write(fd_, header, std::strlen(header)) < 0 ||
      ::fsync(fd_) != 0)
    throw fail(std::string("cannot write: ") + std::strerror(errno));
}

Journal::~Journal() {
  ::close(fd_);  // releases the lock
}

const Journal::Entry* Journal::finished(int line) const {
  const auto it = earlier_.find(line);
  return it == earlier_.end() ? nullptr : &it->second;
}

void Journal::append(int line, const Entry& entry) {
  std::string text = std::to_string(line);
  text += ' ';
  text += entry.digest;
  for (std::size_t i = 0; i < entry.sizes.size(); ++i) {
    text += i ? ',' : ' ';
    text += std::to_string(entry.sizes[i]);
  }
  text += '\n';
  std::lock_guard lock(mutex_);
  // One write of one line with O_APPEND: a kill leaves at most a torn last line.
  if (::write(fd_, text.data(), text.size()) != ssize_t(text.size()) || ::fsync(fd_) != 0)
    throw Error(ErrorKind::file, path_.string(),
                std::string("cannot write: ") + std::strerror(errno));
}

}  // namespace cardface::batch
