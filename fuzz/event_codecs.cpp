// The JSON codecs of every event (events/*_codec.cpp): a stored envelope is
// decoded by each codec (a codec answers NotFound for types not its own, the
// way projections skip), and what decoded must survive encode -> decode ->
// encode unchanged: what the log's writer writes, its readers read. Also the
// conversation and lead snapshots, and the product as the API posts it.
// Input, one field a line, the rest the payload:
//
//   <event type>   (or snapshot:conversation, snapshot:lead, api:product)
//   <schema version>
//   <timestamp µs>
//   <entity id>
//   <causation id>
//   <payload JSON>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"
#include "events/lead_codec.hpp"
#include "events/llm_codec.hpp"
#include "events/llm_config_codec.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"
#include "events/team_codec.hpp"
#include "fuzz/fuzz.hpp"

using namespace parley;
using namespace parley::events;

namespace {

EventEnvelope envelope_of(const EventEnvelope& from, const NewEvent& e) {
  EventEnvelope out = from;
  out.type = e.type;
  out.schema_version = e.schema_version;
  out.timestamp_us = e.timestamp_us;
  out.causation_id = e.causation_id;
  out.payload = e.payload;
  return out;
}

// decode(env) ok => decode(encode(decoded)) ok, and encoding that gives the same event.
template <class Decode, class Encode>
void round_trip(const char* codec, const EventEnvelope& env, Decode decode, Encode encode) {
  auto first = decode(env);
  if (!first.ok()) return;
  const NewEvent once = encode(*first);
  auto second = decode(envelope_of(env, once));
  if (!second.ok()) {
    std::fprintf(stderr, "%s: %s\n%s\n", codec, second.status().to_string().c_str(),
                 once.payload.c_str());
    fuzz::fail("what the codec encoded, it did not decode");
  }
  const NewEvent twice = encode(*second);
  if (twice.type != once.type || twice.payload != once.payload ||
      twice.timestamp_us != once.timestamp_us || twice.causation_id != once.causation_id) {
    std::fprintf(stderr, "%s:\n%s\n%s\n", codec, once.payload.c_str(), twice.payload.c_str());
    fuzz::fail("decode then encode changed the event");
  }
}

template <class Decode, class Encode>
void state_round_trip(const char* codec, const std::string& bytes, uint32_t schema,
                      uint32_t current, Decode decode, Encode encode) {
  auto first = decode(bytes, schema);
  if (!first.ok()) return;
  const std::string once = encode(*first);
  auto second = decode(once, current);
  if (!second.ok() || encode(*second) != once) {
    std::fprintf(stderr, "%s snapshot:\n%s\n", codec, once.c_str());
    fuzz::fail("a snapshot did not survive encode -> decode");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  std::string schema, timestamp;
  EventEnvelope env;
  fuzz::next_line(in, &at, &env.type);
  fuzz::next_line(in, &at, &schema);
  fuzz::next_line(in, &at, &timestamp);
  fuzz::next_line(in, &at, &env.entity_id);
  fuzz::next_line(in, &at, &env.causation_id);
  env.payload = at < in.size() ? in.substr(at) : "";
  env.entity_type = "fuzz";
  env.seq = 1;
  env.position = 1;
  env.schema_version = static_cast<uint32_t>(std::strtoul(schema.c_str(), nullptr, 10));
  env.timestamp_us = std::strtoll(timestamp.c_str(), nullptr, 10);

  if (env.type == "snapshot:conversation") {
    state_round_trip("conversation", env.payload, env.schema_version,
                     conversation_codec::kStateSchema, conversation_codec::decode_state,
                     conversation_codec::encode_state);
    return 0;
  }
  if (env.type == "snapshot:lead") {
    state_round_trip("lead", env.payload, env.schema_version, lead_codec::kStateSchema,
                     lead_codec::decode_state, lead_codec::encode_state);
    return 0;
  }
  if (env.type == "api:product") {
    auto p = product_codec::product_from_json(nlohmann::json::parse(env.payload, nullptr, false));
    if (p.ok()) {
      auto again = product_codec::product_from_json(product_codec::to_json(*p));
      if (!again.ok() || product_codec::to_json(*again) != product_codec::to_json(*p))
        fuzz::fail("a product the API took did not survive to_json -> product_from_json");
    }
    return 0;
  }

  const auto& causation = env.causation_id;
  const int64_t at_us = env.timestamp_us;
  round_trip("conversation", env, conversation_codec::decode,
             [](const auto& e) { return conversation_codec::encode(e); });
  round_trip("order", env, order_codec::decode,
             [&](const auto& e) { return order_codec::encode(e, causation); });
  round_trip("lead", env, lead_codec::decode, [](const auto& e) { return lead_codec::encode(e); });
  round_trip("product", env, product_codec::decode,
             [&](const auto& e) { return product_codec::encode(e, at_us, causation); });
  round_trip("user", env, team_codec::decode_user,
             [](const auto& e) { return team_codec::encode(e); });
  round_trip("sequence", env, team_codec::decode_sequence,
             [](const auto& e) { return team_codec::encode(e); });
  round_trip("delivery", env, delivery_codec::decode,
             [](const auto& e) { return delivery_codec::encode(e); });
  round_trip("notification", env, delivery_codec::decode_notification,
             [&](const auto& e) { return delivery_codec::encode_notification(e, causation); });
  round_trip("llm usage", env, llm_codec::decode_call,
             [&](const auto& e) { return llm_codec::encode(e, causation); });
  round_trip("llm fallback", env, llm_codec::decode_fallback,
             [&](const auto& e) { return llm_codec::encode(e, causation); });
  round_trip("llm_config", env, llm_config_codec::decode,
             [](const auto& e) { return llm_config_codec::encode(e); });
  return 0;
}
