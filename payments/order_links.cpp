#include "payments/order_links.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdlib>

namespace parley::payments {

OrderLinks::OrderLinks(std::string key, int64_t ttl_seconds)
    : key_(std::move(key)), ttl_(ttl_seconds) {}

std::string OrderLinks::mac_hex(const std::string& order_id, int64_t exp) const {
  const std::string message = "order-link:" + order_id + ":" + std::to_string(exp);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string OrderLinks::query(const std::string& order_id, int64_t now_s) const {
  const int64_t exp = now_s + ttl_;
  return "exp=" + std::to_string(exp) + "&sig=" + mac_hex(order_id, exp);
}

bool OrderLinks::valid(const std::string& order_id, const std::string& exp, const std::string& sig,
                       int64_t now_s) const {
  if (key_.empty() || exp.empty() || exp.size() > 18 || sig.size() != 64) return false;
  char* end = nullptr;
  errno = 0;
  const long long at = std::strtoll(exp.c_str(), &end, 10);
  if (errno || *end != '\0' || at < now_s) return false;
  const auto want = mac_hex(order_id, at);
  return sodium_memcmp(want.data(), sig.data(), want.size()) == 0;
}

}  // namespace parley::payments
