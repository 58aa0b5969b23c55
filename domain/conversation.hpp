// The conversation entity: one shopper (or team member) on one channel.
// Decider: decide(state, command) -> events | error; evolve(state, event) -> state.
// Pure: time and ids arrive in the commands; nothing here touches I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/limits.hpp"
#include "domain/promotion.hpp"
#include "domain/result.hpp"
#include "domain/shop.hpp"

namespace parley::domain::conversation {

inline constexpr const char* kEntityType = "conversation";
using domain::kMaxTextBytes;

// The conversation of `user_id` on `channel`: "<channel>:<user_id>".
std::string conversation_id(const std::string& channel, const std::string& user_id);

// ---- events -------------------------------------------------------------
// What a person wrote, as it arrived: the one inbound type, from a platform
// adapter (channels::InboundMessage) through the chat turn (actors::ChatTurn)
// and the command (ReceiveMessage) to the stored event (MessageReceived). A
// new field is added here, in the codec and in the adapter that fills it.
struct Inbound {
  std::string channel;
  std::string user_id;
  std::string text;                 // the text, or the caption of media
  std::string platform_message_id;  // the platform's id; empty when there is none
  // What arrived besides text: "text", "image", "location", "voice" or
  // "unsupported" (any other platform type).
  std::string kind = "text";
  std::string attachment = "";         // the platform's media id or URL
  double latitude = 0, longitude = 0;  // kind == "location"
  // Who wrote it in: "" the platform's own webhook or poller; "api" a REST
  // client (on a platform channel only with a role that may act for its users).
  // The outbox speaks only in conversations a platform started.
  std::string via = "";
};

// A text message: what most tests and the REST chat start from.
inline Inbound text_message(std::string channel, std::string user_id, std::string text,
                            std::string platform_message_id = "") {
  Inbound in;
  in.channel = std::move(channel);
  in.user_id = std::move(user_id);
  in.text = std::move(text);
  in.platform_message_id = std::move(platform_message_id);
  return in;
}

struct MessageReceived : Inbound {
  std::string message_id;    // "<conversation id>#<n>", n counts all messages
  std::string causation_id;  // the platform id, or the edge's request id
  int64_t at_us = 0;
  std::string language = "";  // en, es, ru, id, hi as understood; "" if unknown
};
// An approved WhatsApp message template, the only thing the platform lets a
// business send outside the 24-hour customer-service window.
struct Template {
  std::string name;  // empty: no template
  std::string language = "en";
  std::vector<std::string> parameters = {};  // the body's {{1}}, {{2}} …
  bool empty() const { return name.empty(); }
};
struct Media {
  std::string url;
  std::string caption;
  friend bool operator==(const Media& a, const Media& b) {
    return a.url == b.url && a.caption == b.caption;
  }
};
struct MessageSent {
  std::string message_id;
  std::string channel;
  std::string user_id;
  std::string text;
  std::string in_reply_to;  // the received message it answers; empty if proactive
  int64_t at_us = 0;
  std::vector<Media> media = {};   // product photos
  std::string author = "";         // "" for the bot, else the person who wrote it
  Template template_message = {};  // set: send this approved template instead of text
  std::string cited = "";          // a quoted knowledge passage: "<document id>:<line>"
};
// The shopping journey.
struct ProductsShown {
  std::vector<std::string> skus;  // the list "the second one" refers to
  std::string size = "";          // the size and colour the search asked for,
  std::string color = "";         // used when one of the list is added
  uint32_t offset = 0;            // where the list starts in its search's results ("show more")
};
struct ItemAdded {
  CartLine line;
};
struct ItemRemoved {
  std::string sku;
};
struct QuantityChanged {
  std::string sku;
  int64_t quantity = 0;
};
struct VariantChosen {
  std::string sku;
  std::string color;
  std::string size;
};
struct CartCleared {};
struct CheckoutStarted {};
struct DetailsProvided {
  Customer details;  // only the fields given
};
struct ConfirmationRequested {};
struct CheckoutCancelled {};
struct OrderPlaced {
  std::string order_id;
  int64_t total_cents = 0;  // what the shopper pays: the cart's total less the discount
  std::string currency;
  int64_t discount_cents = 0;  // the applied promotion's, 0 without one
  std::string promo_code = "";
};
// A promotion the shopper's code named, applied to the cart until the order
// is placed or it is taken off (domain/promotion.hpp: discount_cents).
struct PromoApplied {
  promotion::Promotion promotion;
};
struct PromoRemoved {
  std::string code;
  std::string reason;  // "expired", "replaced", "shopper" …
};
struct StageChanged {
  Stage stage;
};
// Human mode: while on, the bot stays silent and people answer.
struct HandoffRequested {
  std::string by = "shopper";  // "shopper", or the manager/operator who switched it on
  int64_t at_us = 0;
};
struct HandoffEnded {
  std::string by;
  int64_t at_us = 0;
};
// A platform's report on a message Parley sent: "sent", "delivered", "read", "failed".
struct DeliveryStatusChanged {
  std::string platform_message_id;
  std::string status;
  int64_t at_us = 0;
};
// A catalog search and how many products it found (0: a zero-result search).
struct SearchPerformed {
  std::string query;
  uint32_t results = 0;
};
// Shopper nudges (domain/nudge.hpp decides them). A nudge is a durable timer:
// scheduled with its due time (scheduled again under the same id when the
// shopper writes before it is due: it moves), then sent, skipped or
// cancelled exactly once.
struct NudgeScheduled {
  std::string nudge_id;  // "<conversation id>/n<k>", k counts every nudge scheduled
  uint32_t number = 1;   // 1 or 2: the how-many-th since the shopper last wrote
  int64_t due_us = 0;
};
struct NudgeSent {
  std::string nudge_id;
  uint32_t number = 1;
  int64_t at_us = 0;
  std::string template_name = "";  // set when sent as a WhatsApp template
};
// reason: "outside_24h_window" (no template configured).
struct NudgeSkipped {
  std::string nudge_id;
  uint32_t number = 1;
  std::string reason;
};
// reason: "handoff", "order_placed", "not_shopping", "limit", "disabled".
struct NudgeCancelled {
  std::string nudge_id;
  uint32_t number = 1;
  std::string reason;
};
// One of the shopper's orders changed (the order worker tells the
// conversation, which tells the shopper); what "where is my order" answers from.
struct OrderNote {
  std::string status;  // domain/order.hpp's statuses
  std::string payment_url = "";
  std::string payment_instructions = "";
  std::string tracking = "";
  friend bool operator==(const OrderNote& a, const OrderNote& b) {
    return a.status == b.status && a.payment_url == b.payment_url &&
           a.payment_instructions == b.payment_instructions && a.tracking == b.tracking;
  }
};
struct OrderStatusNoted {
  std::string order_id;
  OrderNote note;
  int64_t at_us = 0;
};
// The customer asked to be forgotten: their details leave the state, and
// what they wrote and gave is shredded in the log (privacy/sealed_event_store.hpp).
struct CustomerForgotten {
  std::string by;  // the team member who did it
  int64_t at_us = 0;
};
// The shopper asked in the chat to be forgotten and was asked to confirm;
// a yes as their next message forgets them (brain/shop_privacy.cpp).
struct ErasureRequested {
  int64_t at_us = 0;
};
// A shopper's voice note or photo as a model read it (brain/media_reading.hpp),
// beside the message it came with: the turn was decided on `text`. Unread,
// `error` says why and the shopper got a polite answer.
struct MediaRead {
  std::string message_id;  // the message_received it belongs to
  std::string kind;        // voice, image
  std::string stored;      // the file, relative to PARLEY_DATA_DIR; "" if not kept
  std::string mime;
  int64_t bytes = 0;
  std::string text;   // the transcript, or the photo as a search
  std::string error;  // "" when read
  std::string provider, model;
  int64_t at_us = 0;
};
// The team's own name for the conversation in the inbox (a label), and
// whether it is archived: out of the inbox until the shopper writes again.
struct ConversationLabelled {
  std::string label;  // "" takes the label off
  std::string by;
  int64_t at_us = 0;
};
struct ConversationArchived {
  bool archived = true;  // false: back in the inbox
  std::string by;
  int64_t at_us = 0;
};
// A team member corrected the customer's saved details (the fields given
// replace the saved ones); the next checkout offers them.
struct DetailsCorrected {
  Customer details;
  std::string by;
  int64_t at_us = 0;
};
// The shopper asked in the chat to cancel one of its orders; the order
// worker cancels it if it is not paid yet (payments/order_worker.hpp).
struct OrderCancelRequested {
  std::string order_id;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kMessageReceived = "conversation.message_received";
inline constexpr const char* kMessageSent = "conversation.message_sent";
inline constexpr const char* kProductsShown = "conversation.products_shown";
inline constexpr const char* kItemAdded = "cart.item_added";
inline constexpr const char* kItemRemoved = "cart.item_removed";
inline constexpr const char* kQuantityChanged = "cart.quantity_changed";
inline constexpr const char* kVariantChosen = "cart.variant_chosen";
inline constexpr const char* kCartCleared = "cart.cleared";
inline constexpr const char* kCheckoutStarted = "checkout.started";
inline constexpr const char* kDetailsProvided = "checkout.details_provided";
inline constexpr const char* kConfirmationRequested = "checkout.confirmation_requested";
inline constexpr const char* kCheckoutCancelled = "checkout.cancelled";
inline constexpr const char* kOrderPlaced = "conversation.order_placed";
inline constexpr const char* kPromoApplied = "cart.promo_applied";
inline constexpr const char* kPromoRemoved = "cart.promo_removed";
inline constexpr const char* kOrderStatusNoted = "conversation.order_status_noted";
inline constexpr const char* kOrderCancelRequested = "conversation.order_cancel_requested";
inline constexpr const char* kCustomerForgotten = "conversation.customer_forgotten";
inline constexpr const char* kErasureRequested = "conversation.erasure_requested";
inline constexpr const char* kLabelled = "conversation.labelled";
inline constexpr const char* kMediaRead = "conversation.media_read";
inline constexpr const char* kArchived = "conversation.archived";
inline constexpr const char* kDetailsCorrected = "conversation.details_corrected";
inline constexpr const char* kStageChanged = "conversation.stage_changed";
inline constexpr const char* kHandoffRequested = "conversation.handoff_requested";
inline constexpr const char* kHandoffEnded = "conversation.handoff_ended";
inline constexpr const char* kDeliveryStatus = "conversation.delivery_status";
inline constexpr const char* kSearchPerformed = "conversation.search_performed";
inline constexpr const char* kNudgeScheduled = "conversation.nudge_scheduled";
inline constexpr const char* kNudgeSent = "conversation.nudge_sent";
inline constexpr const char* kNudgeSkipped = "conversation.nudge_skipped";
inline constexpr const char* kNudgeCancelled = "conversation.nudge_cancelled";
}  // namespace types
using Event = std::variant<
    MessageReceived, MessageSent, ProductsShown, ItemAdded, ItemRemoved, QuantityChanged,
    VariantChosen, CartCleared, CheckoutStarted, DetailsProvided, ConfirmationRequested,
    CheckoutCancelled, OrderPlaced, StageChanged, HandoffRequested, HandoffEnded,
    DeliveryStatusChanged, SearchPerformed, NudgeScheduled, NudgeSent, NudgeSkipped, NudgeCancelled,
    OrderStatusNoted, CustomerForgotten, OrderCancelRequested, PromoApplied, PromoRemoved,
    ConversationLabelled, ConversationArchived, DetailsCorrected, ErasureRequested, MediaRead>;

// ---- state --------------------------------------------------------------
struct State {
  std::string id;
  std::string channel;  // fixed by the first message
  std::string user_id;
  uint64_t received = 0;
  uint64_t sent = 0;
  int64_t last_received_at_us = 0;
  int64_t last_sent_at_us = 0;
  std::string last_received_id;
  std::string language = "en";  // of the last message understood
  Stage stage = Stage::greeting;
  std::vector<std::string> last_shown;
  std::string shown_size, shown_color;  // asked for with the last list
  uint32_t shown_offset = 0;            // of the last list in its search's results
  std::string last_query;               // the last search, refined by "cheaper", "more", a colour
  std::vector<CartLine> cart;
  std::optional<promotion::Promotion> promo;  // applied to the cart; gone with the order
  Customer customer;                          // saved delivery details
  bool checkout_open = false;
  bool awaiting_confirmation = false;
  std::vector<std::string> orders;               // placed, oldest first
  std::map<std::string, OrderNote> order_notes;  // the latest news of each order
  int64_t last_order_total_cents = 0;
  std::string last_order_currency = "EUR";
  std::string label;               // the team's name for it; "" none
  bool archived = false;           // out of the inbox until the shopper writes again
  uint64_t erasure_asked_at = 0;   // `received` when the shopper asked to be forgotten; 0 never
  bool handoff_requested = false;  // human mode: the bot stays silent
  int64_t handoff_since_us = 0;
  std::string handoff_by;
  // Nudges: what is pending, and how many went out since the shopper last wrote.
  bool browsing = false;  // products shown since the last order
  uint32_t nudges_sent = 0;
  uint64_t nudges_scheduled = 0;
  std::string nudge_id;  // the pending nudge; "" when none
  uint32_t nudge_number = 0;
  int64_t nudge_due_us = 0;
  int64_t last_nudge_at_us = 0;

  bool started() const { return received + sent > 0; }
  const CartLine* line(const std::string& sku) const;
  friend bool operator==(const State& a, const State& b);
};
State initial_state(std::string id);

// WhatsApp's customer-service window: a business may send free-form messages
// until 24 hours after the customer's last message; later only templates.
inline constexpr int64_t kServiceWindowUs = int64_t{24} * 3600 * 1000000;
// True for channels that enforce that window (the official WhatsApp APIs).
bool has_service_window(const std::string& channel);
// True if `s` may receive free text at `at_us`.
bool window_open(const State& s, int64_t at_us);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(const std::string& s);

// ---- commands -----------------------------------------------------------
struct ReceiveMessage : Inbound {
  std::string causation_id;  // "" for the platform id
  int64_t at_us = 0;
  std::string language = "";
};
struct SendMessage {
  std::string text;
  std::string in_reply_to;
  int64_t at_us = 0;
  std::vector<Media> media = {};
  std::string author = "";
  Template template_message = {};  // allowed outside the service window
  std::string cited = "";          // the knowledge passage the text quotes, if any
};
struct ShowProducts {
  std::vector<std::string> skus;
  std::string size = "";
  std::string color = "";
  uint32_t offset = 0;
};
struct AddItem {
  CartLine line;  // quantity is added to a line of the same SKU and variant
};
struct RemoveItem {
  std::string sku;
};
struct SetQuantity {
  std::string sku;
  int64_t quantity = 0;  // 0 removes the line
};
struct ChooseVariant {
  std::string sku;
  std::string color;
  std::string size;
};
struct ClearCart {};
struct StartCheckout {};
struct ProvideDetails {
  Customer details;
};
struct RequestConfirmation {};
struct CancelCheckout {};
struct PlaceOrder {
  std::string order_id;
};
struct SetStage {
  Stage stage;
};
struct RequestHandoff {
  std::string by = "shopper";
  int64_t at_us = 0;
};
struct EndHandoff {
  std::string by;
  int64_t at_us = 0;
};
struct RecordDeliveryStatus {
  std::string platform_message_id;
  std::string status;
  int64_t at_us = 0;
};
struct RequestOrderCancel {
  std::string order_id;  // one of the conversation's orders
  int64_t at_us = 0;
};
struct RecordSearch {
  std::string query;
  uint32_t results = 0;
};
// Records an order's news; nothing when the same news was recorded before.
struct NoteOrderStatus {
  std::string order_id;
  OrderNote note;
  int64_t at_us = 0;
};
// A promotion for the cart (the caller found it valid now); the same one
// again decides nothing, another replaces it.
struct ApplyPromo {
  promotion::Promotion promotion;
};
struct RemovePromo {
  std::string reason;
};
// Forgets the customer's details (always recorded, so a repeat is safe).
struct ForgetCustomer {
  std::string by;
  int64_t at_us = 0;
};
// The team's label; the same label again decides nothing. At most
// kMaxLabelBytes of UTF-8 without control characters (invalid_label).
struct SetLabel {
  std::string label;
  std::string by;
  int64_t at_us = 0;
};
inline constexpr size_t kMaxLabelBytes = 100;
struct RequestErasure {
  int64_t at_us = 0;
};
struct SetArchived {
  bool archived = true;
  std::string by;
  int64_t at_us = 0;
};
// Fields left empty keep what was saved; nothing given, or nothing new,
// decides nothing. Each field is at most kMaxTextBytes of UTF-8 (invalid_text).
struct CorrectDetails {
  Customer details;
  std::string by;
  int64_t at_us = 0;
};
// What a model read from the media of the last message received: its text
// is valid UTF-8 of at most kMaxTextBytes (invalid_text); a conversation
// that has received nothing has no media (not_started).
struct RecordMediaRead {
  MediaRead read;
};
using Command =
    std::variant<ReceiveMessage, SendMessage, ShowProducts, AddItem, RemoveItem, SetQuantity,
                 ChooseVariant, ClearCart, StartCheckout, ProvideDetails, RequestConfirmation,
                 CancelCheckout, PlaceOrder, SetStage, RequestHandoff, EndHandoff,
                 RecordDeliveryStatus, RecordSearch, NoteOrderStatus, ForgetCustomer,
                 RequestOrderCancel, ApplyPromo, RemovePromo, SetLabel, SetArchived, CorrectDetails,
                 RequestErasure, RecordMediaRead>;

enum class Error : uint8_t {
  empty_text = 1,    // nothing but white space
  text_too_long,     // over kMaxTextBytes
  invalid_text,      // not valid UTF-8
  missing_sender,    // channel or user id empty
  sender_mismatch,   // a message from another channel/user than the conversation's
  not_started,       // an outbound message before any inbound one: no recipient known
  invalid_quantity,  // not 1..999
  not_in_cart,       // the SKU has no line in the cart
  empty_cart,        // checkout or order with nothing in the cart
  incomplete,        // confirmation before variants and details are complete
  not_confirmed,     // an order before the customer confirmed
  outside_window,    // free text on WhatsApp more than 24 h after the customer's last message
  invalid_kind,      // an inbound kind other than text/image/location/voice/unsupported
  invalid_status,    // a delivery status other than sent/delivered/read/failed
  invalid_price,     // a line priced below 0 or over kMaxPriceCents
  mixed_currency,    // a line in another currency than the cart's
  cart_full,         // kMaxCartLines lines already, or the total over kMaxOrderCents
  unknown_order,     // an order this conversation did not place
  stock_unknown,     // placing the order needs the stock levels, read from the log by the caller
  out_of_stock,      // the order wants more units than the stock has
  invalid_label,     // over kMaxLabelBytes, not UTF-8, or a control character
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::conversation
