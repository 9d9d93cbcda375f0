#include "batch/input_digest.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <vector>

#include "cardface/error.h"

namespace cardface::batch {

InputDigest::InputDigest() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
    throw Error(ErrorKind::internal, "journal", "OpenSSL could not start SHA-256");
}

void InputDigest::add(std::string_view bytes) {
  const std::uint64_t size = bytes.size();
  EVP_DigestUpdate(ctx_.get(), &size, sizeof size);
  EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size());
}

void InputDigest::add_file(const std::filesystem::path& file, const std::string& where) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::file, where, "cannot read");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorKind::file, where, "cannot read");
  add(bytes);
}

void InputDigest::add_tree(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    add(file.lexically_relative(dir).generic_string());
    add_file(file, file.string());
  }
}

std::string InputDigest::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx_.get(), digest, &size);
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 15];
  }
  return out;
}

}  // namespace cardface::batch
