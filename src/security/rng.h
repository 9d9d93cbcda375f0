// The one source of randomness for security artwork: SplitMix64 (Steele, Lea & Flood 2014,
// as in Vigna's reference splitmix64.c), written out here so that the same seed gives the same
// numbers on every platform and standard library (std::*_distribution may differ between them).
//
// Personalized features derive their seed from text:
//   seed = seed_from(template_name + "/" + card_number)
// where seed_from is 64-bit FNV-1a over the UTF-8 bytes (offset basis 0xcbf29ce484222325,
// prime 0x100000001b3). The pattern of a card can thus be recomputed from its data alone.
#pragma once

#include <cstdint>
#include <string_view>

namespace cardface::security {

// 64-bit FNV-1a of `text`'s bytes; seed_from("") == 0xcbf29ce484222325.
std::uint64_t seed_from(std::string_view text);

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // The next raw SplitMix64 output; Rng(0).next() == 0xE220A8397B1DCDAF.
  std::uint64_t next();
  // [0, 1): the top 53 bits of next() scaled by 2^-53.
  double uniform();
  // [a, b) (or (b, a] when b < a): a + (b - a) * uniform().
  double uniform(double a, double b);

 private:
  std::uint64_t state_;
};

}  // namespace cardface::security
