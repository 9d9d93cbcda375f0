// Reading a seal back from a card image and deciding whether it is genuine.
#include "cardface/barcode.h"
#include "cardface/error.h"
#include "cardface/seal.h"

namespace cardface {

const char* to_string(SealStatus status) {
  switch (status) {
    case SealStatus::genuine:
      return "genuine";
    case SealStatus::unsigned_specimen:
      return "unsigned specimen";
    case SealStatus::no_key:
      return "not verified";
    case SealStatus::wrong_key:
      return "wrong key";
    case SealStatus::bad_signature:
      return "bad signature";
    case SealStatus::data_disagrees:
      return "data disagrees";
    case SealStatus::unreadable:
      return "unreadable";
    case SealStatus::malformed:
      return "malformed";
  }
  return "?";
}

SealCheck check_seal_bytes(std::span<const std::uint8_t> bytes, const SealPublicKey* key,
                           const Card* record) {
  SealCheck check;
  check.bytes.assign(bytes.begin(), bytes.end());
  auto result = [&](SealStatus status, std::string reason) {
    check.status = status;
    check.reason = std::move(reason);
    return check;
  };
  try {
    check.seal = parse_seal(bytes);
    if (!seal_profile_known(check.seal->header))
      return result(SealStatus::malformed,
                    "not a seal of a known card type's profile (no type has its feature "
                    "reference and document type category; --types DIR adds types)");
    seal_fields(*check.seal);
  } catch (const Error& e) {
    return result(SealStatus::malformed,
                  "the seal is malformed: " +
                      (e.problems().empty() ? std::string("?") : e.problems().front().message));
  }
  const Seal& seal = *check.seal;
  if (!seal.signature)
    return result(SealStatus::unsigned_specimen,
                  "the seal has no signature zone (a specimen rendered without a key)");
  if (seal.signature->size() != 64)
    return result(SealStatus::malformed, "the signature is " +
                                             std::to_string(seal.signature->size()) +
                                             " bytes; ECDSA P-256 signatures are 64");
  if (!key) return result(SealStatus::no_key, "signed, but no key was given to check it (--key)");
  if (seal.header.certificate_reference != key->certificate_reference())
    return result(SealStatus::wrong_key, "signed by another key: the seal names certificate " +
                                             seal.header.certificate_reference +
                                             ", the key given is " + key->certificate_reference());
  if (!key->verify(seal_signed_bytes(seal), *seal.signature))
    return result(
        SealStatus::bad_signature,
        "the signature does not match the seal's content (altered, or not signed by this key)");
  if (record) {
    const auto fields = seal_disagreements(seal, *record);
    if (!fields.empty()) {
      std::string names;
      for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f;
      return result(SealStatus::data_disagrees,
                    "the seal's signature is valid but it disagrees with the record in: " + names);
    }
  }
  return result(SealStatus::genuine,
                record ? "signature valid; the seal agrees with the record" : "signature valid");
}

SealCheck check_seal(const Raster& image, const SealPublicKey* key, const Card* record) {
  const auto code = read_barcode(image, {Symbology::datamatrix});
  if (!code) {
    SealCheck check;
    check.status = SealStatus::unreadable;
    check.reason = "no readable DataMatrix code was found in the image";
    return check;
  }
  return check_seal_bytes(code->bytes, key, record);
}

}  // namespace cardface
