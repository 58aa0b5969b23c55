#include "http/conversation_view.hpp"

#include <nlohmann/json.hpp>

#include "events/conversation_codec.hpp"
#include "events/envelope_json.hpp"

namespace parley::http {

namespace conv = domain::conversation;
namespace codec = events::conversation_codec;
using nlohmann::json;

json conversation_view(const std::string& conversation_id,
                       const std::vector<events::EventEnvelope>& stream, size_t max_messages) {
  conv::State state = conv::initial_state(conversation_id);
  json messages = json::array();
  for (const auto& env : stream) {
    auto event = codec::decode(env);
    if (!event) continue;
    state = conv::evolve(std::move(state), *event);
    std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          json m = {{"id", e.message_id},
                    {"text", e.text},
                    {"at", events::format_timestamp(e.at_us)},
                    {"seq", env.seq}};
          if constexpr (std::is_same_v<E, conv::MessageReceived>) {
            m["direction"] = "in";
            m["platform_message_id"] = e.platform_message_id;
          } else {
            m["direction"] = "out";
            m["in_reply_to"] = e.in_reply_to;
          }
          messages.push_back(std::move(m));
        },
        *event);
  }
  if (messages.size() > max_messages)
    messages.erase(messages.begin(), messages.end() - static_cast<std::ptrdiff_t>(max_messages));
  auto time_or_null = [](int64_t us) -> json {
    return us == 0 ? json(nullptr) : json(events::format_timestamp(us));
  };
  return {{"conversation_id", conversation_id},
          {"channel", state.channel},
          {"customer", {{"user_id", state.user_id}}},
          {"stage", "chatting"},
          {"cart", nullptr},
          {"handoff", false},
          {"received", state.received},
          {"sent", state.sent},
          {"last_received_at", time_or_null(state.last_received_at_us)},
          {"last_sent_at", time_or_null(state.last_sent_at_us)},
          {"messages", std::move(messages)}};
}

}  // namespace parley::http
