// SHA-256 (OpenSSL) of what a record's output depends on: the record's bytes, its photo, the
// template's files and the options. The journal compares it to decide what --resume redoes.
#pragma once

#include <openssl/evp.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace cardface::batch {

class InputDigest {
 public:
  InputDigest();

  // Each piece is length-prefixed: ("ab", "c") and ("a", "bc") differ.
  void add(std::string_view bytes);
  // The file's bytes; Error(ErrorKind::file, `where`, ...) when unreadable.
  void add_file(const std::filesystem::path& file, const std::string& where);
  // Every regular file under `dir`, by relative path in sorted order, with its bytes.
  void add_tree(const std::filesystem::path& dir);

  std::string hex();  // finishes the digest: 64 lower-case hex digits

 private:
  struct Free {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

}  // namespace cardface::batch
