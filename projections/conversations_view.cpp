#include "projections/conversations_view.hpp"

#include <algorithm>
#include <shared_mutex>

#include "brain/text.hpp"
#include "domain/conversation.hpp"
#include "domain/delivery.hpp"
#include "events/conversation_codec.hpp"
#include "events/envelope_json.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;
namespace dt = domain::delivery::types;
using nlohmann::json;

namespace {

bool is(std::string_view type, const char* name) {
  return type == name;
}

// What a search compares with, kept beside the row and left out of the pages.
constexpr const char* kNameKey = "search_name";    // the name, folded
constexpr const char* kPhoneKey = "search_phone";  // the phone's digits
constexpr const char* kLabelKey = "search_label";  // the label, folded
// Shopper-given text is capped before it is kept (a model's tool call may carry any length).
constexpr size_t kMaxNameBytes = 200, kMaxPhoneBytes = 40;

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

// What a search matches: the id as typed, the customer's name folded (case,
// Latin accents), and, for a search of 3 digits or more, the digits of the
// id and the phone ("+34 600-111" finds whatsapp:34600111222).
struct Search {
  std::string text, folded, digits;
  explicit Search(const std::string& q)
      : text(q), folded(brain::fold(q)), digits(digits_of(q).size() >= 3 ? digits_of(q) : "") {}
  // The row's keys are folded once, when the details arrive (kNameKey, kPhoneKey).
  bool matches(const std::string& id, const json& row) const {
    if (text.empty() || id.find(text) != std::string::npos) return true;
    auto has = [&row](const char* key, const std::string& part) {
      auto it = row.find(key);
      return it != row.end() && it->get_ref<const std::string&>().find(part) != std::string::npos;
    };
    if (!folded.empty() && (has(kNameKey, folded) || has(kLabelKey, folded))) return true;
    return !digits.empty() &&
           (digits_of(id).find(digits) != std::string::npos || has(kPhoneKey, digits));
  }
};

// "1765000000000000:telegram:42" -> {time, id}; false if malformed.
bool read_cursor(const std::string& cursor, int64_t* at_us, std::string* id) {
  const auto colon = cursor.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 20) return false;
  for (size_t i = 0; i < colon; ++i)
    if (cursor[i] < '0' || cursor[i] > '9') return false;
  *at_us = std::stoll(cursor.substr(0, colon));
  *id = cursor.substr(colon + 1);
  return true;
}

}  // namespace

std::string preview(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

namespace {

// News of a sent message's delivery changes no row, but the conversation's
// page shows it (its ticks), so its readers hear of it.
bool is_delivery_news(std::string_view type) {
  return is(type, dt::kPartSent) || is(type, dt::kDeadLettered) || is(type, ct::kDeliveryStatus);
}

}  // namespace

bool ConversationsView::wants(std::string_view type) const {
  return is(type, ct::kMessageReceived) || is(type, ct::kMessageSent) ||
         is(type, ct::kStageChanged) || is(type, ct::kHandoffRequested) ||
         is(type, ct::kHandoffEnded) || is(type, ct::kCustomerForgotten) ||
         is(type, ct::kDetailsProvided) || is(type, ct::kDetailsCorrected) ||
         is(type, ct::kLabelled) || is(type, ct::kArchived) || is_delivery_news(type);
}

void ConversationsView::apply(const ProjectedEvent& e) {
  const auto& id = e.env.entity_id;
  const auto& type = e.env.type;
  if (is_delivery_news(type)) {
    // A delivery stream is named by its message, "<conversation id>#<n>";
    // a platform's report is on the conversation's own stream.
    const std::string conversation =
        e.env.entity_type == domain::delivery::kEntityType ? id.substr(0, id.rfind('#')) : id;
    auto& news = unpublished_details_;
    if (row(conversation) && (news.empty() || news.back() != conversation))
      news.push_back(conversation);
    return;
  }
  json* existing = row(id);
  if (!existing && !is(type, ct::kMessageReceived)) return;
  json& c = touch(id);
  if (unpublished_.empty() || unpublished_.back() != id) unpublished_.push_back(id);
  if (!existing)
    c = {{"conversation_id", id},
         {"channel", channel_of(id)},
         {"user_id", ""},
         {"language", ""},
         {"stage", "greeting"},
         {"last_message", ""},
         {"last_from", ""},
         {"last_at_us", 0},
         {"first_at_us", e.env.timestamp_us},
         {"messages", 0},
         {"unread", 0},
         {"handoff", false},
         {"handoff_since_us", 0},
         {"label", ""},
         {"archived", false},
         {"forgotten", false}};
  const Fields p = e.payload();
  const bool forgotten = c.value("forgotten", false);
  if (is(type, ct::kMessageReceived) || is(type, ct::kMessageSent)) {
    const bool in = is(type, ct::kMessageReceived);
    c["messages"] = c.value("messages", 0) + 1;
    c["last_at_us"] = e.env.timestamp_us;
    c["unread"] = in ? c.value("unread", 0) + 1 : 0;
    c["last_from"] = in ? "shopper" : (p.str("author").empty() ? "bot" : "person");
    if (in) c["archived"] = false;  // as the conversation's state (domain/conversation.cpp)
    if (forgotten) return;
    if (in) {
      c["user_id"] = std::string(p.str("user_id"));
      if (!p.str("language").empty()) c["language"] = std::string(p.str("language"));
    }
    const std::string_view kind = p.str("kind");
    std::string text = preview(p.str("text"), kPreviewBytes);
    if (text.empty() && !kind.empty()) text = "[" + std::string(kind) + "]";
    c["last_message"] = text;
  } else if (is(type, ct::kStageChanged)) {
    c["stage"] = std::string(p.str("stage"));
  } else if (is(type, ct::kHandoffRequested)) {
    c["handoff"] = true;
    c["handoff_since_us"] = e.env.timestamp_us;
  } else if (is(type, ct::kHandoffEnded)) {
    c["handoff"] = false;
    c["handoff_since_us"] = 0;
  } else if (is(type, ct::kArchived)) {
    c["archived"] = p.json("archived") == true;
  } else if (is(type, ct::kLabelled)) {
    if (forgotten) return;
    c["label"] = preview(p.str("label"), domain::conversation::kMaxLabelBytes);
    c[kLabelKey] = brain::fold(c["label"].get<std::string>());
  } else if (is(type, ct::kDetailsProvided) || is(type, ct::kDetailsCorrected)) {
    if (forgotten) return;
    if (const auto name = p.str("name"); !name.empty()) {
      c["customer_name"] = preview(name, kMaxNameBytes);
      c[kNameKey] = brain::fold(c["customer_name"].get<std::string>());
    }
    if (const auto phone = p.str("phone"); !phone.empty()) {
      c["customer_phone"] = preview(phone, kMaxPhoneBytes);
      c[kPhoneKey] = digits_of(phone.substr(0, kMaxPhoneBytes));
    }
  } else if (is(type, ct::kCustomerForgotten)) {
    c["forgotten"] = true;
    c["user_id"] = "";
    c["last_message"] = "";
    c["label"] = "";
    for (const char* k : {"customer_name", "customer_phone", kNameKey, kPhoneKey, kLabelKey})
      c.erase(k);
  }
}

void ConversationsView::clear() {
  JsonRowProjection::clear();
  unpublished_.clear();
  unpublished_details_.clear();
}

void ConversationsView::published() {
  changes_.publish(unpublished_, ChangeFeed::Kind::row);
  changes_.publish(unpublished_details_, ChangeFeed::Kind::detail);
  unpublished_.clear();
  unpublished_details_.clear();
}

ConversationPage ConversationsView::page(const ConversationQuery& q,
                                         const std::map<std::string, CartsView::OpenCart>& carts,
                                         const Calendar& calendar) const {
  std::shared_lock lock(mutex());
  struct Hit {
    int64_t at_us;
    const std::string* id;
    const json* row;
  };
  std::vector<Hit> hits;
  const Search search(q.search);
  each("", [&](const std::string& id, const json& c) {
    if (!q.filter.channel_ok(c)) return;
    const int64_t at = c.value("last_at_us", int64_t{0});
    if (!q.filter.from.empty() || !q.filter.to.empty())
      if (!q.filter.day_ok(calendar.date(at))) return;
    if (!q.stage.empty() && c.value("stage", "") != q.stage) return;
    if (q.handoff && c.value("handoff", false) != *q.handoff) return;
    if (q.has_cart && (carts.count(id) > 0) != *q.has_cart) return;
    if (q.archived && c.value("archived", false) != *q.archived) return;
    if (!search.matches(id, c)) return;
    hits.push_back({at, &id, &c});
  });
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.at_us != b.at_us ? a.at_us > b.at_us : *a.id < *b.id;
  });
  ConversationPage out;
  out.matched = hits.size();
  size_t start = 0;
  int64_t after_at = 0;
  std::string after_id;
  if (!q.cursor.empty() && read_cursor(q.cursor, &after_at, &after_id))
    while (start < hits.size() && (hits[start].at_us > after_at ||
                                   (hits[start].at_us == after_at && *hits[start].id <= after_id)))
      ++start;
  const size_t end = std::min(hits.size(), start + std::max<size_t>(q.limit, 1));
  for (size_t i = start; i < end; ++i) {
    json r = *hits[i].row;
    r.erase(kNameKey);
    r.erase(kPhoneKey);
    r.erase(kLabelKey);
    r["last_at_local"] =
        events::format_utc(hits[i].at_us + calendar.offset(hits[i].at_us), "%Y-%m-%dT%H:%M");
    auto cart = carts.find(*hits[i].id);
    r["cart_value_cents"] = cart == carts.end() ? 0 : cart->second.value_cents;
    r["currency"] = cart == carts.end() ? "" : cart->second.currency;
    out.rows.push_back(std::move(r));
  }
  if (end < hits.size() && end > start)
    out.next = std::to_string(hits[end - 1].at_us) + ":" + *hits[end - 1].id;
  return out;
}

}  // namespace parley::projections
