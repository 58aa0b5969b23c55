// Bank transfer, the default when no payment platform is configured: the
// shopper gets the shop's account details with the order id as the
// transfer's reference, and an admin marks the order paid
// (PATCH /api/v1/orders/{id}). Nothing here touches the network.
#pragma once

#include "payments/payment_provider.hpp"

namespace parley::payments {

struct BankDetails {
  std::string account_holder;  // PARLEY_SHOP_NAME
  std::string iban;            // PARLEY_BANK_IBAN
  std::string bic;             // PARLEY_BANK_BIC
  std::string bank_name;       // PARLEY_BANK_NAME
};

class ManualProvider final : public PaymentProvider {
 public:
  explicit ManualProvider(BankDetails bank) : bank_(std::move(bank)) {}
  std::string name() const override { return "manual"; }
  // Always ok: the instructions name the amount, the account and the reference.
  PaymentLink create_link(const PaymentRequest& request) const override;
  // Always unknown: only an admin can tell that the money arrived.
  PaymentCheck check(const std::string& reference) const override;
  PaymentNotice read_webhook(const std::map<std::string, std::string>& headers,
                             const std::string& body, int64_t now_s) const override;

 private:
  BankDetails bank_;
};

}  // namespace parley::payments
