// A shopper's own view of one order without a login: a link signed with the
// shop's secret key that expires (issue 17, item 4).
//
//   <path>?exp=<unix seconds>&sig=<hex HMAC-SHA256(key, "order-link:" order_id ":" exp)>
//
// The same signature opens GET /api/v1/orders/{id}, its invoice.pdf and
// /payments/done for that order until `exp`; it opens no other order. Checked
// in constant time. Pure: the key and the time come in.
#pragma once

#include <cstdint>
#include <string>

namespace parley::payments {

class OrderLinks {
 public:
  // `key`: 32 bytes or more of secret; `ttl_seconds`: how long a link holds.
  OrderLinks(std::string key, int64_t ttl_seconds);

  // "exp=…&sig=…" for `order_id`, valid until now + ttl.
  std::string query(const std::string& order_id, int64_t now_s) const;
  // Whether `exp`/`sig` (as they came in the query) open `order_id` at `now_s`.
  bool valid(const std::string& order_id, const std::string& exp, const std::string& sig,
             int64_t now_s) const;
  int64_t ttl_seconds() const { return ttl_; }

 private:
  std::string mac_hex(const std::string& order_id, int64_t exp) const;
  std::string key_;
  int64_t ttl_;
};

}  // namespace parley::payments
