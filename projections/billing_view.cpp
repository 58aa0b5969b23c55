#include "projections/billing_view.hpp"

#include <algorithm>
#include <map>
#include <shared_mutex>

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
  // The channel is the conversation id's prefix; a call outside a conversation has none.
  const std::string conversation = p.string("conversation_id");
  const std::string channel = conversation.empty() ? std::string() : channel_of(conversation);
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
  json& r = touch("usage/" + day + "/" + provider + "/" + model + "/" + agent + "/" + channel);
  if (r.empty())
    r = {{"day", day},       {"provider", provider}, {"model", model},
         {"agent", agent},   {"channel", channel},   {"calls", 0},
         {"failed", 0},      {"input_tokens", 0},    {"output_tokens", 0},
         {"cost_micros", 0}, {"latency_ms", 0},      {"pricing_source", price.source}};
  auto add = [](json& row, const char* k, int64_t v) { row[k] = row[k].get<int64_t>() + v; };
  add(r, "calls", 1);
  add(r, "failed", failed);
  add(r, "input_tokens", in);
  add(r, "output_tokens", out);
  add(r, "cost_micros", cost);
  add(r, "latency_ms", latency);
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

BillingView::Usage BillingView::usage(const RowFilter& f, const std::string& provider) const {
  using nlohmann::json;
  Usage u;
  int64_t calls = 0, in = 0, out = 0, cost = 0, failed = 0;
  std::map<std::string, json> by_day;
  {
    std::shared_lock lock(mutex());
    each("usage/", [&](const std::string&, const json& r) {
      if (!f.day_ok(r.value("day", "")) || !f.channel_ok(r) ||
          (!provider.empty() && r.value("provider", "") != provider))
        return;
      json row = r;
      row["cost_usd"] = static_cast<double>(r.value("cost_micros", int64_t{0})) / 1e6;
      calls += r.value("calls", int64_t{0});
      failed += r.value("failed", int64_t{0});
      in += r.value("input_tokens", int64_t{0});
      out += r.value("output_tokens", int64_t{0});
      cost += r.value("cost_micros", int64_t{0});
      json& d = by_day[r.value("day", "")];
      if (d.empty())
        d = {{"day", r.value("day", "")},
             {"calls", 0},
             {"input_tokens", 0},
             {"output_tokens", 0},
             {"cost_micros", 0}};
      for (const char* k : {"calls", "input_tokens", "output_tokens", "cost_micros"})
        d[k] = d[k].get<int64_t>() + r.value(k, int64_t{0});
      u.usage.push_back(std::move(row));
    });
    each("messages/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", "")) && f.channel_ok(r)) u.messages.push_back(r);
    });
    each("fallback/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", ""))) u.fallbacks.push_back(r);
    });
  }
  for (auto& [day, d] : by_day) {
    d["cost_usd"] = static_cast<double>(d["cost_micros"].get<int64_t>()) / 1e6;
    u.by_day.push_back(std::move(d));
  }
  u.totals = {{"calls", calls},
              {"failed", failed},
              {"input_tokens", in},
              {"output_tokens", out},
              {"cost_usd", static_cast<double>(cost) / 1e6}};
  return u;
}

std::vector<nlohmann::json> BillingView::conversations(const RowFilter& f, const std::string& only,
                                                       size_t limit) const {
  using nlohmann::json;
  std::vector<json> rows;
  {
    std::shared_lock lock(mutex());
    auto take = [&](const std::string&, const json& r) {
      // A conversation counts when its LLM use overlaps the dates asked for.
      if ((!f.from.empty() && r.value("last_day", "") < f.from) ||
          (!f.to.empty() && r.value("first_day", "") > f.to))
        return;
      if (!f.channel.empty() && channel_of(r.value("conversation_id", "")) != f.channel) return;
      json row = r;
      row["cost_usd"] = static_cast<double>(r.value("cost_micros", int64_t{0})) / 1e6;
      rows.push_back(std::move(row));
    };
    if (only.empty())
      each("conversation/", take);
    else if (const json* r = find("conversation/" + only))
      take("", *r);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a.value("cost_micros", int64_t{0}) > b.value("cost_micros", int64_t{0});
  });
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

}  // namespace parley::projections
