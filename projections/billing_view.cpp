#include "projections/billing_view.hpp"

#include "events/conversation_codec.hpp"
#include "projections/carts_view.hpp"
#include "projections/fields.hpp"
#include "projections/pricing.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;

using nlohmann::json;

bool BillingView::wants(std::string_view type) const {
  return type == kLlmUsage || type == kLlmFallback || type == ct::kMessageReceived ||
         type == ct::kMessageSent;
}

void BillingView::apply(const ProjectedEvent& e) {
  const std::string day = calendar_.date(e.env.timestamp_us);
  if (e.env.type == kLlmFallback) {
    const Fields p = e.payload();
    const std::string reason = p.string("reason").empty() ? "unknown" : p.string("reason");
    json& r = touch("fallback/" + day + "/" + reason);
    if (r.empty()) r = {{"day", day}, {"reason", reason}, {"count", 0}};
    r["count"] = r["count"].get<int64_t>() + 1;
    const std::string conversation = p.string("conversation_id");
    if (!conversation.empty()) {
      json& c = conversation_row(conversation, day);
      c["fallbacks"] = c["fallbacks"].get<int64_t>() + 1;
    }
    return;
  }
  if (e.env.type != kLlmUsage) {
    const std::string channel = channel_of(e.env.entity_id);
    json& r = touch("messages/" + day + "/" + channel);
    if (r.empty()) r = {{"day", day}, {"channel", channel}, {"received", 0}, {"sent", 0}};
    const char* field = e.env.type == ct::kMessageReceived ? "received" : "sent";
    r[field] = r[field].get<int64_t>() + 1;
    return;
  }
  const Fields p = e.payload();
  auto or_else = [](std::string_view v, const char* otherwise) {
    return v.empty() ? std::string(otherwise) : std::string(v);
  };
  const std::string provider = or_else(p.str("provider"), "unknown");
  const std::string model = or_else(p.str("model"), "unknown");
  const std::string agent = or_else(p.str("agent"), "shop");
  const int64_t in = p.i64("input_tokens");
  const int64_t out = p.i64("output_tokens");
  const int64_t latency = p.i64("latency_ms");
  const std::string outcome = or_else(p.str("outcome"), "ok");
  const int64_t failed = outcome == "ok" ? 0 : 1;
  const Price price = price_of(provider, model);
  const int64_t cost = cost_micros(price, in, out);
  json& r = touch("usage/" + day + "/" + provider + "/" + model + "/" + agent);
  if (r.empty())
    r = {{"day", day},
         {"provider", provider},
         {"model", model},
         {"agent", agent},
         {"calls", 0},
         {"failed", 0},
         {"input_tokens", 0},
         {"output_tokens", 0},
         {"cost_micros", 0},
         {"latency_ms", 0},
         {"pricing_source", price.source}};
  auto add = [](json& row, const char* k, int64_t v) { row[k] = row[k].get<int64_t>() + v; };
  add(r, "calls", 1);
  add(r, "failed", failed);
  add(r, "input_tokens", in);
  add(r, "output_tokens", out);
  add(r, "cost_micros", cost);
  add(r, "latency_ms", latency);
  const std::string conversation = p.string("conversation_id");
  if (conversation.empty()) return;
  json& c = conversation_row(conversation, day);
  add(c, "calls", 1);
  add(c, "failed", failed);
  add(c, "input_tokens", in);
  add(c, "output_tokens", out);
  add(c, "cost_micros", cost);
}

nlohmann::json& BillingView::conversation_row(const std::string& id, const std::string& day) {
  json& c = touch("conversation/" + id);
  if (c.empty())
    c = {{"conversation_id", id}, {"first_day", day},  {"last_day", day},    {"calls", 0},
         {"failed", 0},           {"input_tokens", 0}, {"output_tokens", 0}, {"cost_micros", 0},
         {"fallbacks", 0}};
  c["last_day"] = day;
  return c;
}

}  // namespace parley::projections
