#include "events/conversation_codec.hpp"

#include <nlohmann/json.hpp>

namespace parley::events::conversation_codec {
using nlohmann::json;

NewEvent encode(const conv::Event& event) {
  return std::visit(
      [](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        NewEvent out;
        out.timestamp_us = e.at_us;
        json p = {{"message_id", e.message_id},
                  {"channel", e.channel},
                  {"user_id", e.user_id},
                  {"text", e.text}};
        if constexpr (std::is_same_v<E, conv::MessageReceived>) {
          out.type = kMessageReceived;
          out.causation_id = e.causation_id;
          p["platform_message_id"] = e.platform_message_id;
        } else {
          out.type = kMessageSent;
          out.causation_id = e.in_reply_to;
          p["in_reply_to"] = e.in_reply_to;
        }
        // Never throws: bytes that are not UTF-8 (the decider refuses them
        // anyway) are replaced rather than thrown on.
        out.payload = p.dump(-1, ' ', false, json::error_handler_t::replace);
        return out;
      },
      event);
}

Expected<conv::Event> decode(const EventEnvelope& env) {
  const bool received = env.type == kMessageReceived;
  if (!received && env.type != kMessageSent)
    return Status::NotFound("not a conversation event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  try {
    if (received) {
      return conv::Event{conv::MessageReceived{p.at("message_id"), p.at("channel"), p.at("user_id"),
                                               p.at("text"), p.value("platform_message_id", ""),
                                               env.causation_id, env.timestamp_us}};
    }
    return conv::Event{conv::MessageSent{p.at("message_id"), p.at("channel"), p.at("user_id"),
                                         p.at("text"), p.value("in_reply_to", ""),
                                         env.timestamp_us}};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
}

std::string encode_state(const conv::State& s) {
  return json{{"id", s.id},
              {"channel", s.channel},
              {"user_id", s.user_id},
              {"received", s.received},
              {"sent", s.sent},
              {"last_received_at_us", s.last_received_at_us},
              {"last_sent_at_us", s.last_sent_at_us},
              {"last_received_id", s.last_received_id}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<conv::State> decode_state(const std::string& bytes, uint32_t schema_version) {
  if (schema_version != kStateSchema)
    return Status::Corruption("unknown conversation state schema " +
                              std::to_string(schema_version));
  json j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return Status::Corruption("conversation snapshot is not an object");
  try {
    conv::State s;
    s.id = j.at("id");
    s.channel = j.at("channel");
    s.user_id = j.at("user_id");
    s.received = j.at("received");
    s.sent = j.at("sent");
    s.last_received_at_us = j.at("last_received_at_us");
    s.last_sent_at_us = j.at("last_sent_at_us");
    s.last_received_id = j.at("last_received_id");
    return s;
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("conversation snapshot: ") + ex.what());
  }
}

}  // namespace parley::events::conversation_codec
