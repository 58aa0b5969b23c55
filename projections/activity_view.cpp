#include "projections/activity_view.hpp"

#include <cstdio>

#include "projections/projection_engine.hpp"

namespace parley::projections {

using nlohmann::json;

namespace {

std::string chunk_key(const std::string& entity, uint64_t chunk) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(chunk));
  return entity + "/" + buf;
}

std::string money(int64_t cents, const std::string& currency) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%02lld %s", static_cast<long long>(cents / 100),
                static_cast<long long>((cents < 0 ? -cents : cents) % 100), currency.c_str());
  return buf;
}

std::string s(const json& p, const char* k) {
  auto it = p.find(k);
  return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string human(const std::string& local) {  // "2026-11-25T15:00" -> "2026-11-25 15:00"
  std::string out = local;
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

}  // namespace

bool ActivityView::wants(std::string_view type) const {
  if (type == "conversation.stage_changed" || type == "conversation.delivery_status" ||
      type == "conversation.products_shown")
    return false;
  return type.substr(0, 13) == "conversation." || type.substr(0, 5) == "cart." ||
         type.substr(0, 9) == "checkout." || type.substr(0, 5) == "lead.";
}

std::string ActivityView::words(const std::string& t, const json& p, const Calendar& cal) {
  if (t == "conversation.message_received") {
    std::string kind = s(p, "kind");
    std::string text = s(p, "text");
    if (!kind.empty() && kind != "text") text = "[" + kind + "] " + text;
    return "Wrote: " + text;
  }
  if (t == "conversation.message_sent") {
    if (p.contains("template")) return "Sent the template " + s(p["template"], "name");
    return "Answered: " + s(p, "text");
  }
  if (t == "conversation.search_performed")
    return "Searched \"" + s(p, "query") + "\": " + std::to_string(p.value("results", 0)) +
           " found";
  if (t == "cart.item_added") {
    const json l = p.value("line", json::object());
    return "Added " + std::to_string(l.value("quantity", 0)) + " × " + s(l, "name");
  }
  if (t == "cart.item_removed") return "Removed " + s(p, "sku");
  if (t == "cart.quantity_changed")
    return "Quantity of " + s(p, "sku") + " set to " + std::to_string(p.value("quantity", 0));
  if (t == "cart.variant_chosen")
    return "Chose " + s(p, "color") + (s(p, "size").empty() ? "" : " size " + s(p, "size")) +
           " for " + s(p, "sku");
  if (t == "cart.cleared") return "Emptied the cart";
  if (t == "checkout.started") return "Started checkout";
  if (t == "checkout.details_provided") {
    std::string fields;
    for (auto it = p.begin(); it != p.end(); ++it)
      fields += (fields.empty() ? "" : ", ") + it.key();
    return "Gave delivery details (" + fields + ")";
  }
  if (t == "checkout.confirmation_requested") return "Asked to confirm the order";
  if (t == "checkout.cancelled") return "Cancelled checkout";
  if (t == "conversation.order_placed")
    return "Placed order " + s(p, "order_id") + " for " +
           money(p.value("total_cents", int64_t{0}), s(p, "currency"));
  if (t == "conversation.handoff_requested") return "Handed to a person";
  if (t == "conversation.handoff_ended") return "Back to the bot";
  if (t == "conversation.nudge_scheduled")
    return "Nudge " + std::to_string(p.value("number", 1)) + " scheduled for " +
           cal.date(p.value("due_us", int64_t{0})) + " (local)";
  if (t == "conversation.nudge_sent")
    return "Nudge " + std::to_string(p.value("number", 1)) + " sent" +
           (s(p, "template").empty() ? "" : " as template " + s(p, "template"));
  if (t == "conversation.nudge_skipped")
    return "Nudge " + std::to_string(p.value("number", 1)) + " skipped: " + s(p, "reason");
  if (t == "conversation.nudge_cancelled")
    return "Nudge " + std::to_string(p.value("number", 1)) + " cancelled: " + s(p, "reason");
  if (t == "lead.created")
    return "Lead created for " + s(p, "company") +
           (s(p, "contact_name").empty() ? "" : ", contact " + s(p, "contact_name")) +
           (s(p, "assignee").empty() ? "" : ", assigned to " + s(p, "assignee"));
  if (t == "lead.assigned") return "Assigned from " + s(p, "from") + " to " + s(p, "to");
  if (t == "lead.qualified") return "Marked qualified";
  if (t == "lead.details_updated") {
    std::string fields;
    const json f = p.value("fields", json::object());
    for (auto it = f.begin(); it != f.end(); ++it)
      fields += (fields.empty() ? "" : ", ") + it.key();
    return "Details updated: " + fields;
  }
  if (t == "lead.appointment_scheduled") {
    const json a = p.value("appointment", json::object());
    return s(a, "kind") + " scheduled for " + human(s(a, "when_local")) +
           (s(a, "assignee").empty() ? "" : " with " + s(a, "assignee"));
  }
  if (t == "lead.appointment_rescheduled")
    return "Moved from " + human(s(p, "from_local")) + " to " + human(s(p, "when_local"));
  if (t == "lead.appointment_done")
    return s(p, "kind") + " done" + (s(p, "note").empty() ? "" : ": " + s(p, "note"));
  if (t == "lead.appointment_cancelled") return s(p, "kind") + " cancelled";
  if (t == "lead.activity_added") return "Note: " + s(p, "note");
  if (t == "lead.status_changed")
    return "Status changed from " + s(p, "from") + " to " + s(p, "to");
  if (t == "lead.follow_up_scheduled") {
    const json st = p.value("step", json::object());
    return "Follow-up " + std::to_string(st.value("index", 0) + 1) + " scheduled for " +
           cal.date(st.value("due_us", int64_t{0}));
  }
  if (t == "lead.follow_up_sent") return "Follow-up sent to " + s(p, "to");
  if (t == "lead.follow_up_skipped") return "Follow-up skipped: " + s(p, "reason");
  return "";
}

void ActivityView::apply(const ProjectedEvent& e) {
  const auto& p = e.payload();
  std::string text = words(e.env.type, p, calendar_);
  if (text.empty()) return;
  std::string by = s(p, "by");
  if (e.env.type == "conversation.message_received") by = "shopper";
  if (e.env.type == "conversation.message_sent")
    by = s(p, "author").empty() ? "bot" : s(p, "author");
  const std::string entity = e.env.entity_type + "/" + e.env.entity_id;
  Tail& tail = tails_[entity];
  if (tail.entries.size() >= kChunk) {  // the chunk is full: keep it for the commit, start anew
    if (tail.changed)
      full_.push_back({chunk_key(entity, (tail.count - 1) / kChunk),
                       canonical(json{{"entries", tail.entries}})});
    tail.entries = json::array();
  }
  tail.entries.push_back(
      {{"at_us", e.env.timestamp_us}, {"type", e.env.type}, {"by", by}, {"text", std::move(text)}});
  ++tail.count;
  if (!tail.changed) {
    tail.changed = true;
    changed_.push_back(entity);
  }
}

void ActivityView::take_changes(std::vector<ViewWrite>* out) {
  for (auto& w : full_) out->push_back(std::move(w));
  full_.clear();
  for (const auto& entity : changed_) {
    Tail& tail = tails_[entity];
    tail.changed = false;
    const uint64_t chunk = (tail.count - 1) / kChunk;
    out->push_back({chunk_key(entity, chunk), canonical(json{{"entries", tail.entries}})});
  }
  changed_.clear();
}

events::Status ActivityView::load_row(std::string_view key, std::string_view value) {
  auto slash = key.rfind('/');
  if (slash == std::string_view::npos) return events::Status::Corruption("activity key");
  const std::string entity(key.substr(0, slash));
  const uint64_t chunk = std::strtoull(std::string(key.substr(slash + 1)).c_str(), nullptr, 10);
  auto j = json::parse(value, nullptr, false);
  if (!j.is_object()) return events::Status::Corruption("activity row " + std::string(key));
  Tail& tail = tails_[entity];  // rows arrive in key order: the last chunk wins
  tail.entries = j.value("entries", json::array());
  tail.count = chunk * kChunk + tail.entries.size();
  tail.changed = false;
  return events::Status::Ok();
}

void ActivityView::clear() {
  tails_.clear();
  full_.clear();
  changed_.clear();
}

events::Expected<json> ActivityView::entries(ViewStore& views, const std::string& kind,
                                             const std::string& id) {
  json out = json::array();
  const std::string prefix = ProjectionEngine::row_prefix("activity") + kind + "/" + id + "/";
  auto st = views.scan(prefix, [&](std::string_view, std::string_view v) {
    auto j = json::parse(v, nullptr, false);
    if (j.is_object())
      for (auto& e : j["entries"]) out.push_back(std::move(e));
    return true;
  });
  if (!st.ok()) return st;
  if (out.empty()) return events::Status::NotFound(kind + "/" + id);
  return out;
}

}  // namespace parley::projections
