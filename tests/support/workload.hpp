// A mixed, realistic log for projection tests and benchmarks: shoppers on
// several channels who search (some find nothing), fill and change carts,
// check out and order (with the order's own stream), get nudged; LLM calls;
// and leads with meetings and follow-ups. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "events/event_store.hpp"

namespace parley::testing {

class Workload {
 public:
  explicit Workload(uint64_t seed = 42, int64_t start_us = int64_t{1795321800} * 1000000)
      : rng_(seed), now_(start_us) {}

  // The appends of one shopper conversation (about 15 events) or, every
  // 20th call, of one lead.
  std::vector<events::AppendRequest> next() {
    ++n_;
    if (n_ % 20 == 0) return lead();
    return conversation();
  }

  // Appends batches until the store holds at least `events` events.
  void fill(events::EventStore& store, uint64_t events) {
    std::vector<events::AppendRequest> batch;
    while (store.last_position() < events) {
      for (int i = 0; i < 64; ++i)
        for (auto& r : next()) batch.push_back(std::move(r));
      store.append_batch(batch);
      batch.clear();
    }
  }

 private:
  events::NewEvent ev(std::string type, std::string payload) {
    now_ += static_cast<int64_t>(rng_() % 90'000'000);  // up to 90 s later
    return {std::move(type), 1, now_, "", std::move(payload)};
  }
  static std::string q(const std::string& s) { return "\"" + s + "\""; }

  std::vector<events::AppendRequest> conversation() {
    static const char* kChannels[] = {"telegram", "whatsapp", "api", "twilio"};
    static const char* kQueries[] = {"wood screws", "hammer", "paint brush", "drill",
                                     "zzq-none",    "ladder", "tape"};
    const std::string channel = kChannels[rng_() % 4];
    const std::string id = channel + ":" + std::to_string(100000 + n_);
    events::AppendRequest r{{"conversation", id}, 0, {}, {}};
    auto& e = r.events;
    const std::string user = std::to_string(100000 + n_);
    e.push_back(
        ev("conversation.message_received",
           "{\"message_id\":" + q(id + "#1") + ",\"channel\":" + q(channel) +
               ",\"user_id\":" + q(user) +
               ",\"text\":\"hola, I need something to fasten wood\",\"platform_message_id\":" +
               q("p" + std::to_string(n_)) + ",\"language\":\"en\"}"));
    const std::string query = kQueries[rng_() % 7];
    const bool found = query != "zzq-none";
    e.push_back(ev("conversation.search_performed",
                   "{\"query\":" + q(query) + ",\"results\":" + (found ? "5" : "0") + "}"));
    if (found)
      e.push_back(ev("conversation.products_shown", "{\"skus\":[\"HW-SCR-001\",\"HW-HAM-002\"]}"));
    e.push_back(
        ev("conversation.message_sent",
           "{\"message_id\":" + q(id + "#2") + ",\"channel\":" + q(channel) +
               ",\"user_id\":" + q(user) +
               ",\"text\":\"Here is what I found: 1. Wood screws 2. Hammer\",\"in_reply_to\":" +
               q(id + "#1") + "}"));
    if (rng_() % 3 == 0) {
      e.push_back(ev(projection_usage_type(),
                     "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini-2024-07-18\","
                     "\"agent\":\"shop\",\"input_tokens\":" +
                         std::to_string(400 + rng_() % 800) +
                         ",\"output_tokens\":" + std::to_string(50 + rng_() % 200) + "}"));
    }
    if (!found || rng_() % 4 == 0) {
      e.push_back(ev("conversation.nudge_scheduled",
                     "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1,\"due_us\":" +
                         std::to_string(now_ + 3 * 3600 * int64_t{1000000}) + "}"));
      e.push_back(
          ev("conversation.nudge_cancelled",
             "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1,\"reason\":\"not_shopping\"}"));
      return {r};
    }
    const int lines = 1 + static_cast<int>(rng_() % 3);
    for (int i = 0; i < lines; ++i)
      e.push_back(
          ev("cart.item_added", "{\"line\":{\"sku\":\"HW-SCR-00" + std::to_string(i) +
                                    "\",\"name\":\"Wood screws " + std::to_string(i) +
                                    "\",\"quantity\":" + std::to_string(1 + rng_() % 5) +
                                    ",\"unit_price_cents\":" + std::to_string(199 + rng_() % 5000) +
                                    ",\"currency\":\"EUR\",\"color\":\"\",\"size\":\"\"}}"));
    if (rng_() % 2)
      e.push_back(ev("cart.quantity_changed", "{\"sku\":\"HW-SCR-000\",\"quantity\":4}"));
    if (lines > 1 && rng_() % 3 == 0)
      e.push_back(ev("cart.item_removed", "{\"sku\":\"HW-SCR-001\"}"));
    e.push_back(ev("conversation.nudge_scheduled",
                   "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1,\"due_us\":" +
                       std::to_string(now_ + 3 * 3600 * int64_t{1000000}) + "}"));
    const uint64_t fate = rng_() % 10;
    if (fate < 3) {  // abandoned: nudged, maybe twice
      e.push_back(
          ev("conversation.nudge_sent", "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1}"));
      return {r};
    }
    e.push_back(ev("conversation.message_received",
                   "{\"message_id\":" + q(id + "#3") + ",\"channel\":" + q(channel) +
                       ",\"user_id\":" + q(user) +
                       ",\"text\":\"checkout please\",\"platform_message_id\":" +
                       q("p" + std::to_string(n_) + "b") + "}"));
    e.push_back(ev("checkout.started", "{}"));
    if (fate < 4) {
      e.push_back(ev("cart.cleared", "{}"));
      e.push_back(
          ev("conversation.nudge_cancelled",
             "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1,\"reason\":\"not_shopping\"}"));
      return {r};
    }
    e.push_back(ev("checkout.details_provided", "{\"name\":\"Ana Pérez\",\"phone\":\"+34 600 " +
                                                    std::to_string(100000 + n_ % 5000) +
                                                    "\",\"city\":\"Madrid\"}"));
    e.push_back(ev("checkout.confirmation_requested", "{}"));
    const std::string order = "ORD-" + std::to_string(n_);
    const int64_t total = 1000 + static_cast<int64_t>(rng_() % 20000);
    e.push_back(ev("conversation.order_placed", "{\"order_id\":" + q(order) +
                                                    ",\"total_cents\":" + std::to_string(total) +
                                                    ",\"currency\":\"EUR\"}"));
    e.push_back(
        ev("conversation.nudge_cancelled",
           "{\"nudge_id\":" + q(id + "/n1") + ",\"number\":1,\"reason\":\"order_placed\"}"));
    events::LinkedAppend link{{"order", order}, 0, {}};
    link.events.push_back(
        ev("order.placed", "{\"order_id\":" + q(order) + ",\"conversation_id\":" + q(id) +
                               ",\"customer\":{\"name\":\"Ana Pérez\",\"phone\":\"+34 600 " +
                               std::to_string(100000 + n_ % 5000) +
                               "\"},\"lines\":[],\"total_cents\":" + std::to_string(total) +
                               ",\"currency\":\"EUR\",\"placed_at_us\":" + std::to_string(now_) +
                               "}"));
    r.linked.push_back(std::move(link));
    return {r};
  }

  std::vector<events::AppendRequest> lead() {
    const std::string id = "lead-" + std::to_string(n_);
    events::AppendRequest r{{"lead", id}, 0, {}, {}};
    auto& e = r.events;
    e.push_back(
        ev("lead.created", "{\"company\":\"Acme " + std::to_string(n_) +
                               "\",\"contact_name\":\"John\",\"phone\":\"+91 98765 43210\","
                               "\"email\":\"\",\"source\":\"website\",\"assignee\":\"ravi\","
                               "\"creator\":\"priya\",\"by\":\"priya\"}"));
    e.push_back(ev(
        "lead.appointment_scheduled",
        "{\"appointment\":{\"id\":\"a1\",\"kind\":\"demo\",\"when_local\":\"2026-11-25T15:00\","
        "\"when_us\":1795593600000000,\"assignee\":\"ravi\",\"note\":\"\",\"state\":\"scheduled\"},"
        "\"by\":\"priya\"}"));
    e.push_back(
        ev("lead.appointment_done",
           "{\"appointment_id\":\"a1\",\"kind\":\"demo\",\"note\":\"liked it\",\"by\":\"ravi\"}"));
    e.push_back(
        ev("lead.follow_up_scheduled",
           "{\"step\":{\"step_id\":\"s1\",\"sequence\":\"demo_follow_up\",\"index\":0,\"due_us\":" +
               std::to_string(now_ + 86400 * int64_t{1000000}) +
               ",\"text\":\"Thanks for your time\",\"attachment_url\":\"\",\"state\":\"pending\"},"
               "\"by\":\"ravi\"}"));
    if (rng_() % 2)
      e.push_back(ev("lead.assigned", "{\"from\":\"ravi\",\"to\":\"neha\",\"by\":\"priya\"}"));
    e.push_back(ev("lead.follow_up_sent", "{\"step_id\":\"s1\",\"to\":\"ravi\"}"));
    return {r};
  }

  static const char* projection_usage_type() { return "llm.usage"; }

  std::mt19937_64 rng_;
  int64_t now_;
  uint64_t n_ = 0;
};

}  // namespace parley::testing
