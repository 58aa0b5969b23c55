#include "payments/manual_provider.hpp"

#include <cstdio>

namespace parley::payments {

const char* to_string(PaymentState s) {
  switch (s) {
    case PaymentState::unpaid:
      return "unpaid";
    case PaymentState::paid:
      return "paid";
    case PaymentState::expired:
      return "expired";
    case PaymentState::unknown:
      return "unknown";
  }
  return "unknown";
}

PaymentLink ManualProvider::create_link(const PaymentRequest& request) const {
  char amount[64];
  std::snprintf(amount, sizeof amount, "%lld.%02lld %s",
                static_cast<long long>(request.total_cents / 100),
                static_cast<long long>(request.total_cents % 100), request.currency.c_str());
  std::string text = std::string(amount) + " to " + bank_.account_holder + ", IBAN " + bank_.iban;
  if (!bank_.bic.empty()) text += ", BIC " + bank_.bic;
  if (!bank_.bank_name.empty()) text += " (" + bank_.bank_name + ")";
  text += ", reference " + request.order_id;
  PaymentLink link;
  link.ok = true;
  link.provider = name();
  link.reference = request.order_id;
  link.instructions = std::move(text);
  return link;
}

PaymentCheck ManualProvider::check(const std::string&) const {
  PaymentCheck c;
  c.ok = true;
  c.state = PaymentState::unknown;
  return c;
}

PaymentNotice ManualProvider::read_webhook(const std::map<std::string, std::string>&,
                                           const std::string&, int64_t) const {
  PaymentNotice n;
  n.verdict = PaymentNotice::Verdict::not_configured;
  n.detail = "bank transfers have no webhook; an admin marks the order paid";
  return n;
}

}  // namespace parley::payments
