#include "projections/billing_view.hpp"

#include "projections/carts_view.hpp"
#include "projections/fields.hpp"
#include "projections/pricing.hpp"

namespace parley::projections {

using nlohmann::json;

bool BillingView::wants(std::string_view type) const {
  return type == kLlmUsage || type == "conversation.message_received" ||
         type == "conversation.message_sent";
}

void BillingView::apply(const ProjectedEvent& e) {
  const std::string day = calendar_.date(e.env.timestamp_us);
  if (e.env.type != kLlmUsage) {
    const std::string channel = channel_of(e.env.entity_id);
    json& r = touch("messages/" + day + "/" + channel);
    if (r.empty()) r = {{"day", day}, {"channel", channel}, {"received", 0}, {"sent", 0}};
    const char* field = e.env.type == "conversation.message_received" ? "received" : "sent";
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
  const Price price = price_of(provider, model);
  json& r = touch("usage/" + day + "/" + provider + "/" + model + "/" + agent);
  if (r.empty())
    r = {{"day", day},         {"provider", provider}, {"model", model},
         {"agent", agent},     {"calls", 0},           {"input_tokens", 0},
         {"output_tokens", 0}, {"cost_micros", 0},     {"pricing_source", price.source}};
  r["calls"] = r["calls"].get<int64_t>() + 1;
  r["input_tokens"] = r["input_tokens"].get<int64_t>() + in;
  r["output_tokens"] = r["output_tokens"].get<int64_t>() + out;
  r["cost_micros"] = r["cost_micros"].get<int64_t>() + cost_micros(price, in, out);
}

}  // namespace parley::projections
