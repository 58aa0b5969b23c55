#include "projections/activity.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>

#include "events/conversation_codec.hpp"
#include "events/lead_codec.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;
namespace lt = events::lead_codec::types;

using nlohmann::json;

namespace {

std::string money(int64_t cents, const std::string& currency) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%02lld %s", static_cast<long long>(cents / 100),
                static_cast<long long>((cents < 0 ? -cents : cents) % 100), currency.c_str());
  return buf;
}

std::string s(const Fields& p, const char* k) {
  return p.string(k);
}

std::string n(const Fields& p, const char* k, int64_t otherwise = 0) {
  return std::to_string(p.i64(k, otherwise));
}

// "a, b, c", sorted
std::string joined(std::vector<std::string_view> keys) {
  std::sort(keys.begin(), keys.end());
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

std::string human(const std::string& local) {  // "2026-11-25T15:00" -> "2026-11-25 15:00"
  std::string out = local;
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

// The events a person would care about; the rest of the stream is left out.
bool wanted(std::string_view type) {
  if (type == ct::kStageChanged || type == ct::kDeliveryStatus || type == ct::kProductsShown)
    return false;
  return type.substr(0, 13) == "conversation." || type.substr(0, 5) == "cart." ||
         type.substr(0, 9) == "checkout." || type.substr(0, 5) == "lead.";
}

}  // namespace

std::string activity_words(const std::string& t, const Fields& p, const Calendar& cal) {
  if (t == ct::kMessageReceived) {
    std::string kind = s(p, "kind");
    std::string text = s(p, "text");
    if (!kind.empty() && kind != "text") text = "[" + kind + "] " + text;
    return "Wrote: " + text;
  }
  if (t == ct::kMessageSent) {
    if (p.has("template")) return "Sent the template " + s(p.object("template"), "name");
    return "Answered: " + s(p, "text");
  }
  if (t == ct::kSearchPerformed)
    return "Searched \"" + s(p, "query") + "\": " + n(p, "results") + " found";
  if (t == ct::kItemAdded) {
    const Fields l = p.object("line");
    return "Added " + n(l, "quantity") + " × " + s(l, "name");
  }
  if (t == ct::kItemRemoved) return "Removed " + s(p, "sku");
  if (t == ct::kQuantityChanged)
    return "Quantity of " + s(p, "sku") + " set to " + n(p, "quantity");
  if (t == ct::kVariantChosen)
    return "Chose " + s(p, "color") + (s(p, "size").empty() ? "" : " size " + s(p, "size")) +
           " for " + s(p, "sku");
  if (t == ct::kCartCleared) return "Emptied the cart";
  if (t == ct::kCheckoutStarted) return "Started checkout";
  if (t == ct::kDetailsProvided) return "Gave delivery details (" + joined(p.keys()) + ")";
  if (t == ct::kConfirmationRequested) return "Asked to confirm the order";
  if (t == ct::kCheckoutCancelled) return "Cancelled checkout";
  if (t == ct::kOrderPlaced)
    return "Placed order " + s(p, "order_id") + " for " +
           money(p.i64("total_cents"), s(p, "currency"));
  if (t == ct::kHandoffRequested) return "Handed to a person";
  if (t == ct::kHandoffEnded) return "Back to the bot";
  if (t == ct::kNudgeScheduled)
    return "Nudge " + n(p, "number", 1) + " scheduled for " + cal.date(p.i64("due_us")) +
           " (local)";
  if (t == ct::kNudgeSent)
    return "Nudge " + n(p, "number", 1) + " sent" +
           (s(p, "template").empty() ? "" : " as template " + s(p, "template"));
  if (t == ct::kNudgeSkipped) return "Nudge " + n(p, "number", 1) + " skipped: " + s(p, "reason");
  if (t == ct::kNudgeCancelled)
    return "Nudge " + n(p, "number", 1) + " cancelled: " + s(p, "reason");
  if (t == lt::kCreated)
    return "Lead created for " + s(p, "company") +
           (s(p, "contact_name").empty() ? "" : ", contact " + s(p, "contact_name")) +
           (s(p, "assignee").empty() ? "" : ", assigned to " + s(p, "assignee"));
  if (t == lt::kAssigned) return "Assigned from " + s(p, "from") + " to " + s(p, "to");
  if (t == lt::kQualified) return "Marked qualified";
  if (t == lt::kDetailsUpdated) return "Details updated: " + joined(p.object("fields").keys());
  if (t == lt::kAppointmentScheduled) {
    const Fields a = p.object("appointment");
    return s(a, "kind") + " scheduled for " + human(s(a, "when_local")) +
           (s(a, "assignee").empty() ? "" : " with " + s(a, "assignee"));
  }
  if (t == lt::kAppointmentRescheduled)
    return "Moved from " + human(s(p, "from_local")) + " to " + human(s(p, "when_local"));
  if (t == lt::kAppointmentDone)
    return s(p, "kind") + " done" + (s(p, "note").empty() ? "" : ": " + s(p, "note"));
  if (t == lt::kAppointmentCancelled) return s(p, "kind") + " cancelled";
  if (t == lt::kActivityAdded) return "Note: " + s(p, "note");
  if (t == lt::kStatusChanged) return "Status changed from " + s(p, "from") + " to " + s(p, "to");
  if (t == lt::kFollowUpScheduled) {
    const Fields st = p.object("step");
    return "Follow-up " + std::to_string(st.i64("index") + 1) + " scheduled for " +
           cal.date(st.i64("due_us"));
  }
  if (t == lt::kFollowUpSent) return "Follow-up sent to " + s(p, "to");
  if (t == lt::kFollowUpSkipped) return "Follow-up skipped: " + s(p, "reason");
  return "";
}

events::Expected<json> activity_history(events::EventStore& log, const std::string& kind,
                                        const std::string& id, const Calendar& calendar) {
  json out = json::array();
  simdjson::dom::parser parser;
  std::vector<events::EventEnvelope> page;
  constexpr size_t kPage = 512;  // read in pages: memory is the answer's, not the stream's
  for (uint64_t from = 1;; from += kPage) {
    page.clear();
    if (auto st = log.read_stream({kind, id}, from, kPage, &page); !st.ok()) return st;
    for (const auto& e : page) {
      if (!wanted(e.type)) continue;
      simdjson::dom::element root;
      const bool object =
          parser.parse(e.payload).get(root) == simdjson::SUCCESS && root.is_object();
      const Fields p = object ? Fields(simdjson::dom::object(root)) : Fields();
      std::string text = activity_words(e.type, p, calendar);
      if (text.empty()) continue;
      std::string by = p.string("by");
      if (e.type == ct::kMessageReceived) by = "shopper";
      if (e.type == ct::kMessageSent) by = p.str("author").empty() ? "bot" : p.string("author");
      out.push_back({{"at_us", e.timestamp_us},
                     {"by", std::move(by)},
                     {"text", std::move(text)},
                     {"type", e.type}});
    }
    if (page.size() < kPage) break;
  }
  if (out.empty()) return events::Status::NotFound(kind + "/" + id);
  return out;
}

}  // namespace parley::projections
