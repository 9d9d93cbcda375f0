#include "serve/request_image.h"

#include <openssl/evp.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <span>

#include "cardface/error.h"
#include "cardface/image.h"
#include "serve/problem.h"

namespace cardface::serve {
namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) |
         (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}
unsigned be16(const std::string& b, std::size_t at) {
  return (unsigned(std::uint8_t(b[at])) << 8) | unsigned(std::uint8_t(b[at + 1]));
}

// Width and height from a PNG's IHDR or a JPEG's first SOFn marker; {0, 0} when not found.
std::pair<std::uint32_t, std::uint32_t> header_size(const std::string& b) {
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0)
    return {be32(b, 16), be32(b, 20)};
  if (b.size() >= 4 && std::uint8_t(b[0]) == 0xFF && std::uint8_t(b[1]) == 0xD8) {
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
      if (std::uint8_t(b[at]) != 0xFF) return {0, 0};
      const unsigned marker = std::uint8_t(b[at + 1]);
      if (marker == 0xFF) {
        ++at;
        continue;
      }
      const unsigned length = be16(b, at + 2);
      const bool sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && at + 9 <= b.size()) return {be16(b, at + 7), be16(b, at + 5)};
      at += 2 + length;
    }
  }
  return {0, 0};
}

}  // namespace

void check_image_header(const std::string& bytes, int max_side, const std::string& pointer) {
  const auto [w, h] = header_size(bytes);
  if (w == 0 || h == 0) throw Refusal(422, pointer, "not a PNG or JPEG image");
  if (w > std::uint32_t(max_side) || h > std::uint32_t(max_side))
    throw Refusal(422, pointer,
                  "image too large (" + std::to_string(w) + " x " + std::to_string(h) +
                      "; this server takes at most " + std::to_string(max_side) + " x " +
                      std::to_string(max_side) + ")");
}

Raster decode_request_image(const std::string& bytes, int max_side, const std::string& pointer) {
  check_image_header(bytes, max_side, pointer);
  try {
    return decode_image(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), pointer);
  } catch (const Error& e) {
    std::vector<RequestProblem> problems;
    for (const Problem& p : e.problems()) problems.push_back({pointer, pointer, p.message});
    throw Refusal(422, std::move(problems));
  }
}

RequestPhoto::RequestPhoto(const std::string& bytes, int max_side, std::string pointer)
    : pointer_(std::move(pointer)),
      pixels_(std::make_shared<const Raster>(decode_request_image(bytes, max_side, pointer_))) {
  hold(bytes);
}

RequestPhoto RequestPhoto::stand_in() {
  RequestPhoto photo;
  photo.pointer_ = "/record/photo";
  photo.hold({});
  return photo;
}

void RequestPhoto::hold(const std::string& bytes) {
  fd_ = memfd_create("cardface-photo", MFD_CLOEXEC);
  if (fd_ < 0) throw Error(ErrorKind::internal, "photo", "cannot hold the photo in memory");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd_);
      throw Error(ErrorKind::internal, "photo", "cannot hold the photo in memory");
    }
    done += static_cast<std::size_t>(n);
  }
}

RequestPhoto::~RequestPhoto() {
  if (fd_ >= 0) ::close(fd_);
}

std::string RequestPhoto::path() const {
  return "/proc/self/fd/" + std::to_string(fd_);
}

std::string decode_base64(const std::string& text, const std::string& pointer) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') clean += c;
  if (clean.size() % 4 != 0) throw Refusal(400, pointer, "is not base64 (RFC 4648, padded)");
  std::string out(clean.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(clean.data()),
                                static_cast<int>(clean.size()));
  if (n < 0) throw Refusal(400, pointer, "is not base64 (RFC 4648, padded)");
  std::size_t size = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts padding as zero bytes.
  if (!clean.empty() && clean.back() == '=') --size;
  if (clean.size() >= 2 && clean[clean.size() - 2] == '=') --size;
  out.resize(size);
  return out;
}

std::string encode_base64(const std::string& bytes) {
  std::string out((bytes.size() + 2) / 3 * 4, '\0');
  EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                  reinterpret_cast<const unsigned char*>(bytes.data()),
                  static_cast<int>(bytes.size()));
  return out;
}

}  // namespace cardface::serve
