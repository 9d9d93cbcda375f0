// The card's signed 2D code: an ICAO Doc 9303 Part 13 Visible Digital Seal (header, message
// zone of TLV features, signature zone) signed with ECDSA P-256 / SHA-256, in cardface's FPRC
// profile (docs/seal.md). Signing, reading back and checking it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cardface/card.h"
#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// The issuer's private key (ECDSA P-256), loaded from an unencrypted PEM file.
// Signatures are deterministic (RFC 6979): the same key and message give the same bytes.
class SealKey {
 public:
  // Throws Error(ErrorKind::file, <file>, ...) when the file is missing or unreadable, not a
  // private key, encrypted, or not P-256. Messages never show the key.
  static SealKey load_pem(const std::filesystem::path& file);

  // The seal header's certificate reference: the first 4 bytes of SHA-256 over the public
  // key's DER SubjectPublicKeyInfo, as 8 upper-case hex digits.
  const std::string& certificate_reference() const { return reference_; }

  // r ‖ s, 32 bytes each, over SHA-256 of `message`.
  std::array<std::uint8_t, 64> sign(std::span<const std::uint8_t> message) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
  std::string reference_;
};

// The signer's public key, from a PEM certificate, public key or private key.
class SealPublicKey {
 public:
  static SealPublicKey load_pem(const std::filesystem::path& file);

  const std::string& certificate_reference() const { return reference_; }
  bool verify(std::span<const std::uint8_t> message, std::span<const std::uint8_t> signature) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
  std::string reference_;
};

// Writes DIR/seal-key.pem (PKCS#8, file mode 0600), DIR/seal-public.pem and
// DIR/seal-cert.pem (self-signed X.509, 10 years). Never overwrites an existing file.
// Returns the new key's certificate reference.
std::string generate_seal_key(const std::filesystem::path& dir);

// One message-zone entry: tag, value (its length is the value's size).
struct SealFeature {
  std::uint8_t tag = 0;
  std::vector<std::uint8_t> value;
  bool operator==(const SealFeature&) const = default;
};

struct SealHeader {
  std::uint8_t version = 3;     // 3 = ICAO "version 4"
  std::string issuing_country;  // 3 characters, C40
  std::string signer;           // 4 characters: country (2) + signer (2)
  std::string certificate_reference;
  Date issue_date;
  Date signature_date;
  std::uint8_t feature_reference = 0;
  std::uint8_t document_type_category = 0;
};

struct Seal {
  SealHeader header;
  std::vector<SealFeature> features;
  std::optional<std::vector<std::uint8_t>> signature;  // r ‖ s; absent: an unsigned specimen
};

// Header + message zone: the bytes the signature covers.
std::vector<std::uint8_t> seal_signed_bytes(const Seal& seal);
// The whole seal as printed: signed bytes, then the signature zone when there is one.
std::vector<std::uint8_t> encode_seal(const Seal& seal);
// Throws Error(ErrorKind::data, "seal", ...) naming what is malformed.
Seal parse_seal(std::span<const std::uint8_t> bytes);

struct SealOptions {
  std::shared_ptr<const SealKey> key;  // none: an unsigned specimen seal
  std::optional<Date> signature_date;  // default: the card's valid_from (never the clock)
};

// The seal of a card by its type's seal profile (the "seal" of its type file). Throws
// Error(ErrorKind::data, "type", ...) for a type without one.
Seal card_seal(const Card& card, const SealOptions& options);

// Whether a known card type's seal profile has the header's feature reference and document
// type category.
bool seal_profile_known(const SealHeader& header);

// The profile's fields as JSON-ready name/value pairs (`id_number`, `surname`, ...), by the
// profile of the known card type the header names.
struct SealField {
  std::string name;
  std::string value;
};
// Throws Error(ErrorKind::data, "seal", ...) when a feature of the profile is malformed.
std::vector<SealField> seal_fields(const Seal& seal);

// The names of the record's fields the seal disagrees with (empty: they agree).
std::vector<std::string> seal_disagreements(const Seal& seal, const Card& card);

enum class SealStatus {
  genuine,            // signature valid for the key given (and agrees with the data given)
  unsigned_specimen,  // no signature zone: a specimen rendered without a key
  no_key,             // signed, but no key was given to check it
  wrong_key,          // signed by another key than the one given
  bad_signature,      // the signature does not match the content
  data_disagrees,     // valid, but its fields disagree with the record given
  unreadable,         // no seal found in the image
  malformed,          // a code was found but is not a seal of this profile
};

const char* to_string(SealStatus status);

struct SealCheck {
  SealStatus status = SealStatus::unreadable;
  std::string reason;  // one sentence; names fields, never the holder's values
  std::optional<Seal> seal;
  std::vector<std::uint8_t> bytes;  // what the code held
};

// Finds the seal's DataMatrix in the image, parses and checks it.
SealCheck check_seal(const Raster& image, const SealPublicKey* key, const Card* record);
// The same, for seal bytes already decoded.
SealCheck check_seal_bytes(std::span<const std::uint8_t> bytes, const SealPublicKey* key,
                           const Card* record);

}  // namespace cardface
CARDFACE_CXX_API_END
