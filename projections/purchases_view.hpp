// What shoppers bought, as the brain reads it (brain/order_history.hpp): a
// projection of order.placed and order.cancelled events, and of
// conversation.customer_forgotten, which takes that conversation's orders
// out of every answer.
//
// Whose orders a conversation sees: its own, and — on WhatsApp, where the
// platform vouches for the number — every order placed with that phone number
// on any channel. A phone merely typed in a chat is never a key to anyone's
// past (issue 17's rule: what one identity typed brings in no other's data).
// The team may vouch instead: when they merge two customers (customer.merged,
// domain/customer_merge.hpp), every conversation the merge names shares its
// identity keys with the others, so a shopper on Telegram merged with their
// WhatsApp number sees the orders of both. Merges chain.
//
// Bought together: for each product, how many orders held each other product;
// cancelled orders do not count. The snapshot is built whole on each change
// and taken without locks.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "brain/order_history.hpp"
#include "projections/log_follower.hpp"

namespace parley::projections {

struct PurchasesSnapshot final : brain::OrderHistory {
  uint64_t position = 0;
  std::vector<brain::PastOrder> orders;                             // oldest first
  std::map<std::string, std::vector<size_t>> by_key;                // identity key -> orders
  std::map<std::string, std::map<std::string, uint32_t>> together;  // sku -> sku -> orders
  // identity key -> every key merged with it (itself included); only keys merged.
  std::map<std::string, std::vector<std::string>> merged;

  std::vector<brain::PastOrder> orders_of(const domain::conversation::State& state,
                                          size_t limit) const override;
  std::vector<std::string> bought_with(const std::string& sku, size_t limit) const override;
};

// The keys a conversation is known by: "conversation:<id>" and, for a
// WhatsApp-family channel, "phone:<the number's digits>".
std::vector<std::string> identity_keys(const std::string& conversation_id);

class PurchasesView final : public LogFollower {
 public:
  explicit PurchasesView(events::EventStore& store);
  ~PurchasesView() override { stop_following(); }
  std::string_view name() const override { return "purchases"; }
  std::shared_ptr<const PurchasesSnapshot> snapshot() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  struct Placed {
    brain::PastOrder order;
    std::vector<std::string> keys;  // the identities it belongs to
    std::string conversation_id;
  };
  std::map<std::string, Placed> placed_;  // by order id; guarded by fold_mutex()
  // Identity keys merged by the team, as a union-find forest (key -> parent;
  // a root is its own parent); guarded by fold_mutex().
  std::map<std::string, std::string> parent_;
  std::string root_of(const std::string& key);
  void join(const std::vector<std::string>& conversations);
  std::shared_ptr<const PurchasesSnapshot> snapshot_;  // atomic_load/atomic_store
};

}  // namespace parley::projections
