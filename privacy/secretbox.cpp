#include "privacy/secretbox.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace parley::privacy {

namespace {
// Once: sodium_init() takes a lock on every call, and sealing is on the
// writer's path.
void ensure_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw std::runtime_error("libsodium failed to initialise");
}

// Nonces come from a per-thread ChaCha20 stream (randombytes_buf_deterministic)
// whose seed is drawn once per thread, its last 8 bytes a batch counter:
// random-looking and unique without asking the kernel for 24 bytes per box.
// randombytes_buf is a getrandom(2) call each time, and a chat turn seals
// several members and view rows (~2 % of the server's CPU, issue 22).
void next_nonce(unsigned char* nonce) {
  struct Pool {
    unsigned char seed[randombytes_SEEDBYTES];
    uint64_t batch = 0;
    unsigned char bytes[crypto_secretbox_NONCEBYTES * 64];
    size_t used = sizeof bytes;
    bool seeded = false;
  };
  thread_local Pool pool;
  if (pool.used == sizeof pool.bytes) {
    if (!pool.seeded) {
      randombytes_buf(pool.seed, sizeof pool.seed);
      pool.seeded = true;
    }
    const uint64_t batch = pool.batch++;
    std::memcpy(pool.seed + sizeof pool.seed - sizeof batch, &batch, sizeof batch);
    randombytes_buf_deterministic(pool.bytes, sizeof pool.bytes, pool.seed);
    pool.used = 0;
  }
  std::memcpy(nonce, pool.bytes + pool.used, crypto_secretbox_NONCEBYTES);
  pool.used += crypto_secretbox_NONCEBYTES;
}
}  // namespace

std::string secretbox_seal(const unsigned char* key, std::string_view plaintext) {
  ensure_sodium();
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  next_nonce(p);
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

std::string base64url(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');  // and EVP_EncodeBlock's NUL
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

}  // namespace parley::privacy
