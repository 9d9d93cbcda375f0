// Images that come with a request (a photo to render, a card to verify): size-checked from
// their header before any pixel is decoded, decoded in memory, never written to disk.
#pragma once

#include <memory>
#include <string>

#include "cardface/scene.h"

namespace cardface::serve {

// Throws Refusal 422 at `pointer` when the bytes are not a PNG or JPEG, or when either side
// is over `max_side` pixels (read from the header, before decoding).
void check_image_header(const std::string& bytes, int max_side, const std::string& pointer);

// check_image_header, then decodes. Refusal 422 naming `pointer` when it cannot be decoded.
Raster decode_request_image(const std::string& bytes, int max_side, const std::string& pointer);

// A photo held in an anonymous memory file (memfd) and decoded: the record's photo field names
// /proc/self/fd/N (the card type checks a file is there), compose draws the decoded pixels,
// and nothing touches the disk.
class RequestPhoto {
 public:
  // Checks and decodes the bytes once (Refusal 422 at `pointer`), then keeps them and the
  // pixels: compose draws those (ComposeOptions::photo) rather than decoding the file again.
  RequestPhoto(const std::string& bytes, int max_side, std::string pointer);
  // An empty stand-in for a record whose photo plays no part (its MRZ, a seal check): the
  // card type may require a photo, and a request's path is never opened for it.
  static RequestPhoto stand_in();
  ~RequestPhoto();
  RequestPhoto(const RequestPhoto&) = delete;
  RequestPhoto(RequestPhoto&& other) noexcept
      : fd_(other.fd_), pointer_(std::move(other.pointer_)), pixels_(std::move(other.pixels_)) {
    other.fd_ = -1;
  }
  RequestPhoto& operator=(const RequestPhoto&) = delete;

  std::string path() const;
  const std::string& pointer() const { return pointer_; }
  // The decoded photo; null for the stand-in.
  const std::shared_ptr<const Raster>& pixels() const { return pixels_; }

 private:
  RequestPhoto() = default;
  void hold(const std::string& bytes);
  int fd_ = -1;
  std::string pointer_;
  std::shared_ptr<const Raster> pixels_;
};

// Standard base64 (RFC 4648, padding; whitespace ignored). Refusal 400 at `pointer`.
std::string decode_base64(const std::string& text, const std::string& pointer);
std::string encode_base64(const std::string& bytes);

}  // namespace cardface::serve
