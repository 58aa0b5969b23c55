#include "projections/customer_directory.hpp"

#include "events/order_codec.hpp"

namespace parley::projections {

std::string phone_key(const std::string& phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits.push_back(c);
  // The national number: "+91 98765 43210" and "98765 43210" are one phone.
  return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

CustomerDirectory::CustomerDirectory(events::EventStore& store)
    : LogFollower(store), published_(std::make_shared<Map>()) {}

bool CustomerDirectory::wants(std::string_view type) const {
  return type == events::order_codec::kPlaced;
}

events::Status CustomerDirectory::apply(const events::EventEnvelope& env) {
  auto e = events::order_codec::decode(env);
  if (!e) return e.status();
  const auto& customer = std::get<domain::order::OrderPlaced>(*e).order.customer;
  if (!customer.phone.empty()) working_[phone_key(customer.phone)] = customer;
  return events::Status::Ok();
}

void CustomerDirectory::publish(uint64_t) {
  std::atomic_store(&published_, std::shared_ptr<const Map>(std::make_shared<Map>(working_)));
}

std::optional<domain::Customer> CustomerDirectory::by_phone(const std::string& phone) const {
  auto map = std::atomic_load(&published_);
  auto it = map->find(phone_key(phone));
  if (it == map->end()) return std::nullopt;
  return it->second;
}

}  // namespace parley::projections
