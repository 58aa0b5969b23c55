#include "privacy/secretbox.hpp"

#include <sodium.h>

#include <stdexcept>

namespace parley::privacy {

namespace {
// Once: sodium_init() takes a lock on every call, and sealing is on the
// writer's path.
void ensure_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

std::string secretbox_seal(const unsigned char* key, std::string_view plaintext) {
  ensure_sodium();
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        p, key);
  return out;
}

std::optional<std::string> secretbox_open(const unsigned char* key, std::string_view boxed) {
  if (boxed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(boxed.data());
  std::string out(boxed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 p + crypto_secretbox_NONCEBYTES,
                                 boxed.size() - crypto_secretbox_NONCEBYTES, p, key) != 0)
    return std::nullopt;
  return out;
}

}  // namespace parley::privacy
