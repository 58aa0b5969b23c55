#include "events/conversation_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"
#include "events/shop_json.hpp"

namespace parley::events::conversation_codec {
using nlohmann::json;
using namespace conv;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
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

// The stored type and payload of each event; the time is set by the caller.
std::pair<const char*, json> describe(const Event& event) {
  struct V {
    std::pair<const char*, json> operator()(const MessageReceived& e) const {
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
      return {kMessageReceived, p};
    }
    std::pair<const char*, json> operator()(const MessageSent& e) const {
      json p = {{"message_id", e.message_id},
                {"channel", e.channel},
                {"user_id", e.user_id},
                {"text", e.text},
                {"in_reply_to", e.in_reply_to}};
      if (!e.media.empty()) p["media"] = media_json(e.media);
      if (!e.author.empty()) p["author"] = e.author;
      if (!e.template_message.empty())
        p["template"] = {{"name", e.template_message.name},
                         {"language", e.template_message.language},
                         {"parameters", e.template_message.parameters}};
      return {kMessageSent, p};
    }
    std::pair<const char*, json> operator()(const ProductsShown& e) const {
      json p = {{"skus", e.skus}};
      if (!e.size.empty()) p["size"] = e.size;
      if (!e.color.empty()) p["color"] = e.color;
      if (e.offset > 0) p["offset"] = e.offset;
      return {"conversation.products_shown", p};
    }
    std::pair<const char*, json> operator()(const ItemAdded& e) const {
      return {"cart.item_added", {{"line", to_json(e.line)}}};
    }
    std::pair<const char*, json> operator()(const ItemRemoved& e) const {
      return {"cart.item_removed", {{"sku", e.sku}}};
    }
    std::pair<const char*, json> operator()(const QuantityChanged& e) const {
      return {"cart.quantity_changed", {{"sku", e.sku}, {"quantity", e.quantity}}};
    }
    std::pair<const char*, json> operator()(const VariantChosen& e) const {
      return {"cart.variant_chosen", {{"sku", e.sku}, {"color", e.color}, {"size", e.size}}};
    }
    std::pair<const char*, json> operator()(const CartCleared&) const {
      return {"cart.cleared", json::object()};
    }
    std::pair<const char*, json> operator()(const CheckoutStarted&) const {
      return {"checkout.started", json::object()};
    }
    std::pair<const char*, json> operator()(const DetailsProvided& e) const {
      return {"checkout.details_provided", to_json(e.details)};
    }
    std::pair<const char*, json> operator()(const ConfirmationRequested&) const {
      return {"checkout.confirmation_requested", json::object()};
    }
    std::pair<const char*, json> operator()(const CheckoutCancelled&) const {
      return {"checkout.cancelled", json::object()};
    }
    std::pair<const char*, json> operator()(const OrderPlaced& e) const {
      return {"conversation.order_placed",
              {{"order_id", e.order_id}, {"total_cents", e.total_cents}, {"currency", e.currency}}};
    }
    std::pair<const char*, json> operator()(const OrderStatusNoted& e) const {
      return {"conversation.order_status_noted",
              {{"order_id", e.order_id}, {"note", note_json(e.note)}}};
    }
    std::pair<const char*, json> operator()(const OrderCancelRequested& e) const {
      return {"conversation.order_cancel_requested", {{"order_id", e.order_id}}};
    }
    std::pair<const char*, json> operator()(const CustomerForgotten& e) const {
      return {"conversation.customer_forgotten", {{"by", e.by}}};
    }
    std::pair<const char*, json> operator()(const StageChanged& e) const {
      return {"conversation.stage_changed", {{"stage", domain::to_string(e.stage)}}};
    }
    std::pair<const char*, json> operator()(const HandoffRequested& e) const {
      return {"conversation.handoff_requested", {{"by", e.by}}};
    }
    std::pair<const char*, json> operator()(const HandoffEnded& e) const {
      return {"conversation.handoff_ended", {{"by", e.by}}};
    }
    std::pair<const char*, json> operator()(const DeliveryStatusChanged& e) const {
      return {"conversation.delivery_status",
              {{"platform_message_id", e.platform_message_id}, {"status", e.status}}};
    }
    std::pair<const char*, json> operator()(const SearchPerformed& e) const {
      return {"conversation.search_performed", {{"query", e.query}, {"results", e.results}}};
    }
    std::pair<const char*, json> operator()(const NudgeScheduled& e) const {
      return {"conversation.nudge_scheduled",
              {{"nudge_id", e.nudge_id}, {"number", e.number}, {"due_us", e.due_us}}};
    }
    std::pair<const char*, json> operator()(const NudgeSent& e) const {
      json p = {{"nudge_id", e.nudge_id}, {"number", e.number}};
      if (!e.template_name.empty()) p["template"] = e.template_name;
      return {"conversation.nudge_sent", p};
    }
    std::pair<const char*, json> operator()(const NudgeSkipped& e) const {
      return {"conversation.nudge_skipped",
              {{"nudge_id", e.nudge_id}, {"number", e.number}, {"reason", e.reason}}};
    }
    std::pair<const char*, json> operator()(const NudgeCancelled& e) const {
      return {"conversation.nudge_cancelled",
              {{"nudge_id", e.nudge_id}, {"number", e.number}, {"reason", e.reason}}};
    }
  };
  return std::visit(V{}, event);
}

Event from_stored(const std::string& type, const json& p, const EventEnvelope& env) {
  if (type == kMessageReceived) {
    MessageReceived m{p.at("message_id"),
                      p.at("channel"),
                      p.at("user_id"),
                      p.at("text"),
                      p.value("platform_message_id", ""),
                      env.causation_id,
                      env.timestamp_us,
                      p.value("language", "")};
    m.kind = p.value("kind", "text");
    m.attachment = p.value("attachment", "");
    m.latitude = p.value("latitude", 0.0);
    m.longitude = p.value("longitude", 0.0);
    m.via = p.value("via", "");
    return m;
  }
  if (type == kMessageSent) {
    MessageSent m{p.at("message_id"),
                  p.at("channel"),
                  p.at("user_id"),
                  p.at("text"),
                  p.value("in_reply_to", ""),
                  env.timestamp_us,
                  media_from(p.value("media", json::array()))};
    m.author = p.value("author", "");
    if (auto t = p.find("template"); t != p.end() && t->is_object())
      m.template_message = {t->value("name", ""), t->value("language", "en"),
                            t->value("parameters", std::vector<std::string>{})};
    return m;
  }
  if (type == "conversation.products_shown")
    return ProductsShown{p.at("skus").get<std::vector<std::string>>(), p.value("size", ""),
                         p.value("color", ""), p.value("offset", uint32_t{0})};
  if (type == "cart.item_added") return ItemAdded{cart_line_from_json(p.at("line"))};
  if (type == "cart.item_removed") return ItemRemoved{p.at("sku")};
  if (type == "cart.quantity_changed")
    return QuantityChanged{p.at("sku"), integer(p.at("quantity"))};
  if (type == "cart.variant_chosen")
    return VariantChosen{p.at("sku"), p.value("color", ""), p.value("size", "")};
  if (type == "cart.cleared") return CartCleared{};
  if (type == "checkout.started") return CheckoutStarted{};
  if (type == "checkout.details_provided") return DetailsProvided{customer_from_json(p)};
  if (type == "checkout.confirmation_requested") return ConfirmationRequested{};
  if (type == "checkout.cancelled") return CheckoutCancelled{};
  if (type == "conversation.order_placed")
    return OrderPlaced{p.at("order_id"), integer(p.at("total_cents")), p.value("currency", "EUR")};
  if (type == "conversation.order_status_noted")
    return OrderStatusNoted{p.at("order_id"), note_from(p.at("note")), env.timestamp_us};
  if (type == "conversation.order_cancel_requested")
    return OrderCancelRequested{p.at("order_id").get<std::string>(), env.timestamp_us};
  if (type == "conversation.customer_forgotten")
    return CustomerForgotten{p.value("by", ""), env.timestamp_us};
  if (type == "conversation.stage_changed") {
    domain::Stage s = domain::Stage::greeting;
    domain::parse_stage(p.at("stage"), &s);
    return StageChanged{s};
  }
  if (type == "conversation.handoff_ended")
    return HandoffEnded{p.value("by", ""), env.timestamp_us};
  if (type == "conversation.search_performed")
    return SearchPerformed{p.at("query"), integer(p.at("results"))};
  if (type == "conversation.nudge_scheduled")
    return NudgeScheduled{p.at("nudge_id"), integer(p.at("number")), integer(p.at("due_us"))};
  if (type == "conversation.nudge_sent")
    return NudgeSent{p.at("nudge_id"), integer(p.at("number")), env.timestamp_us,
                     p.value("template", "")};
  if (type == "conversation.nudge_skipped")
    return NudgeSkipped{p.at("nudge_id"), integer(p.at("number")), p.value("reason", "")};
  if (type == "conversation.nudge_cancelled")
    return NudgeCancelled{p.at("nudge_id"), integer(p.at("number")), p.value("reason", "")};
  if (type == "conversation.delivery_status")
    return DeliveryStatusChanged{p.at("platform_message_id"), p.at("status"), env.timestamp_us};
  return HandoffRequested{p.value("by", "shopper"), env.timestamp_us};
}

}  // namespace

bool is_conversation_event(std::string_view type) {
  static const char* const kTypes[] = {kMessageReceived,
                                       kMessageSent,
                                       "conversation.products_shown",
                                       "cart.item_added",
                                       "cart.item_removed",
                                       "cart.quantity_changed",
                                       "cart.variant_chosen",
                                       "cart.cleared",
                                       "checkout.started",
                                       "checkout.details_provided",
                                       "checkout.confirmation_requested",
                                       "checkout.cancelled",
                                       "conversation.order_placed",
                                       "conversation.order_status_noted",
                                       "conversation.customer_forgotten",
                                       "conversation.order_cancel_requested",
                                       "conversation.stage_changed",
                                       "conversation.handoff_requested",
                                       "conversation.handoff_ended",
                                       "conversation.delivery_status",
                                       "conversation.search_performed",
                                       "conversation.nudge_scheduled",
                                       "conversation.nudge_sent",
                                       "conversation.nudge_skipped",
                                       "conversation.nudge_cancelled"};
  for (const char* t : kTypes)
    if (type == t) return true;
  return false;
}

NewEvent encode(const Event& event) {
  auto [type, payload] = describe(event);
  NewEvent out;
  out.type = type;
  out.payload = dump(payload);
  if (auto* r = std::get_if<MessageReceived>(&event)) {
    out.timestamp_us = r->at_us;
    out.causation_id = r->causation_id;
  } else if (auto* s = std::get_if<MessageSent>(&event)) {
    out.timestamp_us = s->at_us;
    out.causation_id = s->in_reply_to;
  } else if (auto* h = std::get_if<HandoffRequested>(&event)) {
    out.timestamp_us = h->at_us;
  } else if (auto* ended = std::get_if<HandoffEnded>(&event)) {
    out.timestamp_us = ended->at_us;
  } else if (auto* d = std::get_if<DeliveryStatusChanged>(&event)) {
    out.timestamp_us = d->at_us;
  } else if (auto* n = std::get_if<NudgeSent>(&event)) {
    out.timestamp_us = n->at_us;
  } else if (auto* f = std::get_if<CustomerForgotten>(&event)) {
    out.timestamp_us = f->at_us;
  } else if (auto* c = std::get_if<OrderCancelRequested>(&event)) {
    out.timestamp_us = c->at_us;
    out.causation_id = "order:" + c->order_id;
  } else if (auto* o = std::get_if<OrderStatusNoted>(&event)) {
    out.timestamp_us = o->at_us;
    out.causation_id = "order:" + o->order_id;
  }
  return out;
}

Expected<Event> decode(const EventEnvelope& env) {
  if (!is_conversation_event(env.type))
    return Status::NotFound("not a conversation event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  try {
    return from_stored(env.type, p, env);
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
}

std::string encode_state(const State& s) {
  json cart = json::array();
  for (const auto& l : s.cart) cart.push_back(to_json(l));
  json notes = json::object();
  for (const auto& [id, n] : s.order_notes) notes[id] = note_json(n);
  return dump(json{{"id", s.id},
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
                   {"handoff_requested", s.handoff_requested},
                   {"handoff_since_us", s.handoff_since_us},
                   {"handoff_by", s.handoff_by},
                   {"browsing", s.browsing},
                   {"nudges_sent", s.nudges_sent},
                   {"nudges_scheduled", s.nudges_scheduled},
                   {"nudge_id", s.nudge_id},
                   {"nudge_number", s.nudge_number},
                   {"nudge_due_us", s.nudge_due_us},
                   {"last_nudge_at_us", s.last_nudge_at_us}});
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
