// Keys through OpenSSL's libcrypto. ECDSA signing uses an RFC 6979 nonce handed to
// ECDSA_do_sign_ex (OpenSSL 3.0 has no deterministic ECDSA of its own; 3.2 does).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "cardface/error.h"
#include "cardface/seal.h"
#include "seal/rfc6979.h"

namespace cardface {

struct SealKey::Impl {
  EVP_PKEY* pkey = nullptr;
  ~Impl() { EVP_PKEY_free(pkey); }
};

struct SealPublicKey::Impl {
  EVP_PKEY* pkey = nullptr;
  ~Impl() { EVP_PKEY_free(pkey); }
};

namespace {

namespace fs = std::filesystem;

// Never passes OpenSSL's own message on: it can quote PEM content.
[[noreturn]] void key_error(const fs::path& file, const std::string& message) {
  ERR_clear_error();
  throw Error(ErrorKind::file, file.string(), message);
}

std::string read_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) key_error(file, "no such key file");
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  if (!(in && buffer << in.rdbuf())) key_error(file, "cannot read the key file");
  return buffer.str();
}

struct Bio {
  BIO* bio;
  explicit Bio(const std::string& text) : bio(BIO_new_mem_buf(text.data(), int(text.size()))) {}
  ~Bio() { BIO_free(bio); }
};

// A PEM passphrase callback that gives none: an encrypted key fails instead of prompting.
int no_passphrase(char*, int, int, void* asked) {
  *static_cast<bool*>(asked) = true;
  return -1;
}

void require_p256(EVP_PKEY* pkey, const fs::path& file) {
  char group[64] = {0};
  std::size_t length = 0;
  if (!EVP_PKEY_is_a(pkey, "EC") ||
      !EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                      &length) ||
      std::string(group) != "prime256v1") {
    EVP_PKEY_free(pkey);
    key_error(file, "is not an ECDSA P-256 key (the seal is signed with ECDSA P-256)");
  }
}

std::string reference_of(EVP_PKEY* pkey) {
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(pkey, &der);
  if (length <= 0) throw Error(ErrorKind::internal, "seal", "cannot encode the public key");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  const bool ok =
      EVP_Digest(der, std::size_t(length), digest, &digest_length, EVP_sha256(), nullptr);
  OPENSSL_free(der);
  if (!ok) throw Error(ErrorKind::internal, "seal", "SHA-256 failed");
  char hex[9];
  std::snprintf(hex, sizeof hex, "%02X%02X%02X%02X", digest[0], digest[1], digest[2], digest[3]);
  return hex;
}

seal::Bytes32 sha256(std::span<const std::uint8_t> message) {
  seal::Bytes32 out{};
  unsigned int length = 0;
  if (!EVP_Digest(message.data(), message.size(), out.data(), &length, EVP_sha256(), nullptr))
    throw Error(ErrorKind::internal, "seal", "SHA-256 failed");
  return out;
}

seal::Bytes32 to_bytes(const BIGNUM* n) {
  seal::Bytes32 out{};
  if (BN_bn2binpad(n, out.data(), int(out.size())) != int(out.size()))
    throw Error(ErrorKind::internal, "seal", "a number does not fit 32 bytes");
  return out;
}

}  // namespace

SealKey SealKey::load_pem(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  Bio bio(text);
  bool asked = false;
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio.bio, nullptr, no_passphrase, &asked);
  if (!pkey) {
    if (asked) key_error(file, "is encrypted; cardface takes an unencrypted PEM private key");
    if (text.find("-----BEGIN") == std::string::npos) key_error(file, "is not a PEM file");
    key_error(file, "is not a PEM private key (a certificate or public key cannot sign)");
  }
  require_p256(pkey, file);
  SealKey key;
  auto impl = std::make_shared<Impl>();
  impl->pkey = pkey;
  key.impl_ = impl;
  key.reference_ = reference_of(pkey);
  return key;
}

std::array<std::uint8_t, 64> SealKey::sign(std::span<const std::uint8_t> message) const {
  const seal::Bytes32 digest = sha256(message);
  const EC_KEY* ec = EVP_PKEY_get0_EC_KEY(impl_->pkey);
  const EC_GROUP* group = ec ? EC_KEY_get0_group(ec) : nullptr;
  const BIGNUM* x = ec ? EC_KEY_get0_private_key(ec) : nullptr;
  if (!group || !x) throw Error(ErrorKind::internal, "seal", "the key has no private part");
  const BIGNUM* order = EC_GROUP_get0_order(group);

  const seal::Bytes32 k_bytes = seal::rfc6979_nonce(to_bytes(x), digest, to_bytes(order));
  BN_CTX* ctx = BN_CTX_new();
  BIGNUM* k = BN_bin2bn(k_bytes.data(), int(k_bytes.size()), nullptr);
  BIGNUM* kinv = BN_new();
  BIGNUM* r = BN_new();
  EC_POINT* point = EC_POINT_new(group);
  ECDSA_SIG* sig = nullptr;
  // kinv = k⁻¹ mod n and r = x(kG) mod n: what ECDSA_sign_setup would make from a random k.
  if (ctx && k && kinv && r && point && BN_mod_inverse(kinv, k, order, ctx) &&
      EC_POINT_mul(group, point, k, nullptr, nullptr, ctx) &&
      EC_POINT_get_affine_coordinates(group, point, r, nullptr, ctx) && BN_nnmod(r, r, order, ctx))
    sig = ECDSA_do_sign_ex(digest.data(), int(digest.size()), kinv, r, const_cast<EC_KEY*>(ec));
  BN_clear_free(k);
  BN_clear_free(kinv);
  BN_free(r);
  EC_POINT_free(point);
  BN_CTX_free(ctx);
  if (!sig) {
    ERR_clear_error();
    throw Error(ErrorKind::internal, "seal", "ECDSA signing failed");
  }
  const BIGNUM *sig_r = nullptr, *sig_s = nullptr;
  ECDSA_SIG_get0(sig, &sig_r, &sig_s);
  std::array<std::uint8_t, 64> out{};
  const seal::Bytes32 rb = to_bytes(sig_r), sb = to_bytes(sig_s);
  std::copy(rb.begin(), rb.end(), out.begin());
  std::copy(sb.begin(), sb.end(), out.begin() + 32);
  ECDSA_SIG_free(sig);
  return out;
}

SealPublicKey SealPublicKey::load_pem(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  EVP_PKEY* pkey = nullptr;
  if (text.find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
    Bio bio(text);
    X509* cert = PEM_read_bio_X509(bio.bio, nullptr, nullptr, nullptr);
    if (!cert) key_error(file, "is not a readable PEM certificate");
    pkey = X509_get_pubkey(cert);
    X509_free(cert);
  } else if (text.find("-----BEGIN PUBLIC KEY-----") != std::string::npos) {
    Bio bio(text);
    pkey = PEM_read_bio_PUBKEY(bio.bio, nullptr, nullptr, nullptr);
  } else if (text.find("PRIVATE KEY-----") != std::string::npos) {
    Bio bio(text);
    bool asked = false;
    pkey = PEM_read_bio_PrivateKey(bio.bio, nullptr, no_passphrase, &asked);
  }
  if (!pkey) key_error(file, "is not a PEM certificate, public key or private key");
  require_p256(pkey, file);
  SealPublicKey key;
  auto impl = std::make_shared<Impl>();
  impl->pkey = pkey;
  key.impl_ = impl;
  key.reference_ = reference_of(pkey);
  return key;
}

bool SealPublicKey::verify(std::span<const std::uint8_t> message,
                           std::span<const std::uint8_t> signature) const {
  if (signature.size() != 64) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(signature.data(), 32, nullptr);
  BIGNUM* s = BN_bin2bn(signature.data() + 32, 32, nullptr);
  if (!sig || !r || !s || !ECDSA_SIG_set0(sig, r, s)) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    throw Error(ErrorKind::internal, "seal", "cannot build the signature");
  }
  unsigned char* der = nullptr;
  const int der_length = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (der_length <= 0) throw Error(ErrorKind::internal, "seal", "cannot encode the signature");
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok =
      ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, impl_->pkey) == 1 &&
      EVP_DigestVerify(ctx, der, std::size_t(der_length), message.data(), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  OPENSSL_free(der);
  ERR_clear_error();
  return ok;
}

namespace {

// Creates `file` with `mode`, failing if it exists: a key is never overwritten.
void write_new_file(const fs::path& file, const std::string& text, mode_t mode) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    throw Error(ErrorKind::file, file.string(),
                errno == EEXIST ? "exists; keygen never overwrites a key"
                                : std::string("cannot create: ") + std::strerror(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(file.c_str());
      throw Error(ErrorKind::file, file.string(), "cannot write");
    }
    done += std::size_t(n);
  }
  ::fchmod(fd, mode);  // the umask must not widen or narrow it
  if (::close(fd) != 0) {
    ::unlink(file.c_str());
    throw Error(ErrorKind::file, file.string(), "cannot write");
  }
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, std::size_t(length));
}

}  // namespace

std::string generate_seal_key(const std::filesystem::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(ErrorKind::file, dir.string(), "cannot create the directory");
  const fs::path key_file = dir / "seal-key.pem", public_file = dir / "seal-public.pem",
                 cert_file = dir / "seal-cert.pem";
  for (const fs::path& f : {key_file, public_file, cert_file})
    if (fs::exists(f, ec))
      throw Error(ErrorKind::file, f.string(), "exists; keygen never overwrites a key");

  EVP_PKEY* pkey = EVP_EC_gen("P-256");
  if (!pkey) throw Error(ErrorKind::internal, "keygen", "cannot generate a P-256 key");
  std::string key_pem, public_pem, cert_pem;
  BIO* key_bio = BIO_new(BIO_s_mem());
  BIO* public_bio = BIO_new(BIO_s_mem());
  BIO* cert_bio = BIO_new(BIO_s_mem());
  X509* cert = X509_new();
  X509_NAME* name = X509_NAME_new();
  bool ok = key_bio && public_bio && cert_bio && cert && name &&
            PEM_write_bio_PrivateKey(key_bio, pkey, nullptr, nullptr, 0, nullptr, nullptr) &&
            PEM_write_bio_PUBKEY(public_bio, pkey);
  if (ok) {
    const std::string reference = reference_of(pkey);
    const std::string cn = "cardface specimen seal signer " + reference;
    ok =
        X509_set_version(cert, 2) && ASN1_INTEGER_set(X509_get_serialNumber(cert), 1) &&
        X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("CN"), -1, -1, 0) &&
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("cardface specimen"), -1,
                                   -1, 0) &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0) &&
        X509_set_subject_name(cert, name) && X509_set_issuer_name(cert, name) &&
        X509_gmtime_adj(X509_getm_notBefore(cert), 0) &&
        X509_gmtime_adj(X509_getm_notAfter(cert), 10L * 365 * 24 * 3600) &&
        X509_set_pubkey(cert, pkey) && X509_sign(cert, pkey, EVP_sha256()) > 0 &&
        PEM_write_bio_X509(cert_bio, cert);
  }
  if (ok) {
    key_pem = bio_text(key_bio);
    public_pem = bio_text(public_bio);
    cert_pem = bio_text(cert_bio);
  }
  const std::string reference = ok ? reference_of(pkey) : "";
  X509_NAME_free(name);
  X509_free(cert);
  BIO_free(key_bio);
  BIO_free(public_bio);
  BIO_free(cert_bio);
  EVP_PKEY_free(pkey);
  ERR_clear_error();
  if (!ok) throw Error(ErrorKind::internal, "keygen", "OpenSSL could not write the key");
  write_new_file(key_file, key_pem, 0600);
  OPENSSL_cleanse(key_pem.data(), key_pem.size());
  write_new_file(public_file, public_pem, 0644);
  write_new_file(cert_file, cert_pem, 0644);
  return reference;
}

}  // namespace cardface
