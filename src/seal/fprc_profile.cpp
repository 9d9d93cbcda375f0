// cardface's seal profile for China's Foreign Permanent Resident ID Card (docs/seal.md): which
// card fields go into the message zone, under which tag, in which encoding.
#include <algorithm>
#include <cstdio>

#include "cardface/error.h"
#include "cardface/seal.h"
#include "seal/c40.h"
#include "seal/seal_date.h"

namespace cardface {
namespace {

enum Tag : std::uint8_t {
  kCardType = 0x01,     // 1 byte: 0x01 fprc-2023, 0x02 fprc-2017
  kIdNumber = 0x02,     // C40
  kSurname = 0x03,      // UTF-8
  kGivenNames = 0x04,   // UTF-8, may be empty
  kNameZh = 0x05,       // UTF-8, only when the card has one
  kSex = 0x06,          // C40 (one character: 0xFE, ASCII + 1)
  kDateOfBirth = 0x07,  // date
  kNationality = 0x08,  // C40
  kValidFrom = 0x09,    // date
  kValidUntil = 0x0A,   // date
};

struct TagInfo {
  std::uint8_t tag;
  const char* field;
  enum class Kind { card_type, c40, utf8, date } kind;
  bool required;
};

constexpr TagInfo kTags[] = {
    {kCardType, "type", TagInfo::Kind::card_type, true},
    {kIdNumber, "id_number", TagInfo::Kind::c40, true},
    {kSurname, "surname", TagInfo::Kind::utf8, true},
    {kGivenNames, "given_names", TagInfo::Kind::utf8, true},
    {kNameZh, "name_zh", TagInfo::Kind::utf8, false},
    {kSex, "sex", TagInfo::Kind::c40, true},
    {kDateOfBirth, "date_of_birth", TagInfo::Kind::date, true},
    {kNationality, "nationality", TagInfo::Kind::c40, true},
    {kValidFrom, "valid_from", TagInfo::Kind::date, true},
    {kValidUntil, "valid_until", TagInfo::Kind::date, true},
};

constexpr const char* kCardTypes[] = {"", "fprc-2023", "fprc-2017"};

const TagInfo* tag_info(std::uint8_t tag) {
  for (const TagInfo& t : kTags)
    if (t.tag == tag) return &t;
  return nullptr;
}

std::vector<std::uint8_t> bytes_of(std::string_view text) {
  return std::vector<std::uint8_t>(text.begin(), text.end());
}

}  // namespace

Seal card_seal(const Card& card, const SealOptions& options) {
  std::uint8_t type_code = 0;
  for (std::uint8_t i = 1; i < std::size(kCardTypes); ++i)
    if (card.type == kCardTypes[i]) type_code = i;
  if (type_code == 0)
    throw Error(ErrorKind::data, "type",
                "the seal profile covers fprc-2023 and fprc-2017 cards, not " + card.type);
  auto text = [&](const char* field) {
    const std::string* value = card.text(field);
    return value ? *value : std::string();
  };
  auto date = [&](const char* field) {
    const Date* value = card.date(field);
    if (!value) throw Error(ErrorKind::data, field, "is required for the seal");
    return *value;
  };
  Seal seal;
  SealHeader& h = seal.header;
  h.issuing_country = "CHN";
  h.signer = "CNCF";
  h.certificate_reference = options.key ? options.key->certificate_reference() : "";
  h.issue_date = date("valid_from");
  h.signature_date = options.signature_date.value_or(h.issue_date);
  h.feature_reference = kFprcSealFeatureReference;
  h.document_type_category = kFprcSealDocumentCategory;

  for (const char* field : {"id_number", "sex", "nationality"})
    if (!seal::c40_encodable(text(field)))
      throw Error(ErrorKind::data, field, "cannot be written in C40 (A-Z, 0-9)");
  auto add = [&](std::uint8_t tag, std::vector<std::uint8_t> value) {
    seal.features.push_back({tag, std::move(value)});
  };
  auto add_date = [&](std::uint8_t tag, const char* field) {
    const auto d = seal::encode_seal_date(date(field));
    add(tag, std::vector<std::uint8_t>(d.begin(), d.end()));
  };
  add(kCardType, {type_code});
  add(kIdNumber, seal::c40_encode(text("id_number")));
  add(kSurname, bytes_of(text("surname")));
  add(kGivenNames, bytes_of(text("given_names")));
  if (card.text("name_zh") && !card.text("name_zh")->empty())
    add(kNameZh, bytes_of(text("name_zh")));
  add(kSex, seal::c40_encode(text("sex")));
  add_date(kDateOfBirth, "date_of_birth");
  add(kNationality, seal::c40_encode(text("nationality")));
  add_date(kValidFrom, "valid_from");
  add_date(kValidUntil, "valid_until");

  if (options.key) {
    const auto signature = options.key->sign(seal_signed_bytes(seal));
    seal.signature.emplace(signature.begin(), signature.end());
  }
  return seal;
}

std::vector<SealField> seal_fields(const Seal& seal) {
  std::vector<SealField> out;
  auto malformed = [](const std::string& message) {
    throw Error(ErrorKind::data, "seal", message);
  };
  for (const SealFeature& f : seal.features) {
    const TagInfo* info = tag_info(f.tag);
    char tag_hex[8];
    std::snprintf(tag_hex, sizeof tag_hex, "0x%02X", f.tag);
    if (!info) {  // unknown tags are allowed by Doc 9303 Part 13; shown as hex
      std::string hex;
      for (std::uint8_t b : f.value) {
        char two[3];
        std::snprintf(two, sizeof two, "%02X", b);
        hex += two;
      }
      out.push_back({std::string("tag_") + tag_hex, hex});
      continue;
    }
    if (std::any_of(out.begin(), out.end(),
                    [&](const SealField& s) { return s.name == info->field; }))
      malformed(std::string("feature ") + tag_hex + " (" + info->field + ") appears twice");
    std::string value;
    switch (info->kind) {
      case TagInfo::Kind::card_type:
        if (f.value.size() != 1 || f.value[0] == 0 || f.value[0] >= std::size(kCardTypes))
          malformed("feature 0x01 (type) is not a known card type");
        value = kCardTypes[f.value[0]];
        break;
      case TagInfo::Kind::c40: {
        auto text = seal::c40_decode(f.value);
        if (!text)
          malformed(std::string("feature ") + tag_hex + " (" + info->field + ") is not C40");
        value = *text;
        break;
      }
      case TagInfo::Kind::utf8:
        value.assign(f.value.begin(), f.value.end());
        break;
      case TagInfo::Kind::date: {
        auto d = seal::decode_seal_date(f.value);
        if (!d)
          malformed(std::string("feature ") + tag_hex + " (" + info->field + ") is not a date");
        value = d->iso();
        break;
      }
    }
    out.push_back({info->field, value});
  }
  for (const TagInfo& t : kTags)
    if (t.required &&
        std::none_of(out.begin(), out.end(), [&](const SealField& s) { return s.name == t.field; }))
      malformed(std::string("the message zone lacks ") + t.field);
  return out;
}

std::vector<std::string> seal_disagreements(const Seal& seal, const Card& card) {
  std::vector<SealFeature> expected;
  try {
    expected = card_seal(card, {}).features;
  } catch (const Error&) {
    return {"type"};  // a record the profile does not cover cannot agree
  }
  std::vector<std::string> out;
  for (const TagInfo& t : kTags) {
    auto find = [&](const std::vector<SealFeature>& features) {
      return std::find_if(features.begin(), features.end(),
                          [&](const SealFeature& f) { return f.tag == t.tag; });
    };
    const auto a = find(seal.features), b = find(expected);
    const bool in_seal = a != seal.features.end(), in_record = b != expected.end();
    if (in_seal != in_record || (in_seal && a->value != b->value)) out.push_back(t.field);
  }
  return out;
}

}  // namespace cardface
