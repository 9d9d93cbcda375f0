// A card's seal by its type's seal profile (the "seal" of its type file, docs/card-types.md):
// which fields go into the message zone, under which tag, in which encoding. The FPRC
// profile (card-types/fprc-2023.json, docs/seal.md) is one such profile.
#include <algorithm>
#include <cstdio>

#include "card/card_type.h"
#include "cardface/error.h"
#include "cardface/seal.h"
#include "seal/c40.h"
#include "seal/seal_date.h"

namespace cardface {
namespace {

using card::SealFeatureSpec;
using card::SealProfile;
using Encoding = card::SealFeatureSpec::Encoding;

std::vector<std::uint8_t> bytes_of(std::string_view text) {
  return std::vector<std::uint8_t>(text.begin(), text.end());
}

std::string hex_byte(std::uint8_t b) {
  char out[8];
  std::snprintf(out, sizeof out, "0x%02X", b);
  return out;
}

// The field's value as the seal writes it in text: strings as they are, integers in decimal.
std::string text_of(const Card& card, const std::string& field) {
  const auto it = card.fields.find(field);
  if (it == card.fields.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  if (const auto* d = std::get_if<Date>(&it->second)) return d->iso();
  return std::to_string(std::get<std::int64_t>(it->second));
}

// The types whose profile the header names, and the profile they share (the first's).
struct Match {
  const SealProfile* profile = nullptr;
  std::vector<std::shared_ptr<const card::CardType>> types;
};

Match profile_for(const SealHeader& h) {
  Match m;
  for (const auto& type : card::known_card_types())
    if (type->seal && type->seal->feature_reference == h.feature_reference &&
        type->seal->document_category == h.document_type_category) {
      if (!m.profile) m.profile = &*type->seal;
      m.types.push_back(type);
    }
  return m;
}

}  // namespace

Seal card_seal(const Card& card, const SealOptions& options) {
  const card::CardType* type = card::find_card_type(card.type);
  if (!type || !type->seal)
    throw Error(ErrorKind::data, "type",
                "card type " + card.type + " has no seal profile (\"seal\" in its type file)");
  const SealProfile& profile = *type->seal;
  auto date = [&](const std::string& field) {
    const Date* value = card.date(field);
    if (!value) throw Error(ErrorKind::data, field, "is required for the seal");
    return *value;
  };
  Seal seal;
  SealHeader& h = seal.header;
  h.issuing_country = profile.issuing_country;
  h.signer = profile.signer;
  h.certificate_reference = options.key ? options.key->certificate_reference() : "";
  h.issue_date = date(profile.issue_date);
  h.signature_date = options.signature_date.value_or(h.issue_date);
  h.feature_reference = profile.feature_reference;
  h.document_type_category = profile.document_category;

  for (const SealFeatureSpec& f : profile.features)
    if (f.encoding == Encoding::c40 && !seal::c40_encodable(text_of(card, f.field)))
      throw Error(ErrorKind::data, f.field, "cannot be written in C40 (A-Z, 0-9)");
  for (const SealFeatureSpec& f : profile.features) {
    if (f.optional && !card.lookup(f.field)) continue;
    std::vector<std::uint8_t> value;
    switch (f.encoding) {
      case Encoding::type_code:
        value = {f.code};
        break;
      case Encoding::c40:
        value = seal::c40_encode(text_of(card, f.field));
        break;
      case Encoding::utf8:
        value = bytes_of(text_of(card, f.field));
        break;
      case Encoding::date: {
        const auto d = seal::encode_seal_date(date(f.field));
        value.assign(d.begin(), d.end());
        break;
      }
    }
    seal.features.push_back({f.tag, std::move(value)});
  }

  if (options.key) {
    const auto signature = options.key->sign(seal_signed_bytes(seal));
    seal.signature.emplace(signature.begin(), signature.end());
  }
  return seal;
}

bool seal_profile_known(const SealHeader& header) {
  return profile_for(header).profile != nullptr;
}

std::vector<SealField> seal_fields(const Seal& seal) {
  std::vector<SealField> out;
  auto malformed = [](const std::string& message) {
    throw Error(ErrorKind::data, "seal", message);
  };
  const Match match = profile_for(seal.header);
  if (!match.profile)
    malformed("no known card type has the seal profile " + hex_byte(seal.header.feature_reference) +
              " / " + hex_byte(seal.header.document_type_category));
  const SealProfile& profile = *match.profile;
  auto spec_of = [&](std::uint8_t tag) -> const SealFeatureSpec* {
    for (const SealFeatureSpec& s : profile.features)
      if (s.tag == tag) return &s;
    return nullptr;
  };
  for (const SealFeature& f : seal.features) {
    const SealFeatureSpec* info = spec_of(f.tag);
    const std::string tag_hex = hex_byte(f.tag);
    if (!info) {  // unknown tags are allowed by Doc 9303 Part 13; shown as hex
      std::string hex;
      for (std::uint8_t b : f.value) {
        char two[3];
        std::snprintf(two, sizeof two, "%02X", b);
        hex += two;
      }
      out.push_back({"tag_" + tag_hex, hex});
      continue;
    }
    if (std::any_of(out.begin(), out.end(),
                    [&](const SealField& s) { return s.name == info->field; }))
      malformed("feature " + tag_hex + " (" + info->field + ") appears twice");
    std::string value;
    switch (info->encoding) {
      case Encoding::type_code: {
        for (const auto& type : match.types)
          for (const SealFeatureSpec& s : type->seal->features)
            if (s.tag == f.tag && s.encoding == Encoding::type_code && f.value.size() == 1 &&
                s.code == f.value[0])
              value = type->name;
        if (value.empty()) malformed("feature " + tag_hex + " (type) is not a known card type");
        break;
      }
      case Encoding::c40: {
        auto text = seal::c40_decode(f.value);
        if (!text) malformed("feature " + tag_hex + " (" + info->field + ") is not C40");
        value = *text;
        break;
      }
      case Encoding::utf8:
        value.assign(f.value.begin(), f.value.end());
        break;
      case Encoding::date: {
        auto d = seal::decode_seal_date(f.value);
        if (!d) malformed("feature " + tag_hex + " (" + info->field + ") is not a date");
        value = d->iso();
        break;
      }
    }
    out.push_back({info->field, value});
  }
  for (const SealFeatureSpec& t : profile.features)
    if (!t.optional &&
        std::none_of(out.begin(), out.end(), [&](const SealField& s) { return s.name == t.field; }))
      malformed("the message zone lacks " + t.field);
  return out;
}

std::vector<std::string> seal_disagreements(const Seal& seal, const Card& card) {
  std::vector<SealFeature> expected;
  try {
    expected = card_seal(card, {}).features;
  } catch (const Error&) {
    return {"type"};  // a record the profile does not cover cannot agree
  }
  const card::CardType* type = card::find_card_type(card.type);
  std::vector<std::string> out;
  for (const SealFeatureSpec& t : type->seal->features) {
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
