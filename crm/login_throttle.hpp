// Failed logins slow the next attempt down (issue 17, item 8: 200 wrong
// passwords got 200 x 401, as fast as argon2id allowed). Keys are a user and
// a client address, counted apart:
//
//   the first `free_failures` failures of a key      no wait
//   each one after that                              base_delay * 2^(n - free), up to max_delay
//   a login that succeeds                            clears its user's count
//   a key quiet for forget_after                     forgotten (memory stays bounded)
//
// begin() is asked before any password is hashed, so a blocked caller costs
// nothing, and it counts the attempt as failed at once: parallel attempts see
// each other (counted only after hashing, 44 of 150 parallel guesses were
// checked: found by our probe). A login that succeeds takes its count back.
// Pure: the time comes in. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parley::crm {

struct ThrottleOptions {
  uint32_t free_failures_per_user = 5;
  uint32_t free_failures_per_address = 20;
  int64_t base_delay_us = 1'000'000;       // 1 s, doubling
  int64_t max_delay_us = 15 * 60'000'000;  // 15 min
  int64_t forget_after_us = 3600'000'000;  // an hour without failures
  size_t max_keys = 100'000;               // beyond it the quietest keys are forgotten
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleOptions options = {});

  // 0 when `username` may try now from `address` (the attempt is then
  // counted as failed until succeeded() says otherwise); else µs until it may.
  int64_t begin(const std::string& username, const std::string& address, int64_t now_us);
  // The attempt begun was right: the user's count is cleared, the address's
  // attempt taken back.
  void succeeded(const std::string& username, const std::string& address);
  // Users and addresses remembered now (at most about max_keys).
  size_t keys() const;

 private:
  struct Entry {
    uint32_t failures = 0;
    int64_t last_us = 0;
  };
  int64_t wait_of(const std::string& key, uint32_t free, int64_t now_us) const;
  void count(const std::string& key, int64_t now_us);
  void prune(int64_t now_us);

  ThrottleOptions o_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> keys_;
};

}  // namespace parley::crm
