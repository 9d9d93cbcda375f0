// Deterministic ECDSA nonces (RFC 6979 section 3.2) with HMAC-SHA256, for curves whose order
// is 256 bits long (P-256): the same key and message always give the same signature.
#pragma once

#include <array>
#include <cstdint>

namespace cardface::seal {

using Bytes32 = std::array<std::uint8_t, 32>;

// k for private key `x` and message digest `h1` (SHA-256), for the group order `q`; all three
// big-endian. Requires 0 < x < q.
Bytes32 rfc6979_nonce(const Bytes32& x, const Bytes32& h1, const Bytes32& q);

}  // namespace cardface::seal
