#include "events/conversation_codec.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "events/json_int.hpp"
#include "events/promotion_json.hpp"
#include "events/schema_table.hpp"
#include "events/shop_json.hpp"

namespace parley::events::conversation_codec {
using nlohmann::json;
using namespace conv;

namespace {

std::string dump(const json& j) {
  return json_text(j);
}

json note_json(const OrderNote& n) {
  return {{"status", n.status},
          {"payment_url", n.payment_url},
          {"payment_instructions", n.payment_instructions},
          {"tracking", n.tracking}};
}
OrderNote note_from(const json& j) {
  return {j.at("status"), j.value("payment_url", ""), j.value("payment_instructions", ""),
          j.value("tracking", "")};
}

json media_json(const std::vector<Media>& media) {
  json a = json::array();
  for (const auto& m : media) a.push_back({{"url", m.url}, {"caption", m.caption}});
  return a;
}

std::vector<Media> media_from(const json& j) {
  std::vector<Media> out;
  if (j.is_array())
    for (const auto& m : j) out.push_back({m.value("url", ""), m.value("caption", "")});
  return out;
}

// One schema per event: its stored type, its payload both ways, and what
// goes on the envelope (time, causation). An event without a schema does not
// compile; a stored type without one is NotFound.
template <class E>
struct Schema;

// Most events take their time from the envelope, stamped at append (the
// decision's time); a schema with envelope() sets its own.

template <>
struct Schema<MessageReceived> {
  static constexpr const char* kType = types::kMessageReceived;
  static json to(const MessageReceived& e) {
    json p = {{"message_id", e.message_id},
              {"channel", e.channel},
              {"user_id", e.user_id},
              {"text", e.text},
              {"platform_message_id", e.platform_message_id}};
    if (!e.language.empty()) p["language"] = e.language;
    if (!e.via.empty()) p["via"] = e.via;
    if (e.kind != "text") {
      p["kind"] = e.kind;
      if (!e.attachment.empty()) p["attachment"] = e.attachment;
      if (e.kind == "location") {
        p["latitude"] = e.latitude;
        p["longitude"] = e.longitude;
      }
    }
    return p;
  }
  static MessageReceived from(const json& p, const EventEnvelope& env) {
    Inbound in{p.at("channel"),
               p.at("user_id"),
               p.at("text"),
               p.value("platform_message_id", ""),
               p.value("kind", "text"),
               p.value("attachment", ""),
               p.value("latitude", 0.0),
               p.value("longitude", 0.0),
               p.value("via", "")};
    return {{std::move(in)},
            p.at("message_id"),
            env.causation_id,
            env.timestamp_us,
            p.value("language", "")};
  }
  static void envelope(const MessageReceived& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
    out->causation_id = e.causation_id;
  }
};

template <>
struct Schema<MessageSent> {
  static constexpr const char* kType = types::kMessageSent;
  static json to(const MessageSent& e) {
    json p = {{"message_id", e.message_id},
              {"channel", e.channel},
              {"user_id", e.user_id},
              {"text", e.text},
              {"in_reply_to", e.in_reply_to}};
    if (!e.media.empty()) p["media"] = media_json(e.media);
    if (!e.author.empty()) p["author"] = e.author;
    if (!e.cited.empty()) p["cited"] = e.cited;
    if (!e.template_message.empty())
      p["template"] = {{"name", e.template_message.name},
                       {"language", e.template_message.language},
                       {"parameters", e.template_message.parameters}};
    return p;
  }
  static MessageSent from(const json& p, const EventEnvelope& env) {
    MessageSent m{p.at("message_id"),
                  p.at("channel"),
                  p.at("user_id"),
                  p.at("text"),
                  p.value("in_reply_to", ""),
                  env.timestamp_us,
                  media_from(p.value("media", json::array()))};
    m.author = p.value("author", "");
    m.cited = p.value("cited", "");
    if (auto t = p.find("template"); t != p.end() && t->is_object())
      m.template_message = {t->value("name", ""), t->value("language", "en"),
                            t->value("parameters", std::vector<std::string>{})};
    return m;
  }
  static void envelope(const MessageSent& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
    out->causation_id = e.in_reply_to;
  }
};

template <>
struct Schema<ProductsShown> {
  static constexpr const char* kType = types::kProductsShown;
  static json to(const ProductsShown& e) {
    json p = {{"skus", e.skus}};
    if (!e.size.empty()) p["size"] = e.size;
    if (!e.color.empty()) p["color"] = e.color;
    if (e.offset > 0) p["offset"] = e.offset;
    return p;
  }
  static ProductsShown from(const json& p, const EventEnvelope&) {
    return {p.at("skus").get<std::vector<std::string>>(), p.value("size", ""), p.value("color", ""),
            p.value("offset", uint32_t{0})};
  }
};

template <>
struct Schema<ItemAdded> {
  static constexpr const char* kType = types::kItemAdded;
  static json to(const ItemAdded& e) { return {{"line", to_json(e.line)}}; }
  static ItemAdded from(const json& p, const EventEnvelope&) {
    return {cart_line_from_json(p.at("line"))};
  }
};

template <>
struct Schema<ItemRemoved> {
  static constexpr const char* kType = types::kItemRemoved;
  static json to(const ItemRemoved& e) { return {{"sku", e.sku}}; }
  static ItemRemoved from(const json& p, const EventEnvelope&) { return {p.at("sku")}; }
};

template <>
struct Schema<QuantityChanged> {
  static constexpr const char* kType = types::kQuantityChanged;
  static json to(const QuantityChanged& e) { return {{"sku", e.sku}, {"quantity", e.quantity}}; }
  static QuantityChanged from(const json& p, const EventEnvelope&) {
    return {p.at("sku"), integer(p.at("quantity"))};
  }
};

template <>
struct Schema<VariantChosen> {
  static constexpr const char* kType = types::kVariantChosen;
  static json to(const VariantChosen& e) {
    return {{"sku", e.sku}, {"color", e.color}, {"size", e.size}};
  }
  static VariantChosen from(const json& p, const EventEnvelope&) {
    return {p.at("sku"), p.value("color", ""), p.value("size", "")};
  }
};

// Events without a payload.
template <class E, const char* const* Type>
struct Bare {
  static constexpr const char* kType = *Type;
  static json to(const E&) { return json::object(); }
  static E from(const json&, const EventEnvelope&) { return E{}; }
};
template <>
struct Schema<CartCleared> : Bare<CartCleared, &types::kCartCleared> {};
template <>
struct Schema<CheckoutStarted> : Bare<CheckoutStarted, &types::kCheckoutStarted> {};
template <>
struct Schema<ConfirmationRequested> : Bare<ConfirmationRequested, &types::kConfirmationRequested> {
};
template <>
struct Schema<CheckoutCancelled> : Bare<CheckoutCancelled, &types::kCheckoutCancelled> {};

template <>
struct Schema<DetailsProvided> {
  static constexpr const char* kType = types::kDetailsProvided;
  static json to(const DetailsProvided& e) { return to_json(e.details); }
  static DetailsProvided from(const json& p, const EventEnvelope&) {
    return {customer_from_json(p)};
  }
};

template <>
struct Schema<OrderPlaced> {
  static constexpr const char* kType = types::kOrderPlaced;
  static json to(const OrderPlaced& e) {
    json j = {{"order_id", e.order_id}, {"total_cents", e.total_cents}, {"currency", e.currency}};
    // Only with a promotion, so orders without one are stored as before.
    if (e.discount_cents > 0) {
      j["discount_cents"] = e.discount_cents;
      j["promo_code"] = e.promo_code;
    }
    return j;
  }
  static OrderPlaced from(const json& p, const EventEnvelope&) {
    return {p.at("order_id"), integer(p.at("total_cents")), p.value("currency", "EUR"),
            integer<int64_t>(p, "discount_cents", 0), p.value("promo_code", "")};
  }
};

template <>
struct Schema<PromoApplied> {
  static constexpr const char* kType = types::kPromoApplied;
  static json to(const PromoApplied& e) { return {{"promotion", stored_json(e.promotion)}}; }
  static PromoApplied from(const json& p, const EventEnvelope&) {
    return {stored_promotion(p.at("promotion"))};
  }
};

template <>
struct Schema<PromoRemoved> {
  static constexpr const char* kType = types::kPromoRemoved;
  static json to(const PromoRemoved& e) { return {{"code", e.code}, {"reason", e.reason}}; }
  static PromoRemoved from(const json& p, const EventEnvelope&) {
    return {p.at("code"), p.value("reason", "")};
  }
};

template <>
struct Schema<OrderStatusNoted> {
  static constexpr const char* kType = types::kOrderStatusNoted;
  static json to(const OrderStatusNoted& e) {
    return {{"order_id", e.order_id}, {"note", note_json(e.note)}};
  }
  static OrderStatusNoted from(const json& p, const EventEnvelope& env) {
    return {p.at("order_id"), note_from(p.at("note")), env.timestamp_us};
  }
  static void envelope(const OrderStatusNoted& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
    out->causation_id = "order:" + e.order_id;
  }
};

template <>
struct Schema<OrderCancelRequested> {
  static constexpr const char* kType = types::kOrderCancelRequested;
  static json to(const OrderCancelRequested& e) { return {{"order_id", e.order_id}}; }
  static OrderCancelRequested from(const json& p, const EventEnvelope& env) {
    return {p.at("order_id").get<std::string>(), env.timestamp_us};
  }
  static void envelope(const OrderCancelRequested& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
    out->causation_id = "order:" + e.order_id;
  }
};

// Events that carry their own time and a "by".
template <class E, const char* const* Type, const char* const* DefaultBy>
struct ByAt {
  static constexpr const char* kType = *Type;
  static json to(const E& e) { return {{"by", e.by}}; }
  static E from(const json& p, const EventEnvelope& env) {
    return E{p.value("by", *DefaultBy), env.timestamp_us};
  }
  static void envelope(const E& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};
constexpr const char* kNobody = "";
constexpr const char* kShopper = "shopper";
template <>
struct Schema<CustomerForgotten> : ByAt<CustomerForgotten, &types::kCustomerForgotten, &kNobody> {};
template <>
struct Schema<HandoffRequested> : ByAt<HandoffRequested, &types::kHandoffRequested, &kShopper> {};
template <>
struct Schema<HandoffEnded> : ByAt<HandoffEnded, &types::kHandoffEnded, &kNobody> {};

template <>
struct Schema<ConversationLabelled> {
  static constexpr const char* kType = types::kLabelled;
  static json to(const ConversationLabelled& e) { return {{"label", e.label}, {"by", e.by}}; }
  static ConversationLabelled from(const json& p, const EventEnvelope& env) {
    return {p.at("label"), p.value("by", ""), env.timestamp_us};
  }
  static void envelope(const ConversationLabelled& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
  }
};

template <>
struct Schema<MediaRead> {
  static constexpr const char* kType = types::kMediaRead;
  static json to(const MediaRead& e) {
    json p = {{"message_id", e.message_id},
              {"kind", e.kind},
              {"mime", e.mime},
              {"bytes", e.bytes},
              {"text", e.text}};
    if (!e.stored.empty()) p["stored"] = e.stored;
    if (!e.error.empty()) p["error"] = e.error;
    if (!e.provider.empty()) p["provider"] = e.provider;
    if (!e.model.empty()) p["model"] = e.model;
    return p;
  }
  static MediaRead from(const json& p, const EventEnvelope& env) {
    return {p.at("message_id"),           p.at("kind"),
            p.value("stored", ""),        p.value("mime", ""),
            p.value("bytes", int64_t{0}), p.value("text", ""),
            p.value("error", ""),         p.value("provider", ""),
            p.value("model", ""),         env.timestamp_us};
  }
  static void envelope(const MediaRead& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};

template <>
struct Schema<ErasureRequested> {
  static constexpr const char* kType = types::kErasureRequested;
  static json to(const ErasureRequested&) { return json::object(); }
  static ErasureRequested from(const json&, const EventEnvelope& env) { return {env.timestamp_us}; }
  static void envelope(const ErasureRequested& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};

template <>
struct Schema<ConversationArchived> {
  static constexpr const char* kType = types::kArchived;
  static json to(const ConversationArchived& e) { return {{"archived", e.archived}, {"by", e.by}}; }
  static ConversationArchived from(const json& p, const EventEnvelope& env) {
    return {p.at("archived").get<bool>(), p.value("by", ""), env.timestamp_us};
  }
  static void envelope(const ConversationArchived& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
  }
};

// The corrected fields as details_provided stores them, and who corrected them.
template <>
struct Schema<DetailsCorrected> {
  static constexpr const char* kType = types::kDetailsCorrected;
  static json to(const DetailsCorrected& e) {
    json j = to_json(e.details);
    j["by"] = e.by;
    return j;
  }
  static DetailsCorrected from(const json& p, const EventEnvelope& env) {
    return {customer_from_json(p), p.value("by", ""), env.timestamp_us};
  }
  static void envelope(const DetailsCorrected& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};

template <>
struct Schema<StageChanged> {
  static constexpr const char* kType = types::kStageChanged;
  static json to(const StageChanged& e) { return {{"stage", domain::to_string(e.stage)}}; }
  static StageChanged from(const json& p, const EventEnvelope&) {
    domain::Stage stage = domain::Stage::greeting;
    domain::parse_stage(p.at("stage"), &stage);
    return {stage};
  }
};

template <>
struct Schema<DeliveryStatusChanged> {
  static constexpr const char* kType = types::kDeliveryStatus;
  static json to(const DeliveryStatusChanged& e) {
    return {{"platform_message_id", e.platform_message_id}, {"status", e.status}};
  }
  static DeliveryStatusChanged from(const json& p, const EventEnvelope& env) {
    return {p.at("platform_message_id"), p.at("status"), env.timestamp_us};
  }
  static void envelope(const DeliveryStatusChanged& e, NewEvent* out) {
    out->timestamp_us = e.at_us;
  }
};

template <>
struct Schema<SearchPerformed> {
  static constexpr const char* kType = types::kSearchPerformed;
  static json to(const SearchPerformed& e) { return {{"query", e.query}, {"results", e.results}}; }
  static SearchPerformed from(const json& p, const EventEnvelope&) {
    return {p.at("query"), integer(p.at("results"))};
  }
};

template <>
struct Schema<NudgeScheduled> {
  static constexpr const char* kType = types::kNudgeScheduled;
  static json to(const NudgeScheduled& e) {
    return {{"nudge_id", e.nudge_id}, {"number", e.number}, {"due_us", e.due_us}};
  }
  static NudgeScheduled from(const json& p, const EventEnvelope&) {
    return {p.at("nudge_id"), integer(p.at("number")), integer(p.at("due_us"))};
  }
};

template <>
struct Schema<NudgeSent> {
  static constexpr const char* kType = types::kNudgeSent;
  static json to(const NudgeSent& e) {
    json p = {{"nudge_id", e.nudge_id}, {"number", e.number}};
    if (!e.template_name.empty()) p["template"] = e.template_name;
    return p;
  }
  static NudgeSent from(const json& p, const EventEnvelope& env) {
    return {p.at("nudge_id"), integer(p.at("number")), env.timestamp_us, p.value("template", "")};
  }
  static void envelope(const NudgeSent& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};

// A nudge that ended without being sent, and why.
template <class E, const char* const* Type>
struct NudgeEnded {
  static constexpr const char* kType = *Type;
  static json to(const E& e) {
    return {{"nudge_id", e.nudge_id}, {"number", e.number}, {"reason", e.reason}};
  }
  static E from(const json& p, const EventEnvelope&) {
    return E{p.at("nudge_id"), integer(p.at("number")), p.value("reason", "")};
  }
};
template <>
struct Schema<NudgeSkipped> : NudgeEnded<NudgeSkipped, &types::kNudgeSkipped> {};
template <>
struct Schema<NudgeCancelled> : NudgeEnded<NudgeCancelled, &types::kNudgeCancelled> {};

using Table = SchemaTable<Event, Schema>;

}  // namespace

bool is_conversation_event(std::string_view type) {
  return Table::knows(type);
}

NewEvent encode(const Event& event) {
  return Table::encode(event);
}

Expected<Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a conversation");
}

std::string encode_state(const State& s) {
  json cart = json::array();
  for (const auto& l : s.cart) cart.push_back(to_json(l));
  json notes = json::object();
  for (const auto& [id, n] : s.order_notes) notes[id] = note_json(n);
  json j = {{"id", s.id},
            {"channel", s.channel},
            {"user_id", s.user_id},
            {"received", s.received},
            {"sent", s.sent},
            {"last_received_at_us", s.last_received_at_us},
            {"last_sent_at_us", s.last_sent_at_us},
            {"last_received_id", s.last_received_id},
            {"language", s.language},
            {"stage", domain::to_string(s.stage)},
            {"last_shown", s.last_shown},
            {"shown_size", s.shown_size},
            {"shown_color", s.shown_color},
            {"shown_offset", s.shown_offset},
            {"last_query", s.last_query},
            {"cart", cart},
            {"customer", to_json(s.customer)},
            {"checkout_open", s.checkout_open},
            {"awaiting_confirmation", s.awaiting_confirmation},
            {"orders", s.orders},
            {"last_order_total_cents", s.last_order_total_cents},
            {"last_order_currency", s.last_order_currency},
            {"order_notes", notes},
            {"label", s.label},
            {"archived", s.archived},
            {"erasure_asked_at", s.erasure_asked_at},
            {"handoff_requested", s.handoff_requested},
            {"handoff_since_us", s.handoff_since_us},
            {"handoff_by", s.handoff_by},
            {"browsing", s.browsing},
            {"nudges_sent", s.nudges_sent},
            {"nudges_scheduled", s.nudges_scheduled},
            {"nudge_id", s.nudge_id},
            {"nudge_number", s.nudge_number},
            {"nudge_due_us", s.nudge_due_us},
            {"last_nudge_at_us", s.last_nudge_at_us}};
  if (s.promo) j["promo"] = stored_json(*s.promo);
  return dump(j);
}

Expected<State> decode_state(const std::string& bytes, uint32_t schema_version) {
  if (schema_version < 1 || schema_version > kStateSchema)
    return Status::Corruption("unknown conversation state schema " +
                              std::to_string(schema_version));
  json j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return Status::Corruption("conversation snapshot is not an object");
  try {
    State s;
    s.id = j.at("id");
    s.channel = j.at("channel");
    s.user_id = j.at("user_id");
    s.received = integer(j.at("received"));
    s.sent = integer(j.at("sent"));
    s.last_received_at_us = integer(j.at("last_received_at_us"));
    s.last_sent_at_us = integer(j.at("last_sent_at_us"));
    s.last_received_id = j.at("last_received_id");
    // Schema 1 (messages only) reads with an empty journey.
    s.language = j.value("language", "en");
    domain::parse_stage(j.value("stage", "greeting"), &s.stage);
    s.last_shown = j.value("last_shown", std::vector<std::string>{});
    s.shown_size = j.value("shown_size", "");
    s.shown_color = j.value("shown_color", "");
    s.shown_offset = j.value("shown_offset", uint32_t{0});
    s.last_query = j.value("last_query", "");
    for (const auto& l : j.value("cart", json::array())) s.cart.push_back(cart_line_from_json(l));
    if (auto promo = j.find("promo"); promo != j.end()) s.promo = stored_promotion(*promo);
    s.customer = customer_from_json(j.value("customer", json::object()));
    s.checkout_open = j.value("checkout_open", false);
    s.awaiting_confirmation = j.value("awaiting_confirmation", false);
    s.orders = j.value("orders", std::vector<std::string>{});
    s.last_order_total_cents = integer(j, "last_order_total_cents", int64_t{0});
    s.last_order_currency = j.value("last_order_currency", "EUR");
    // Named: items() is a view, and a view of the temporary value() returns
    // dangles before the loop body runs.
    const json notes = j.value("order_notes", json::object());
    for (const auto& [id, n] : notes.items()) s.order_notes[id] = note_from(n);
    s.label = j.value("label", "");
    s.archived = j.value("archived", false);
    s.erasure_asked_at = integer(j, "erasure_asked_at", uint64_t{0});
    s.handoff_requested = j.value("handoff_requested", false);
    s.handoff_since_us = integer(j, "handoff_since_us", int64_t{0});
    s.handoff_by = j.value("handoff_by", "");
    s.browsing = j.value("browsing", !s.last_shown.empty() && s.orders.empty());
    s.nudges_sent = integer(j, "nudges_sent", uint32_t{0});
    s.nudges_scheduled = integer(j, "nudges_scheduled", uint64_t{0});
    s.nudge_id = j.value("nudge_id", "");
    s.nudge_number = integer(j, "nudge_number", uint32_t{0});
    s.nudge_due_us = integer(j, "nudge_due_us", int64_t{0});
    s.last_nudge_at_us = integer(j, "last_nudge_at_us", int64_t{0});
    return s;
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("conversation snapshot: ") + ex.what());
  }
}

}  // namespace parley::events::conversation_codec
