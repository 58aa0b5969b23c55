// Boxes as the privacy layer stores them: each opens with its key only, and
// no two share a nonce, within a thread or across threads.
#include "privacy/secretbox.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace parley::privacy {
namespace {

const unsigned char kKey[crypto_secretbox_KEYBYTES] = {7, 1, 2, 3};

TEST(Secretbox, ABoxOpensWithItsKeyOnly) {
  const std::string boxed = secretbox_seal(kKey, "Calle Mayor 5");
  EXPECT_EQ(boxed.find("Calle Mayor"), std::string::npos);
  EXPECT_EQ(secretbox_open(kKey, boxed), "Calle Mayor 5");
  unsigned char other[crypto_secretbox_KEYBYTES] = {7, 1, 2, 4};
  EXPECT_FALSE(secretbox_open(other, boxed));
  std::string tampered = boxed;
  tampered.back() ^= 1;
  EXPECT_FALSE(secretbox_open(kKey, tampered));
  EXPECT_FALSE(secretbox_open(kKey, "short"));
}

TEST(Secretbox, NoTwoBoxesShareANonceWithinOrAcrossThreads) {
  std::mutex mu;
  std::set<std::string> nonces;
  size_t boxes = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      for (int i = 0; i < 2000; ++i)
        mine.push_back(secretbox_seal(kKey, "same text").substr(0, crypto_secretbox_NONCEBYTES));
      std::lock_guard lock(mu);
      boxes += mine.size();
      nonces.insert(mine.begin(), mine.end());
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(nonces.size(), boxes);
}

TEST(Secretbox, Base64urlWritesWhatSodiumWritesForEveryLength) {
  ASSERT_GE(sodium_init(), 0);
  std::string bytes;
  for (size_t n = 0; n <= 300; ++n) {
    std::string expected(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                         '\0');
    sodium_bin2base64(expected.data(), expected.size(),
                      reinterpret_cast<const unsigned char*>(bytes.data()), n,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    expected.pop_back();  // sodium's NUL
    EXPECT_EQ(base64url(bytes), expected) << n << " bytes";
    bytes.push_back(static_cast<char>(randombytes_uniform(256)));
  }
}

}  // namespace
}  // namespace parley::privacy
