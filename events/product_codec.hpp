// Product events <-> stored form (docs/API.md, "Event types").
//
//   catalog.product_upserted v1 {"sku","name","category","price_cents","currency",
//                                "stock","colors","sizes","tags","description","image_url"}
//   catalog.stock_changed    v1 {"sku","stock"}
//   catalog.product_removed  v1 {"sku"}
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/product.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::product_codec {

// The stored type names live beside the events (domain/product.hpp).
namespace types = parley::domain::product::types;

namespace product = parley::domain::product;

// True for the event types this codec reads (a projection's skip test).
bool is_product_event(std::string_view type);

NewEvent encode(const product::Event& event, int64_t at_us, const std::string& causation_id);
Expected<product::Event> decode(const EventEnvelope& envelope);

nlohmann::json to_json(const product::Product& p);
// Reads a product from the API's JSON shape; price as "price" (a number,
// e.g. 12.5) or "price_cents". Errors name the field.
Expected<product::Product> product_from_json(const nlohmann::json& j);

// A product's stream for events/stream_command.hpp: the domain and this
// codec together. Events are stored with a time and a causation, so a
// command brings its encoder.
struct Stream {
  using State = product::State;
  using Event = product::Event;
  using Command = product::Command;
  using Error = product::Error;
  static constexpr const char* kType = product::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return product::decide(s, c); }
  static State evolve(State s, const Event& e) { return product::evolve(std::move(s), e); }
  static Expected<Event> decode(const EventEnvelope& e) { return product_codec::decode(e); }
  static const char* error_name(Error e) { return product::to_string(e); }
};

}  // namespace parley::events::product_codec
