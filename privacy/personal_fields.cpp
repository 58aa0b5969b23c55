#include "privacy/personal_fields.hpp"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "events/delivery_codec.hpp"

namespace parley::privacy {
namespace {

using nlohmann::json;
using Paths = std::vector<std::vector<std::string>>;

// What a shopper wrote or gave, what the bot said back (it repeats names and
// addresses), and a lead's contact. Identities used as stream ids (a chat id,
// a WhatsApp number) are not here: see docs/SECURITY.md.
const std::unordered_map<std::string_view, Paths>& table() {
  static const std::unordered_map<std::string_view, Paths> t = {
      {"conversation.message_received", {{"text"}, {"attachment"}, {"latitude"}, {"longitude"}}},
      {"conversation.message_sent", {{"text"}, {"template", "parameters"}}},
      {"conversation.search_performed", {{"query"}}},
      {"checkout.details_provided", {{"name"}, {"phone"}, {"email"}, {"address"}, {"city"}}},
      {"order.placed",
       {{"customer", "name"},
        {"customer", "phone"},
        {"customer", "email"},
        {"customer", "address"},
        {"customer", "city"}}},
      // Events of the order's own stream belong to the conversation that
      // placed it (SealedEventStore::owner_of).
      {"order.shipped", {{"tracking"}}},
      {"order.cancelled", {{"reason"}}},
      {"order.refunded", {{"reason"}}},
      {"order.invoice_mailed", {{"to"}}},
      {"order.invoice_mail_failed", {{"to"}, {"error"}}},
      {"conversation.order_status_noted", {{"note", "tracking"}}},
      {events::delivery_codec::kNotificationQueued, {{"text"}}},
      {"lead.created", {{"contact_name"}, {"phone"}, {"email"}}},
      {"lead.details_updated",
       {{"fields", "contact_name"},
        {"fields", "phone"},
        {"fields", "email"},
        {"fields", "address"},
        {"fields", "challenges"}}},
      {"lead.activity_added", {{"note"}}},
      {"lead.appointment_scheduled", {{"appointment", "note"}}},
      {"lead.appointment_done", {{"note"}}},
      {"lead.appointment_cancelled", {{"note"}}},
      {"lead.follow_up_scheduled", {{"step", "text"}, {"step", "sent_to"}}},
      {"lead.follow_up_sent", {{"to"}}},
  };
  return t;
}

// Seals `v` in place if it is a string or a number; each element of an array.
events::Status seal_value(json* v, const Seal& seal) {
  if (v->is_array()) {
    for (auto& e : *v)
      if (auto st = seal_value(&e, seal); !st.ok()) return st;
    return events::Status::Ok();
  }
  const char kind = v->is_string() ? 's' : v->is_number() ? 'n' : 0;
  if (!kind || (kind == 's' && v->get_ref<const std::string&>().empty()))
    return events::Status::Ok();
  auto sealed = seal(v->dump(-1, ' ', false, json::error_handler_t::replace));
  if (!sealed) return sealed.status();
  *v = std::string("pii:1:") + kind + ":" + *sealed;
  return events::Status::Ok();
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}
// A number's JSON text, and nothing else, may replace a sealed number.
bool is_number_text(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
      return false;
  return true;
}

}  // namespace

const Paths& personal_fields(std::string_view event_type) {
  static const Paths kNone;
  auto it = table().find(event_type);
  return it == table().end() ? kNone : it->second;
}

events::Expected<std::string> seal_payload(std::string_view event_type, const std::string& payload,
                                           const Seal& seal) {
  const auto& paths = personal_fields(event_type);
  if (paths.empty()) return payload;
  json j = json::parse(payload, nullptr, false);
  // Fail closed: a personal event that is not an object would be stored as it is.
  if (!j.is_object())
    return events::Status::InvalidArgument("a " + std::string(event_type) +
                                           " payload that is not a JSON object cannot be sealed");
  for (const auto& path : paths) {
    json* v = &j;
    for (const auto& member : path) {
      if (!v->is_object()) break;
      auto it = v->find(member);
      v = it == v->end() ? nullptr : &*it;
      if (!v) break;
    }
    if (!v || v == &j) continue;
    if (auto st = seal_value(v, seal); !st.ok()) return st;
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool has_sealed_members(std::string_view payload) {
  return payload.find(kSealMarker) != std::string_view::npos;
}

// Walks the JSON text string by string, so a marker inside another string
// (a text that quotes a token, escaped as \"pii:1:…) is never taken for one.
std::string open_payload(std::string_view payload, const Open& open) {
  std::string out;
  out.reserve(payload.size());
  size_t done = 0;
  size_t i = 0;
  while (i < payload.size()) {
    if (payload[i] != '"') {
      ++i;
      continue;
    }
    const size_t at = i;  // a string starts here
    size_t close = at + 1;
    while (close < payload.size() && payload[close] != '"') close += payload[close] == '\\' ? 2 : 1;
    i = close + 1;
    if (close >= payload.size()) break;
    // "pii:1:" kind ':' 32 hex ':' base64url '"'
    const std::string_view token = payload.substr(at, close - at);
    if (token.substr(0, kSealMarker.size()) != kSealMarker) continue;
    const size_t p = kSealMarker.size();
    if (token.size() < p + 2 + 32 + 2) continue;
    const char kind = token[p];
    if ((kind != 's' && kind != 'n') || token[p + 1] != ':' || token[p + 34] != ':') continue;
    const std::string_view id = token.substr(p + 2, 32);
    const std::string_view box = token.substr(p + 35);
    bool well_formed = !box.empty();
    for (char c : id) well_formed = well_formed && is_hex(c);
    for (char c : box) well_formed = well_formed && is_base64url(c);
    if (!well_formed) continue;

    const Opened o = open(id, box);
    std::string value;
    if (o.state == Opened::State::ok && (kind == 's' || is_number_text(o.plaintext)))
      value = o.plaintext;
    else if (kind == 'n')
      value = "0";
    else
      value = json(std::string(o.state == Opened::State::erased ? kErasedText : kUnreadableText))
                  .dump();
    out.append(payload.substr(done, at - done));
    out.append(value);
    done = close + 1;
  }
  out.append(payload.substr(done));
  return out;
}

}  // namespace parley::privacy
