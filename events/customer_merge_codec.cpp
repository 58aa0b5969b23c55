#include "events/customer_merge_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/schema_table.hpp"

namespace parley::events::customer_merge_codec {
using nlohmann::json;

namespace {

template <class E>
struct Schema;
template <>
struct Schema<customer_merge::CustomerMerged> : TimedSchema<customer_merge::CustomerMerged> {
  static constexpr const char* kType = types::kMerged;
  static json to(const customer_merge::CustomerMerged& e) {
    return {{"from_key", e.from_key}, {"conversations", e.conversations}, {"by", e.by}};
  }
  // A merge without its key is no merge: at() throws, and the table reads
  // that as Corruption. Conversations are optional (none is a valid list).
  static customer_merge::CustomerMerged from(const json& p, const EventEnvelope& env) {
    customer_merge::CustomerMerged e;
    e.from_key = p.at("from_key").get<std::string>();
    if (auto it = p.find("conversations"); it != p.end() && !it->is_null())
      e.conversations = it->get<std::vector<std::string>>();
    e.by = p.value("by", "");
    e.at_us = env.timestamp_us;
    return e;
  }
};
using Table = SchemaTable<customer_merge::Event, Schema>;

}  // namespace

NewEvent encode(const customer_merge::Event& event) {
  return Table::encode(event);
}

Expected<customer_merge::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a customer");
}

bool is_customer_merge_event(std::string_view type) {
  return Table::knows(type);
}

}  // namespace parley::events::customer_merge_codec
