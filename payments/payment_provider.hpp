// One interface for every way a shopper pays: create what the shopper pays
// with (a link or transfer instructions), check a payment's status, and read
// the provider's webhooks. Implementations block on the network (libcurl):
// call them from the order worker's or an HTTP thread, never from a CAF
// scheduler thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace parley::payments {

struct PaymentItem {
  std::string name;
  int64_t quantity = 1;
  int64_t unit_cents = 0;
};

struct PaymentRequest {
  std::string order_id;
  std::vector<PaymentItem> items;
  int64_t total_cents = 0;
  std::string currency;  // ISO 4217, upper case
  std::string customer_email;
  // "exp=…&sig=…": the shopper's signed link to this order (order_links.hpp),
  // for the page the provider sends them back to ({ORDER_LINK} in its URL).
  std::string link_query = "";
};

struct PaymentLink {
  bool ok = false;
  bool retryable = false;  // false: asking again will not help (bad key, bad request)
  std::string error;
  std::string provider;
  std::string reference;     // the provider's id for this payment
  std::string url;           // where the shopper pays ("" for bank transfer)
  std::string instructions;  // what the shopper does ("" for a hosted page)
};

enum class PaymentState : uint8_t { unpaid, paid, expired, unknown };
const char* to_string(PaymentState s);

struct PaymentCheck {
  bool ok = false;
  std::string error;
  PaymentState state = PaymentState::unknown;
  int64_t amount_cents = 0;
  std::string currency;
  std::string payment_reference;  // the provider's payment id, when paid
};

// What a webhook said, once its signature holds.
struct PaymentNotice {
  enum class Verdict : uint8_t {
    payment,         // a payment for `order_id` succeeded
    ignored,         // a genuine event Parley does not act on
    bad_signature,   // 400: missing, malformed or not matching
    stale,           // 400: signed outside the tolerance window (a replay)
    bad_payload,     // 400: signed but not an event
    not_configured,  // 503: no webhook secret to check against
  };
  Verdict verdict = Verdict::ignored;
  std::string detail;  // why, for the logs and the answer
  std::string event_id;
  std::string event_type;
  std::string order_id;
  int64_t amount_cents = 0;
  std::string currency;
  std::string payment_reference;
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string name() const = 0;
  virtual PaymentLink create_link(const PaymentRequest& request) const = 0;
  virtual PaymentCheck check(const std::string& reference) const = 0;
  // `headers` with lower-case names; `now_s` the wall clock in seconds.
  virtual PaymentNotice read_webhook(const std::map<std::string, std::string>& headers,
                                     const std::string& body, int64_t now_s) const = 0;
};

}  // namespace parley::payments
