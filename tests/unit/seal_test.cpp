// The Visible Digital Seal: C40, dates and lengths against the worked examples of BSI TR-03137
// (which follows ICAO Doc 9303 Part 13), RFC 6979 nonces and signatures against the RFC's
// appendix A.2.5, and cardface's FPRC profile.
#include "cardface/seal.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <fstream>

#include "cardface/error.h"
#include "seal/c40.h"
#include "seal/der_length.h"
#include "seal/rfc6979.h"
#include "seal/seal_date.h"
#include "test_support.h"

namespace cardface {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = CARDFACE_SOURCE_DIR;
const fs::path kKeys = kRoot / "tests/data/seal";

using Bytes = std::vector<std::uint8_t>;

Bytes from_hex(std::string hex) {
  std::erase(hex, ' ');
  Bytes out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(std::uint8_t(std::stoul(hex.substr(i, 2), nullptr, 16)));
  return out;
}

seal::Bytes32 hex32(const std::string& hex) {
  const Bytes b = from_hex(hex);
  seal::Bytes32 out{};
  std::copy(b.begin(), b.end(), out.begin());
  return out;
}

Bytes bytes_of(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

Card specimen() {
  return load_card(kRoot / "samples/zhengjian-yangben.json");
}

// BSI TR-03137 Annex B and the worked examples of its annexes C, E, G.
TEST(SealC40, EncodesTheWorkedExamples) {
  EXPECT_EQ(seal::c40_encode("XK<CD"), from_hex("eb0466a9"));
  EXPECT_EQ(seal::c40_encode("XKCD"), from_hex("eb11fe45"));
  EXPECT_EQ(seal::c40_encode("BSI01"), from_hex("62d719c9"));
  EXPECT_EQ(seal::c40_encode("D<<"), from_hex("6abc"));
  EXPECT_EQ(seal::c40_encode("DETS00027"), from_hex("6d32c8a519fc"));
  EXPECT_EQ(seal::c40_encode("DETS0227"), from_hex("6d32c8a72739"));
  // Annex G's prose names the number T2000AKA7; its bytes (and its seal) hold T2000AK47.
  EXPECT_EQ(seal::c40_encode("T2000AK47"), from_hex("cf3519af974c"));
  EXPECT_EQ(seal::c40_encode("53123MUSTERMANNSTRASSE21"),
            from_hex("395e26b3d9a275735bd4cd485ca17176"));
}

TEST(SealC40, DecodesBackWithFillersAsSpaces) {
  EXPECT_EQ(seal::c40_decode(from_hex("eb0466a9")), "XK CD");
  EXPECT_EQ(seal::c40_decode(from_hex("eb11fe45")), "XKCD");
  EXPECT_EQ(seal::c40_decode(from_hex("6abc")), "D  ");
  EXPECT_EQ(seal::c40_decode(from_hex("6d32c8a72739")), "DETS0227");
  EXPECT_FALSE(seal::c40_decode(from_hex("eb04a9")));    // odd length
  EXPECT_FALSE(seal::c40_decode(from_hex("ffff")));      // above 64000
  EXPECT_FALSE(seal::c40_decode(from_hex("fe45eb11")));  // the unlatch only ends a string
  EXPECT_FALSE(seal::c40_encodable("Müller"));
  EXPECT_FALSE(seal::c40_encodable("abc"));
  EXPECT_TRUE(seal::c40_encodable("931586198001010028"));
}

Bytes date_bytes(const Date& d) {
  const auto a = seal::encode_seal_date(d);
  return Bytes(a.begin(), a.end());
}

TEST(SealDate, ThreeBytesOfMonthDayYear) {
  // TR-03137 section 3.2.3 and annexes C, F, G.
  EXPECT_EQ(date_bytes({1957, 3, 25}), from_hex("319ef5"));
  EXPECT_EQ(date_bytes({2020, 1, 1}), from_hex("0f7134"));
  EXPECT_EQ(date_bytes({2020, 1, 13}), from_hex("1145f4"));
  EXPECT_EQ(date_bytes({2021, 12, 3}), from_hex("b79815"));
  EXPECT_EQ(seal::decode_seal_date(from_hex("0f7135")), (Date{2021, 1, 1}));
  // 13252020 (month 13) and 02302020 (February 30) are no dates.
  EXPECT_FALSE(seal::decode_seal_date(from_hex("ca35b4")));
  EXPECT_FALSE(seal::decode_seal_date(from_hex("232044")));
  EXPECT_FALSE(seal::decode_seal_date(from_hex("0f71")));
}

TEST(SealDerLength, ShortAndLongForms) {
  Bytes out;
  seal::append_der_length(out, 0x40);
  seal::append_der_length(out, 200);
  seal::append_der_length(out, 300);
  EXPECT_EQ(out, from_hex("40 81c8 82012c"));
  std::size_t pos = 0;
  EXPECT_EQ(seal::read_der_length(out, pos), 0x40u);
  EXPECT_EQ(seal::read_der_length(out, pos), 200u);
  EXPECT_EQ(seal::read_der_length(out, pos), 300u);
  const Bytes not_minimal = from_hex("8110");
  pos = 0;
  EXPECT_FALSE(seal::read_der_length(not_minimal, pos));
  const Bytes truncated = from_hex("8201");
  pos = 0;
  EXPECT_FALSE(seal::read_der_length(truncated, pos));
}

// TR-03137 annex G: the address sticker seal, version 4, brainpoolP224r1 signature (56 bytes).
const char* kAnnexG =
    "dc 03 6a bc 6d 32 c8 a7 2c b1 0f 71 35 b7 98 15 f9 08 01 06 cf 35 19 af 97 4c 02 06 1a 70 "
    "20 85 19 a1 03 10 39 5e 26 b3 d9 a2 75 73 5b d4 cd 48 5c a1 71 76 ff 38 91 01 f3 05 c9 aa "
    "04 d2 ab 00 21 2c 7c f6 5f ef ca af 56 5a 54 53 8b 24 98 d6 81 a1 88 39 c9 26 56 52 6c 40 "
    "59 4b 0b 1d a1 2a 27 f6 87 a3 50 12 78 dc 41 45 b6 e6 4a fc";

TEST(SealStructure, ParsesTheWorkedExampleAndWritesItBackByteForByte) {
  const Bytes bytes = from_hex(kAnnexG);
  const Seal seal = parse_seal(bytes);
  EXPECT_EQ(seal.header.version, 3);
  EXPECT_EQ(seal.header.issuing_country, "D  ");
  EXPECT_EQ(seal.header.signer, "DETS");
  EXPECT_EQ(seal.header.certificate_reference, "32");
  EXPECT_EQ(seal.header.issue_date, (Date{2021, 1, 1}));
  EXPECT_EQ(seal.header.signature_date, (Date{2021, 12, 3}));
  EXPECT_EQ(seal.header.feature_reference, 0xF9);
  EXPECT_EQ(seal.header.document_type_category, 0x08);
  ASSERT_EQ(seal.features.size(), 3u);
  EXPECT_EQ(seal.features[0].tag, 0x01);
  EXPECT_EQ(seal::c40_decode(seal.features[0].value), "T2000AK47");
  EXPECT_EQ(seal::c40_decode(seal.features[1].value), "05314000");
  EXPECT_EQ(seal::c40_decode(seal.features[2].value), "53123MUSTERMANNSTRASSE21");
  ASSERT_TRUE(seal.signature);
  EXPECT_EQ(seal.signature->size(), 56u);
  EXPECT_EQ(encode_seal(seal), bytes);
  // The signature covers everything before its tag.
  EXPECT_EQ(seal_signed_bytes(seal), Bytes(bytes.begin(), bytes.end() - 58));
}

TEST(SealStructure, MalformedSealsAreNamed) {
  const Bytes good = from_hex(kAnnexG);
  auto fault = [](Bytes b) { return test::first_problem([&] { parse_seal(b); }); };
  Bytes b = good;
  b[0] = 0xDB;
  EXPECT_EQ(fault(b), "seal: does not start with the magic byte 0xDC");
  b = good;
  b[1] = 0x02;
  EXPECT_EQ(fault(b), "seal: header version byte is 2, expected 3 (version 4)");
  EXPECT_EQ(fault(Bytes(good.begin(), good.begin() + 12)),
            "seal: ends inside the document issue date");
  EXPECT_EQ(fault(Bytes(good.begin(), good.begin() + 14)),
            "seal: ends inside the signature creation date");
  EXPECT_EQ(fault(Bytes(good.begin(), good.end() - 1)), "seal: ends inside the message zone");
  b = good;
  b.push_back(0x00);
  EXPECT_EQ(fault(b), "seal: bytes follow the signature");
  EXPECT_EQ(fault(Bytes(good.begin(), good.begin() + 18)), "seal: message zone is empty");
}

// RFC 6979 appendix A.2.5: NIST P-256, SHA-256.
const char* kQ = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
const char* kX = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";

seal::Bytes32 sha256_of(std::string_view message) {
  seal::Bytes32 out{};
  unsigned int length = 0;
  EVP_Digest(message.data(), message.size(), out.data(), &length, EVP_sha256(), nullptr);
  return out;
}

TEST(SealRfc6979, NonceMatchesAppendixA25) {
  EXPECT_EQ(seal::rfc6979_nonce(hex32(kX), sha256_of("sample"), hex32(kQ)),
            hex32("A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60"));
  EXPECT_EQ(seal::rfc6979_nonce(hex32(kX), sha256_of("test"), hex32(kQ)),
            hex32("D16B6AE827F17175E040871A1C7EC3500192C4C92677336EC2537ACAEE0008E0"));
}

TEST(SealKeys, SignaturesAreTheRfcsDeterministicOnes) {
  const SealKey key = SealKey::load_pem(kKeys / "rfc6979-p256-key.pem");
  const auto signature = key.sign(bytes_of("sample"));
  EXPECT_EQ(Bytes(signature.begin(), signature.end()),
            from_hex("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                     "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"));
  EXPECT_EQ(key.sign(bytes_of("sample")), signature);  // the same bytes every time
}

TEST(SealKeys, VerifyAcceptsOnlyTheRightKeyAndContent) {
  const SealKey key = SealKey::load_pem(kKeys / "rfc6979-p256-key.pem");
  const auto signature = key.sign(bytes_of("sample"));
  for (const char* file :
       {"rfc6979-p256-public.pem", "rfc6979-p256-cert.pem", "rfc6979-p256-key.pem"}) {
    const SealPublicKey pub = SealPublicKey::load_pem(kKeys / file);
    EXPECT_EQ(pub.certificate_reference(), key.certificate_reference()) << file;
    EXPECT_TRUE(pub.verify(bytes_of("sample"), signature)) << file;
    EXPECT_FALSE(pub.verify(bytes_of("samplf"), signature)) << file;
  }
  auto flipped = signature;
  flipped[40] ^= 0x01;
  EXPECT_FALSE(SealPublicKey::load_pem(kKeys / "rfc6979-p256-public.pem")
                   .verify(bytes_of("sample"), flipped));
  const SealPublicKey other = SealPublicKey::load_pem(kKeys / "other-p256-public.pem");
  EXPECT_NE(other.certificate_reference(), key.certificate_reference());
  EXPECT_FALSE(other.verify(bytes_of("sample"), signature));
}

TEST(SealKeys, BadKeysAreNamedWithoutShowingThem) {
  auto fault = [](const fs::path& file) {
    return test::first_problem([&] { SealKey::load_pem(file); });
  };
  const fs::path missing = kKeys / "no-such-key.pem";
  EXPECT_EQ(fault(missing), missing.string() + ": no such key file");
  EXPECT_EQ(fault(kKeys / "ed25519-key.pem"),
            (kKeys / "ed25519-key.pem").string() +
                ": is not an ECDSA P-256 key (the seal is signed with ECDSA P-256)");
  EXPECT_NE(fault(kKeys / "p384-key.pem").find("is not an ECDSA P-256 key"), std::string::npos);
  EXPECT_NE(fault(kKeys / "rfc6979-p256-public.pem").find("is not a PEM private key"),
            std::string::npos);
  EXPECT_NE(fault(kRoot / "README.md").find("is not a PEM file"), std::string::npos);
  // An encrypted key fails instead of prompting for a passphrase.
  const fs::path encrypted = fs::path(CARDFACE_BINARY_DIR) / "encrypted-seal-key.pem";
  std::ofstream(encrypted) << "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                              "MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhV2m4d\n"
                              "-----END ENCRYPTED PRIVATE KEY-----\n";
  const std::string e = fault(encrypted);
  EXPECT_TRUE(e.find("encrypted") != std::string::npos ||
              e.find("not a PEM private key") != std::string::npos)
      << e;
  EXPECT_EQ(e.find("MIHs"), std::string::npos);
}

TEST(SealKeys, KeygenWritesAPrivateKeyOnlyTheOwnerReadsAndNeverOverwrites) {
  const fs::path dir = fs::path(CARDFACE_BINARY_DIR) / "keygen-test";
  fs::remove_all(dir);
  const std::string reference = generate_seal_key(dir);
  EXPECT_EQ(reference.size(), 8u);
  struct stat st {};
  ASSERT_EQ(::stat((dir / "seal-key.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const SealKey key = SealKey::load_pem(dir / "seal-key.pem");
  EXPECT_EQ(key.certificate_reference(), reference);
  const auto signature = key.sign(bytes_of("card"));
  EXPECT_TRUE(SealPublicKey::load_pem(dir / "seal-cert.pem").verify(bytes_of("card"), signature));
  EXPECT_TRUE(SealPublicKey::load_pem(dir / "seal-public.pem").verify(bytes_of("card"), signature));
  EXPECT_NE(test::first_problem([&] { generate_seal_key(dir); }).find("exists"), std::string::npos);
  EXPECT_EQ(SealKey::load_pem(dir / "seal-key.pem").certificate_reference(), reference);
}

// docs/seal.md works this seal out by hand: the unsigned specimen of ZHENGJIAN YANGBEN.
const char* kSpecimenSeal =
    "dc 03 6764 6849 7765 7b5267 7b5267 f0 0c"
    " 01 01 01"
    " 02 0c 525e 3a2b 2155 19a6 19cd 19fd"
    " 03 09 5a48454e474a49414e"
    " 04 07 59414e4742454e"
    " 05 0c e8af81 e4bbb6 e6a0b7 e69cac"
    " 06 02 fe47"
    " 07 03 0f710c"
    " 08 02 b789"
    " 09 03 7b5267"
    " 0a 03 7b2b61";

TEST(SealProfile, TheSpecimenSealIsTheDocumentedBytes) {
  const Seal seal = card_seal(specimen(), {});
  EXPECT_EQ(encode_seal(seal), from_hex(kSpecimenSeal));
  EXPECT_FALSE(seal.signature);
}

TEST(SealProfile, SignedSealsAreDeterministicAndCarryTheKeysReference) {
  SealOptions options;
  options.key = std::make_shared<const SealKey>(SealKey::load_pem(kKeys / "rfc6979-p256-key.pem"));
  const Seal a = card_seal(specimen(), options), b = card_seal(specimen(), options);
  EXPECT_EQ(encode_seal(a), encode_seal(b));
  EXPECT_EQ(a.header.certificate_reference, options.key->certificate_reference());
  EXPECT_EQ(a.header.signature_date, (Date{2023, 8, 8}));  // valid_from, not the clock
  options.signature_date = Date{2024, 2, 29};
  EXPECT_EQ(card_seal(specimen(), options).header.signature_date, (Date{2024, 2, 29}));
  const Bytes bytes = encode_seal(a);
  // Header 22 bytes + message zone 74 + signature zone 66.
  EXPECT_EQ(bytes.size(), 22u + 74u + 66u);
  EXPECT_EQ(Bytes(bytes.end() - 66, bytes.end() - 64), from_hex("ff40"));
}

TEST(SealProfile, FieldsDecodeToTheRecordsValues) {
  const Seal seal = parse_seal(from_hex(kSpecimenSeal));
  std::vector<std::pair<std::string, std::string>> fields;
  for (const SealField& f : seal_fields(seal)) fields.emplace_back(f.name, f.value);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"type", "fprc-2023"},           {"id_number", "931586198001010028"},
      {"surname", "ZHENGJIAN"},        {"given_names", "YANGBEN"},
      {"name_zh", "证件样本"},         {"sex", "F"},
      {"date_of_birth", "1980-01-01"}, {"nationality", "PAK"},
      {"valid_from", "2023-08-08"},    {"valid_until", "2033-08-07"}};
  EXPECT_EQ(fields, expected);
  EXPECT_TRUE(seal_disagreements(seal, specimen()).empty());
  const Card other = load_card(kRoot / "samples/sukarno.json");
  EXPECT_EQ(
      seal_disagreements(seal, other),
      (std::vector<std::string>{"id_number", "surname", "given_names", "name_zh", "sex",
                                "date_of_birth", "nationality", "valid_from", "valid_until"}));
}

TEST(SealProfile, ATypeWithoutASealProfileHasNoSeal) {
  // card-types/td1.json has no "seal": its cards carry none.
  const Card td1 = load_card(kRoot / "samples/eriksson-anna-maria.json");
  EXPECT_EQ(test::first_problem([&] { card_seal(td1, {}); }),
            "type: card type td1 has no seal profile (\"seal\" in its type file)");
}

class SealCheckTest : public ::testing::Test {
 protected:
  std::shared_ptr<const SealKey> key =
      std::make_shared<const SealKey>(SealKey::load_pem(kKeys / "rfc6979-p256-key.pem"));
  SealPublicKey pub = SealPublicKey::load_pem(kKeys / "rfc6979-p256-cert.pem");
  SealPublicKey other = SealPublicKey::load_pem(kKeys / "other-p256-public.pem");
  Card card = specimen();

  Bytes signed_seal() {
    SealOptions options;
    options.key = key;
    return encode_seal(card_seal(card, options));
  }
};

TEST_F(SealCheckTest, GenuineWithTheKeyAndTheRecord) {
  const SealCheck c = check_seal_bytes(signed_seal(), &pub, &card);
  EXPECT_EQ(c.status, SealStatus::genuine) << c.reason;
  EXPECT_EQ(check_seal_bytes(signed_seal(), &pub, nullptr).status, SealStatus::genuine);
}

TEST_F(SealCheckTest, EveryChangedByteOfTheMessageIsCaught) {
  const Bytes good = signed_seal();
  const std::size_t signed_length = good.size() - 66;
  for (std::size_t i = 0; i < signed_length; ++i) {
    Bytes b = good;
    b[i] ^= 0x01;
    const SealCheck c = check_seal_bytes(b, &pub, nullptr);
    EXPECT_NE(c.status, SealStatus::genuine) << "byte " << i;
  }
  Bytes surname_changed = good;
  surname_changed[22 + 3 + 14 + 2] ^= 0x01;  // the surname's first letter: Z → [
  const SealCheck c = check_seal_bytes(surname_changed, &pub, nullptr);
  EXPECT_EQ(c.status, SealStatus::bad_signature);
  EXPECT_EQ(c.reason,
            "the signature does not match the seal's content (altered, or not signed by this key)");
  Bytes signature_changed = good;
  signature_changed.back() ^= 0x80;
  EXPECT_EQ(check_seal_bytes(signature_changed, &pub, nullptr).status, SealStatus::bad_signature);
}

TEST_F(SealCheckTest, AnotherKeyAMissingKeyAndDisagreeingDataAreNotGenuine) {
  const SealCheck wrong = check_seal_bytes(signed_seal(), &other, nullptr);
  EXPECT_EQ(wrong.status, SealStatus::wrong_key);
  EXPECT_NE(wrong.reason.find("signed by another key"), std::string::npos);
  EXPECT_EQ(check_seal_bytes(signed_seal(), nullptr, nullptr).status, SealStatus::no_key);
  const Card other_card = load_card(kRoot / "samples/dubois-claire.json");
  const SealCheck disagrees = check_seal_bytes(signed_seal(), &pub, &other_card);
  EXPECT_EQ(disagrees.status, SealStatus::data_disagrees);
  // Names fields, never values.
  EXPECT_NE(disagrees.reason.find("surname"), std::string::npos);
  EXPECT_EQ(disagrees.reason.find("DUBOIS"), std::string::npos);
  EXPECT_EQ(disagrees.reason.find("ZHENGJIAN"), std::string::npos);
}

TEST_F(SealCheckTest, UnsignedSpecimensAndForeignSealsAreNamed) {
  EXPECT_EQ(check_seal_bytes(from_hex(kSpecimenSeal), &pub, &card).status,
            SealStatus::unsigned_specimen);
  const SealCheck foreign = check_seal_bytes(from_hex(kAnnexG), &pub, nullptr);
  EXPECT_EQ(foreign.status, SealStatus::malformed);
  EXPECT_NE(foreign.reason.find("not a seal of a known card type's profile"), std::string::npos);
  EXPECT_EQ(check_seal_bytes(bytes_of("hello"), &pub, nullptr).status, SealStatus::malformed);
}

}  // namespace
}  // namespace cardface
