#include "domain/conversation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>

namespace parley::domain::conversation {
namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::string next_message_id(const State& s) {
  return s.id + "#" + std::to_string(s.received + s.sent + 1);
}

std::optional<Error> check_text(const std::string& text) {
  if (blank(text)) return Error::empty_text;
  if (text.size() > kMaxTextBytes) return Error::text_too_long;
  if (!valid_utf8(text)) return Error::invalid_text;
  return std::nullopt;
}

bool known_kind(const std::string& kind) {
  return kind == "text" || kind == "image" || kind == "location" || kind == "voice" ||
         kind == "unsupported";
}

Result<std::vector<Event>, Error> decide_receive(const State& s, const ReceiveMessage& c) {
  if (c.channel.empty() || c.user_id.empty()) return fail(Error::missing_sender);
  if (s.started() && (c.channel != s.channel || c.user_id != s.user_id))
    return fail(Error::sender_mismatch);
  if (!known_kind(c.kind)) return fail(Error::invalid_kind);
  if (c.kind == "text") {
    if (auto e = check_text(c.text)) return fail(*e);
  } else if (c.text.size() > kMaxTextBytes) {  // a caption may be empty
    return fail(Error::text_too_long);
  } else if (!valid_utf8(c.text)) {
    return fail(Error::invalid_text);
  }
  return std::vector<Event>{
      MessageReceived{{static_cast<const Inbound&>(c)},
                      next_message_id(s),
                      c.causation_id.empty() ? c.platform_message_id : c.causation_id,
                      c.at_us,
                      c.language}};
}

Result<std::vector<Event>, Error> decide_send(const State& s, const SendMessage& c) {
  if (!s.started()) return fail(Error::not_started);
  if (c.template_message.empty()) {
    if (auto e = check_text(c.text)) return fail(*e);
    if (!window_open(s, c.at_us)) return fail(Error::outside_window);
  } else if (!valid_utf8(c.text) || c.text.size() > kMaxTextBytes) {
    return fail(Error::invalid_text);
  }
  MessageSent m{next_message_id(s), s.channel, s.user_id, c.text, c.in_reply_to, c.at_us, c.media};
  m.author = c.author;
  m.template_message = c.template_message;
  m.cited = c.cited;
  return std::vector<Event>{std::move(m)};
}

}  // namespace

std::string conversation_id(const std::string& channel, const std::string& user_id) {
  return channel + ":" + user_id;
}

bool has_service_window(const std::string& channel) {
  return channel == "whatsapp" || channel == "twilio";
}

bool window_open(const State& s, int64_t at_us) {
  if (!has_service_window(s.channel)) return true;
  return s.received > 0 && at_us - s.last_received_at_us <= kServiceWindowUs;
}

bool operator==(const State& a, const State& b) {
  return a.id == b.id && a.channel == b.channel && a.user_id == b.user_id &&
         a.received == b.received && a.sent == b.sent &&
         a.last_received_at_us == b.last_received_at_us && a.last_sent_at_us == b.last_sent_at_us &&
         a.last_received_id == b.last_received_id && a.language == b.language &&
         a.stage == b.stage && a.last_shown == b.last_shown && a.shown_size == b.shown_size &&
         a.shown_color == b.shown_color && a.shown_offset == b.shown_offset &&
         a.last_query == b.last_query && a.cart == b.cart && a.promo == b.promo &&
         a.customer == b.customer && a.checkout_open == b.checkout_open &&
         a.awaiting_confirmation == b.awaiting_confirmation && a.orders == b.orders &&
         a.order_notes == b.order_notes && a.last_order_total_cents == b.last_order_total_cents &&
         a.last_order_currency == b.last_order_currency && a.label == b.label &&
         a.archived == b.archived && a.erasure_asked_at == b.erasure_asked_at &&
         a.handoff_requested == b.handoff_requested && a.handoff_since_us == b.handoff_since_us &&
         a.handoff_by == b.handoff_by && a.browsing == b.browsing &&
         a.nudges_sent == b.nudges_sent && a.nudges_scheduled == b.nudges_scheduled &&
         a.nudge_id == b.nudge_id && a.nudge_number == b.nudge_number &&
         a.nudge_due_us == b.nudge_due_us && a.last_nudge_at_us == b.last_nudge_at_us;
}

bool valid_utf8(const std::string& s) {
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    uint32_t cp = c;
    if (c >= 0x80) {
      if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F;
      } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F;
      } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07;
      } else {
        return false;
      }
      if (i + len > n) return false;
      for (size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    }
    i += len;
  }
  return true;
}

State initial_state(std::string id) {
  State s;
  s.id = std::move(id);
  return s;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::empty_text:
      return "empty_text";
    case Error::text_too_long:
      return "text_too_long";
    case Error::invalid_text:
      return "invalid_text";
    case Error::missing_sender:
      return "missing_sender";
    case Error::sender_mismatch:
      return "sender_mismatch";
    case Error::not_started:
      return "not_started";
    case Error::invalid_quantity:
      return "invalid_quantity";
    case Error::invalid_price:
      return "invalid_price";
    case Error::mixed_currency:
      return "mixed_currency";
    case Error::cart_full:
      return "cart_full";
    case Error::unknown_order:
      return "unknown_order";
    case Error::not_in_cart:
      return "not_in_cart";
    case Error::empty_cart:
      return "empty_cart";
    case Error::incomplete:
      return "incomplete";
    case Error::not_confirmed:
      return "not_confirmed";
    case Error::outside_window:
      return "outside_window";
    case Error::invalid_kind:
      return "invalid_kind";
    case Error::invalid_status:
      return "invalid_status";
    case Error::stock_unknown:
      return "stock_unknown";
    case Error::out_of_stock:
      return "out_of_stock";
    case Error::invalid_label:
      return "invalid_label";
  }
  return "unknown";
}

const CartLine* State::line(const std::string& sku) const {
  for (const auto& l : cart)
    if (l.sku == sku) return &l;
  return nullptr;
}

namespace {

using Events = Result<std::vector<Event>, Error>;

// Whether the cart stays within kMaxOrderCents with `more` cents added.
bool within_order_limit(const std::vector<CartLine>& cart, int64_t more) {
  const auto total = checked_cart_total(cart);
  int64_t after = 0;
  return total && more >= 0 && !__builtin_add_overflow(*total, more, &after) &&
         after <= kMaxOrderCents;
}

Events none() {
  return std::vector<Event>{};
}

// Each field valid UTF-8 of at most kMaxTextBytes.
bool valid_details(const Customer& d) {
  for (const auto* f : {&d.name, &d.phone, &d.email, &d.address, &d.city})
    if (f->size() > kMaxTextBytes || !valid_utf8(*f)) return false;
  return true;
}
Events one(Event e) {
  return std::vector<Event>{std::move(e)};
}

// One handler per command: a command without one does not compile.
struct Decider {
  const State& s;

  Events operator()(const ReceiveMessage& c) const { return decide_receive(s, c); }
  Events operator()(const SendMessage& c) const { return decide_send(s, c); }
  Events operator()(const ForgetCustomer& c) const { return one(CustomerForgotten{c.by, c.at_us}); }
  Events operator()(const SetLabel& c) const {
    if (c.label.size() > kMaxLabelBytes || !valid_utf8(c.label)) return fail(Error::invalid_label);
    for (unsigned char ch : c.label)
      if (ch < 0x20 || ch == 0x7f) return fail(Error::invalid_label);
    return c.label == s.label ? none() : one(ConversationLabelled{c.label, c.by, c.at_us});
  }
  Events operator()(const RequestErasure& c) const { return one(ErasureRequested{c.at_us}); }
  Events operator()(const RecordMediaRead& c) const {
    if (s.received == 0 || c.read.message_id != s.last_received_id) return fail(Error::not_started);
    for (const auto* f : {&c.read.text, &c.read.stored, &c.read.error, &c.read.model})
      if (f->size() > kMaxTextBytes || !valid_utf8(*f)) return fail(Error::invalid_text);
    return one(c.read);
  }
  Events operator()(const SetArchived& c) const {
    return c.archived == s.archived ? none() : one(ConversationArchived{c.archived, c.by, c.at_us});
  }
  Events operator()(const CorrectDetails& c) const {
    const auto& d = c.details;
    if (!valid_details(d)) return fail(Error::invalid_text);
    if (d.empty() || s.customer.merged(d) == s.customer) return none();
    return one(DetailsCorrected{d, c.by, c.at_us});
  }
  Events operator()(const NoteOrderStatus& c) const {
    auto it = s.order_notes.find(c.order_id);
    if (it != s.order_notes.end() && it->second == c.note) return none();
    return one(OrderStatusNoted{c.order_id, c.note, c.at_us});
  }
  Events operator()(const ApplyPromo& c) const {
    if (s.promo && *s.promo == c.promotion) return none();
    return one(PromoApplied{c.promotion});
  }
  Events operator()(const RemovePromo& c) const {
    return s.promo ? one(PromoRemoved{s.promo->code, c.reason}) : none();
  }
  Events operator()(const RequestOrderCancel& c) const {
    if (std::find(s.orders.begin(), s.orders.end(), c.order_id) == s.orders.end())
      return fail(Error::unknown_order);
    return one(OrderCancelRequested{c.order_id, c.at_us});
  }
  Events operator()(const RecordSearch& c) const {
    return one(SearchPerformed{c.query, c.results});
  }
  Events operator()(const ShowProducts& c) const {
    if (c.skus == s.last_shown && c.size == s.shown_size && c.color == s.shown_color &&
        c.offset == s.shown_offset)
      return none();
    return one(ProductsShown{c.skus, c.size, c.color, c.offset});
  }
  Events operator()(const AddItem& c) const {
    const auto& add = c.line;
    if (add.quantity < 1 || add.quantity > kMaxQuantity) return fail(Error::invalid_quantity);
    if (add.unit_price_cents < 0 || add.unit_price_cents > kMaxPriceCents)
      return fail(Error::invalid_price);
    if (!s.cart.empty() && add.currency != s.cart.front().currency)
      return fail(Error::mixed_currency);
    for (const auto& l : s.cart)
      if (l.sku == add.sku && (add.color.empty() || l.color == add.color) &&
          (add.size.empty() || l.size == add.size)) {
        if (l.quantity + add.quantity > kMaxQuantity) return fail(Error::invalid_quantity);
        if (!within_order_limit(s.cart, add.quantity * l.unit_price_cents))
          return fail(Error::cart_full);
        return one(QuantityChanged{l.sku, l.quantity + add.quantity});
      }
    if (s.cart.size() >= kMaxCartLines || !within_order_limit(s.cart, add.total_cents()))
      return fail(Error::cart_full);
    return one(ItemAdded{add});
  }
  Events operator()(const RemoveItem& c) const {
    if (!s.line(c.sku)) return fail(Error::not_in_cart);
    return one(ItemRemoved{c.sku});
  }
  Events operator()(const SetQuantity& c) const {
    const CartLine* l = s.line(c.sku);
    if (!l) return fail(Error::not_in_cart);
    if (c.quantity < 0 || c.quantity > kMaxQuantity) return fail(Error::invalid_quantity);
    if (c.quantity == 0) return one(ItemRemoved{c.sku});
    if (c.quantity == l->quantity) return none();
    if (c.quantity > l->quantity &&
        !within_order_limit(s.cart, (c.quantity - l->quantity) * l->unit_price_cents))
      return fail(Error::cart_full);
    return one(QuantityChanged{c.sku, c.quantity});
  }
  Events operator()(const ChooseVariant& c) const {
    if (!s.line(c.sku)) return fail(Error::not_in_cart);
    return one(VariantChosen{c.sku, c.color, c.size});
  }
  Events operator()(const ClearCart&) const { return s.cart.empty() ? none() : one(CartCleared{}); }
  Events operator()(const StartCheckout&) const {
    if (s.cart.empty()) return fail(Error::empty_cart);
    return s.checkout_open ? none() : one(CheckoutStarted{});
  }
  Events operator()(const ProvideDetails& c) const {
    // A model's reading comes here too (brain/details_extraction.hpp).
    if (!valid_details(c.details)) return fail(Error::invalid_text);
    if (c.details.empty() || s.customer.merged(c.details) == s.customer) return none();
    return one(DetailsProvided{c.details});
  }
  Events operator()(const RequestConfirmation&) const {
    if (s.cart.empty()) return fail(Error::empty_cart);
    for (const auto& l : s.cart)
      if (l.needs_color() || l.needs_size()) return fail(Error::incomplete);
    if (!s.customer.complete()) return fail(Error::incomplete);
    return s.awaiting_confirmation ? none() : one(ConfirmationRequested{});
  }
  Events operator()(const CancelCheckout&) const {
    return s.checkout_open ? one(CheckoutCancelled{}) : none();
  }
  Events operator()(const PlaceOrder& c) const {
    if (s.cart.empty()) return fail(Error::empty_cart);
    if (!s.awaiting_confirmation) return fail(Error::not_confirmed);
    const auto total = checked_cart_total(s.cart);
    if (!total || *total > kMaxOrderCents) return fail(Error::cart_full);
    for (const auto& l : s.cart)
      if (l.currency != s.cart.front().currency) return fail(Error::mixed_currency);
    // The discount is the applied promotion's on the cart as it is now: a
    // line changed since the code was given is priced as it stands.
    const int64_t discount = s.promo ? promotion::discount_cents(*s.promo, s.cart) : 0;
    return one(OrderPlaced{c.order_id, *total - discount, s.cart.front().currency, discount,
                           discount > 0 ? s.promo->code : ""});
  }
  Events operator()(const SetStage& c) const {
    return c.stage == s.stage ? none() : one(StageChanged{c.stage});
  }
  Events operator()(const RequestHandoff& c) const {
    return s.handoff_requested ? none() : one(HandoffRequested{c.by, c.at_us});
  }
  Events operator()(const EndHandoff& c) const {
    return s.handoff_requested ? one(HandoffEnded{c.by, c.at_us}) : none();
  }
  Events operator()(const RecordDeliveryStatus& c) const {
    if (c.status != "sent" && c.status != "delivered" && c.status != "read" && c.status != "failed")
      return fail(Error::invalid_status);
    return one(DeliveryStatusChanged{c.platform_message_id, c.status, c.at_us});
  }
};

void clear_nudge(State& s) {
  s.nudge_id.clear();
  s.nudge_number = 0;
  s.nudge_due_us = 0;
}

// One handler per event: an event without one does not compile.
struct Evolver {
  State& s;

  void operator()(const MessageReceived& e) const {
    if (!s.started()) {
      s.channel = e.channel;
      s.user_id = e.user_id;
    }
    ++s.received;
    s.nudges_sent = 0;  // a reply resets the count
    s.last_received_at_us = e.at_us;
    s.last_received_id = e.message_id;
    if (!e.language.empty()) s.language = e.language;
    s.archived = false;  // a shopper who writes again is back in the inbox
  }
  void operator()(const MessageSent& e) const {
    if (!s.started()) {
      s.channel = e.channel;
      s.user_id = e.user_id;
    }
    ++s.sent;
    s.last_sent_at_us = e.at_us;
  }
  void operator()(const ProductsShown& e) const {
    s.browsing = true;
    s.last_shown = e.skus;
    s.shown_size = e.size;
    s.shown_color = e.color;
    s.shown_offset = e.offset;
  }
  void operator()(const ItemAdded& e) const { s.cart.push_back(e.line); }
  void operator()(const ItemRemoved& e) const {
    s.cart.erase(std::remove_if(s.cart.begin(), s.cart.end(),
                                [&](const CartLine& l) { return l.sku == e.sku; }),
                 s.cart.end());
    s.awaiting_confirmation = false;
  }
  void operator()(const QuantityChanged& e) const {
    for (auto& l : s.cart)
      if (l.sku == e.sku) l.quantity = e.quantity;
    s.awaiting_confirmation = false;
  }
  void operator()(const VariantChosen& e) const {
    for (auto& l : s.cart)
      if (l.sku == e.sku) {
        if (!e.color.empty()) l.color = e.color;
        if (!e.size.empty()) l.size = e.size;
      }
  }
  void operator()(const CartCleared&) const {
    s.cart.clear();
    s.checkout_open = s.awaiting_confirmation = false;
  }
  void operator()(const CheckoutStarted&) const { s.checkout_open = true; }
  void operator()(const DetailsProvided& e) const { s.customer = s.customer.merged(e.details); }
  void operator()(const ConfirmationRequested&) const { s.awaiting_confirmation = true; }
  void operator()(const CheckoutCancelled&) const {
    s.checkout_open = s.awaiting_confirmation = false;
  }
  void operator()(const PromoApplied& e) const { s.promo = e.promotion; }
  void operator()(const PromoRemoved&) const { s.promo.reset(); }
  void operator()(const OrderPlaced& e) const {
    s.promo.reset();
    s.orders.push_back(e.order_id);
    s.browsing = false;
    s.last_order_total_cents = e.total_cents;
    s.last_order_currency = e.currency;
    s.cart.clear();
    s.checkout_open = s.awaiting_confirmation = false;
  }
  void operator()(const OrderStatusNoted& e) const { s.order_notes[e.order_id] = e.note; }
  // A request for the order worker and the team; the conversation's state does not change.
  void operator()(const OrderCancelRequested&) const {}
  void operator()(const SearchPerformed& e) const { s.last_query = e.query; }
  void operator()(const ConversationLabelled& e) const { s.label = e.label; }
  void operator()(const ConversationArchived& e) const { s.archived = e.archived; }
  void operator()(const ErasureRequested&) const { s.erasure_asked_at = s.received; }
  void operator()(const MediaRead&) const {}  // the turn decided on its text; nothing to keep
  void operator()(const DetailsCorrected& e) const { s.customer = s.customer.merged(e.details); }
  void operator()(const CustomerForgotten&) const {
    s.customer = Customer{};
    s.label.clear();  // the team's words about the customer go with them
    s.last_query.clear();
    s.checkout_open = s.awaiting_confirmation = false;
  }
  void operator()(const StageChanged& e) const { s.stage = e.stage; }
  void operator()(const HandoffRequested& e) const {
    s.handoff_requested = true;
    s.handoff_since_us = e.at_us;
    s.handoff_by = e.by;
  }
  void operator()(const HandoffEnded&) const {
    s.handoff_requested = false;
    s.handoff_since_us = 0;
    s.handoff_by.clear();
  }
  void operator()(const NudgeScheduled& e) const {
    if (e.nudge_id != s.nudge_id) ++s.nudges_scheduled;
    s.nudge_id = e.nudge_id;
    s.nudge_number = e.number;
    s.nudge_due_us = e.due_us;
  }
  void operator()(const NudgeSent& e) const {
    s.nudges_sent = std::max(s.nudges_sent, e.number);
    s.last_nudge_at_us = e.at_us;
    clear_nudge(s);
  }
  void operator()(const NudgeSkipped&) const {
    // Outside the window every later nudge would be too: the count is spent.
    s.nudges_sent = std::numeric_limits<uint32_t>::max();
    clear_nudge(s);
  }
  void operator()(const NudgeCancelled&) const { clear_nudge(s); }
  // Delivery receipts are read by the views; the conversation's state does not change.
  void operator()(const DeliveryStatusChanged&) const {}
};

}  // namespace

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  const bool opens = std::holds_alternative<ReceiveMessage>(command) ||
                     std::holds_alternative<SendMessage>(command);
  if (!opens && !state.started()) return fail(Error::not_started);
  return std::visit(Decider{state}, command);
}

State evolve(State s, const Event& event) {
  std::visit(Evolver{s}, event);
  return s;
}

}  // namespace parley::domain::conversation
