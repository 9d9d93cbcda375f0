#include "seal/rfc6979.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <span>
#include <vector>

#include "cardface/error.h"

namespace cardface::seal {
namespace {

Bytes32 hmac(const Bytes32& key, const std::vector<std::uint8_t>& data) {
  Bytes32 out{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), int(key.size()), data.data(), data.size(), out.data(),
            &length) ||
      length != out.size())
    throw Error(ErrorKind::internal, "seal", "HMAC-SHA256 failed");
  return out;
}

std::vector<std::uint8_t> concat(std::initializer_list<std::span<const std::uint8_t>> parts) {
  std::vector<std::uint8_t> out;
  for (auto part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// Big-endian comparison of equal-length numbers.
bool less(const Bytes32& a, const Bytes32& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

// a - b for a >= b (bits2octets: h1 mod q needs at most one subtraction when qlen = hlen).
Bytes32 minus(const Bytes32& a, const Bytes32& b) {
  Bytes32 out{};
  int borrow = 0;
  for (int i = 31; i >= 0; --i) {
    int d = int(a[i]) - int(b[i]) - borrow;
    borrow = d < 0;
    out[i] = std::uint8_t(d + (borrow ? 256 : 0));
  }
  return out;
}

}  // namespace

Bytes32 rfc6979_nonce(const Bytes32& x, const Bytes32& h1, const Bytes32& q) {
  const Bytes32 h = less(h1, q) ? h1 : minus(h1, q);  // bits2octets(h1)
  const std::uint8_t zero[1] = {0x00}, one[1] = {0x01};
  Bytes32 v, k;
  v.fill(0x01);                          // step b
  k.fill(0x00);                          // step c
  k = hmac(k, concat({v, zero, x, h}));  // step d
  v = hmac(k, concat({v}));              // step e
  k = hmac(k, concat({v, one, x, h}));   // step f
  v = hmac(k, concat({v}));              // step g
  const Bytes32 zeros{};
  while (true) {  // step h: qlen = hlen = 256, so one HMAC block is one candidate
    v = hmac(k, concat({v}));
    if (v != zeros && less(v, q)) return v;
    k = hmac(k, concat({v, zero}));
    v = hmac(k, concat({v}));
  }
}

}  // namespace cardface::seal
