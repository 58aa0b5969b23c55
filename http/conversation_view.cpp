#include "http/conversation_view.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "events/conversation_codec.hpp"
#include "events/envelope_json.hpp"
#include "events/shop_json.hpp"

namespace parley::http {

namespace conv = domain::conversation;
namespace codec = events::conversation_codec;
using nlohmann::json;

namespace {

// How far a platform report goes; a report of a lower rank never undoes a higher one.
int rank_of(const std::string& status) {
  if (status == "sent") return 1;
  if (status == "delivered") return 2;
  if (status == "read") return 3;
  if (status == "failed") return 4;
  return 0;
}

// Every message Parley sent that is shown: its delivery status, if known.
void add_delivery_ticks(json& messages, const std::map<std::string, std::string>& reports,
                        const DeliveryLookup& deliveries) {
  for (auto& m : messages) {
    if (m.value("direction", "") != "out") continue;
    auto outbox = deliveries ? deliveries(m.value("id", "")) : std::nullopt;
    std::vector<std::string> statuses;
    if (outbox)
      for (const auto& platform_id : outbox->platform_message_ids)
        if (auto r = reports.find(platform_id); r != reports.end()) statuses.push_back(r->second);
    if (auto tick = delivery_tick(outbox, statuses); !tick.empty()) m["delivery_status"] = tick;
  }
}

}  // namespace

std::string delivery_tick(const std::optional<domain::delivery::State>& outbox,
                          const std::vector<std::string>& platform_statuses) {
  if (!outbox) return "";
  if (outbox->dead) return "failed";
  int least = 0, failed = 0;
  for (const auto& s : platform_statuses) {
    const int r = rank_of(s);
    if (r == 4)
      failed = r;
    else if (r > 0)
      least = least == 0 ? r : std::min(least, r);
  }
  if (failed) return "failed";
  if (!outbox->delivered()) return outbox->parts_done > 0 ? "sending" : "";
  // A part with no report yet is at least sent: the outbox recorded it.
  if (platform_statuses.size() < outbox->platform_message_ids.size()) least = std::min(least, 1);
  static const char* const kNames[] = {"sent", "sent", "delivered", "read"};
  return kNames[least];
}

json conversation_view(const std::string& conversation_id,
                       const std::vector<events::EventEnvelope>& stream, size_t max_messages,
                       const DeliveryLookup& deliveries) {
  conv::State state = conv::initial_state(conversation_id);
  json messages = json::array();
  std::map<std::string, std::string> reports;  // platform message id -> its highest report
  for (const auto& env : stream) {
    auto event = codec::decode(env);
    if (!event) continue;
    state = conv::evolve(std::move(state), *event);
    if (auto* report = std::get_if<conv::DeliveryStatusChanged>(&*event)) {
      auto& best = reports[report->platform_message_id];
      if (rank_of(report->status) > rank_of(best)) best = report->status;
    } else if (auto* in = std::get_if<conv::MessageReceived>(&*event)) {
      messages.push_back({{"id", in->message_id},
                          {"direction", "in"},
                          {"text", in->text},
                          {"at", events::format_timestamp(in->at_us)},
                          {"seq", env.seq},
                          {"language", in->language},
                          {"platform_message_id", in->platform_message_id}});
    } else if (auto* out = std::get_if<conv::MessageSent>(&*event)) {
      json m = {{"id", out->message_id}, {"direction", "out"},
                {"text", out->text},     {"at", events::format_timestamp(out->at_us)},
                {"seq", env.seq},        {"in_reply_to", out->in_reply_to}};
      if (!out->author.empty()) m["author"] = out->author;  // a person, not the bot
      if (!out->cited.empty()) m["cited"] = out->cited;     // a knowledge passage quoted
      if (!out->media.empty()) {
        json media = json::array();
        for (const auto& x : out->media) media.push_back({{"url", x.url}, {"caption", x.caption}});
        m["media"] = std::move(media);
      }
      messages.push_back(std::move(m));
    }
  }
  if (messages.size() > max_messages)
    messages.erase(messages.begin(), messages.end() - static_cast<std::ptrdiff_t>(max_messages));
  add_delivery_ticks(messages, reports, deliveries);
  auto time_or_null = [](int64_t us) -> json {
    return us == 0 ? json(nullptr) : json(events::format_timestamp(us));
  };
  json lines = json::array();
  for (const auto& l : state.cart) lines.push_back(events::to_json(l));
  json customer = events::to_json(state.customer);
  customer["user_id"] = state.user_id;
  return {{"conversation_id", conversation_id},
          {"channel", state.channel},
          {"customer", std::move(customer)},
          {"language", state.language},
          {"stage", domain::to_string(state.stage)},
          {"cart",
           {{"lines", std::move(lines)},
            {"total_cents", domain::cart_total_cents(state.cart)},
            {"currency", state.cart.empty() ? "EUR" : state.cart.front().currency}}},
          {"checkout",
           {{"open", state.checkout_open}, {"awaiting_confirmation", state.awaiting_confirmation}}},
          {"last_shown", state.last_shown},
          {"orders", state.orders},
          {"label", state.label},
          {"archived", state.archived},
          {"handoff", state.handoff_requested},
          {"handoff_since", time_or_null(state.handoff_requested ? state.handoff_since_us : 0)},
          {"handoff_by", state.handoff_requested ? state.handoff_by : std::string()},
          {"received", state.received},
          {"sent", state.sent},
          {"last_received_at", time_or_null(state.last_received_at_us)},
          {"last_sent_at", time_or_null(state.last_sent_at_us)},
          {"messages", std::move(messages)}};
}

}  // namespace parley::http
