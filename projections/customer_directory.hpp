// Customers by phone number, folded from placed orders: how a shopper who
// ordered before on another channel is recognised by the phone they give.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/shop.hpp"
#include "projections/log_follower.hpp"

namespace parley::projections {

class CustomerDirectory final : public LogFollower {
 public:
  explicit CustomerDirectory(events::EventStore& store);
  ~CustomerDirectory() override { stop_following(); }

  // The details of the latest order placed with this phone (digits, '+' kept).
  std::optional<domain::Customer> by_phone(const std::string& phone) const;

 private:
  using Map = std::unordered_map<std::string, domain::Customer>;
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  Map working_;                           // guarded by fold_mutex()
  std::shared_ptr<const Map> published_;  // atomic_load/atomic_store
};

// "+91 98765-43210" -> "9876543210": the last ten digits, so that a phone
// written with and without its country code matches.
std::string phone_key(const std::string& phone);

}  // namespace parley::projections
