// The ICAO Doc 9303 Part 13 structure: header, message zone (TLV), signature zone (tag 0xFF).
// Version 4 headers only (0x03): the signer identifier is followed by the certificate
// reference's length, so references of any length fit.
#include <cstdio>

#include "cardface/error.h"
#include "cardface/seal.h"
#include "seal/c40.h"
#include "seal/der_length.h"
#include "seal/seal_date.h"

namespace cardface {
namespace {

constexpr std::uint8_t kMagic = 0xDC;
constexpr std::uint8_t kVersion4 = 0x03;
constexpr std::uint8_t kSignatureTag = 0xFF;

[[noreturn]] void malformed(const std::string& message) {
  throw Error(ErrorKind::data, "seal", message);
}

void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

}  // namespace

std::vector<std::uint8_t> seal_signed_bytes(const Seal& seal) {
  const SealHeader& h = seal.header;
  if (h.issuing_country.size() != 3 || h.signer.size() != 4 ||
      h.certificate_reference.size() > 0xFF || !seal::c40_encodable(h.issuing_country) ||
      !seal::c40_encodable(h.signer + h.certificate_reference))
    throw Error(ErrorKind::internal, "seal", "header fields are not C40 text of the right size");
  std::vector<std::uint8_t> out{kMagic, kVersion4};
  append(out, seal::c40_encode(h.issuing_country));
  char length_hex[3];
  std::snprintf(length_hex, sizeof length_hex, "%02X", unsigned(h.certificate_reference.size()));
  append(out, seal::c40_encode(h.signer + length_hex + h.certificate_reference));
  append(out, seal::encode_seal_date(h.issue_date));
  append(out, seal::encode_seal_date(h.signature_date));
  out.push_back(h.feature_reference);
  out.push_back(h.document_type_category);
  for (const SealFeature& f : seal.features) {
    if (f.tag == kSignatureTag) throw Error(ErrorKind::internal, "seal", "tag 0xFF is reserved");
    out.push_back(f.tag);
    seal::append_der_length(out, f.value.size());
    append(out, f.value);
  }
  return out;
}

std::vector<std::uint8_t> encode_seal(const Seal& seal) {
  std::vector<std::uint8_t> out = seal_signed_bytes(seal);
  if (seal.signature) {
    out.push_back(kSignatureTag);
    seal::append_der_length(out, seal.signature->size());
    append(out, *seal.signature);
  }
  return out;
}

Seal parse_seal(std::span<const std::uint8_t> bytes) {
  Seal seal;
  SealHeader& h = seal.header;
  if (bytes.size() < 2 || bytes[0] != kMagic) malformed("does not start with the magic byte 0xDC");
  h.version = bytes[1];
  if (h.version != kVersion4)
    malformed("header version byte is " + std::to_string(h.version) + ", expected 3 (version 4)");
  std::size_t pos = 2;
  auto take = [&](std::size_t n, const char* what) {
    if (pos + n > bytes.size()) malformed(std::string("ends inside the ") + what);
    auto part = bytes.subspan(pos, n);
    pos += n;
    return part;
  };
  auto c40 = [&](std::span<const std::uint8_t> part, const char* what) {
    auto text = seal::c40_decode(part);
    if (!text) malformed(std::string(what) + " is not valid C40");
    return *text;
  };
  h.issuing_country = c40(take(2, "issuing country"), "issuing country");
  // Signer (4 characters) and the reference's length (2 hex digits): the first 6 characters,
  // 4 bytes. The reference follows; with the 6 before it, it packs in whole triples.
  const std::string signer_and_length = c40(take(4, "signer identifier"), "signer identifier");
  if (signer_and_length.size() != 6) malformed("signer identifier is not 6 characters");
  h.signer = signer_and_length.substr(0, 4);
  unsigned reference_length = 0;
  if (std::sscanf(signer_and_length.c_str() + 4, "%2X", &reference_length) != 1)
    malformed("certificate reference length is not hexadecimal");
  const std::size_t reference_bytes = (reference_length / 3) * 2 + (reference_length % 3 ? 2 : 0);
  if (reference_bytes > 0) {
    h.certificate_reference =
        c40(take(reference_bytes, "certificate reference"), "certificate reference");
    if (h.certificate_reference.size() != reference_length)
      malformed("certificate reference does not have the length the header gives");
  }
  auto date = [&](const char* what) {
    auto d = seal::decode_seal_date(take(3, what));
    if (!d) malformed(std::string(what) + " is not a calendar date");
    return *d;
  };
  h.issue_date = date("document issue date");
  h.signature_date = date("signature creation date");
  h.feature_reference = take(1, "feature definition reference")[0];
  h.document_type_category = take(1, "document type category")[0];

  while (pos < bytes.size()) {
    const std::uint8_t tag = bytes[pos++];
    const auto length = seal::read_der_length(bytes, pos);
    if (!length) malformed("feature length at byte " + std::to_string(pos) + " is malformed");
    auto value = take(*length, "message zone");
    if (tag == kSignatureTag) {
      if (pos != bytes.size()) malformed("bytes follow the signature");
      seal.signature.emplace(value.begin(), value.end());
      break;
    }
    seal.features.push_back({tag, std::vector<std::uint8_t>(value.begin(), value.end())});
  }
  if (seal.features.empty()) malformed("message zone is empty");
  return seal;
}

}  // namespace cardface
