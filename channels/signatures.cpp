#include "channels/signatures.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace parley::channels {
namespace {

std::string hmac(const EVP_MD* md, const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

}  // namespace

std::string base64_encode(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
  static const char* const kHex = "0123456789abcdef";
  std::string mac = hmac(EVP_sha256(), key, data), out;
  out.reserve(mac.size() * 2);
  for (unsigned char c : mac) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string hmac_sha1_base64(const std::string& key, const std::string& data) {
  return base64_encode(hmac(EVP_sha1(), key, data));
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool whatsapp_signature_valid(const std::string& app_secret, const std::string& body,
                              const std::string& header) {
  static const std::string kPrefix = "sha256=";
  if (header.compare(0, kPrefix.size(), kPrefix) != 0) return false;
  return constant_time_equal(header.substr(kPrefix.size()), hmac_sha256_hex(app_secret, body));
}

std::string twilio_signature(const std::string& auth_token, const std::string& url,
                             const std::map<std::string, std::string>& params) {
  std::string data = url;
  for (const auto& [k, v] : params) data += k + v;  // std::map iterates sorted by name
  return hmac_sha1_base64(auth_token, data);
}

}  // namespace parley::channels
