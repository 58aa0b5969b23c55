#include "privacy/personal_fields.hpp"

#include <simdjson.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"
#include "events/json_text.hpp"
#include "events/lead_codec.hpp"
#include "events/order_codec.hpp"

namespace parley::privacy {

namespace ot = events::order_codec::types;
namespace lt = events::lead_codec::types;

namespace ct = events::conversation_codec::types;
namespace {

using nlohmann::json;
using Paths = std::vector<std::vector<std::string>>;

// What a shopper wrote or gave, what the bot said back (it repeats names and
// addresses), and a lead's contact. Identities used as stream ids (a chat id,
// a WhatsApp number) are not here: see docs/SECURITY.md.
const std::unordered_map<std::string_view, Paths>& table() {
  static const std::unordered_map<std::string_view, Paths> t = {
      {ct::kMessageReceived, {{"text"}, {"attachment"}, {"latitude"}, {"longitude"}}},
      {ct::kMessageSent, {{"text"}, {"template", "parameters"}}},
      {ct::kSearchPerformed, {{"query"}}},
      {ct::kDetailsProvided, {{"name"}, {"phone"}, {"email"}, {"address"}, {"city"}}},
      {ct::kDetailsCorrected, {{"name"}, {"phone"}, {"email"}, {"address"}, {"city"}}},
      // The team's label may name the customer ("Ana, wedding order").
      {ct::kLabelled, {{"label"}}},
      // A voice note's words are what the shopper said; the file is theirs.
      {ct::kMediaRead, {{"text"}, {"stored"}}},
      {ot::kPlaced,
       {{"customer", "name"},
        {"customer", "phone"},
        {"customer", "email"},
        {"customer", "address"},
        {"customer", "city"}}},
      // Events of the order's own stream belong to the conversation that
      // placed it (SealedEventStore::owner_of).
      {ot::kShipped, {{"tracking"}}},
      {ot::kCancelled, {{"reason"}}},
      {ot::kRefunded, {{"reason"}}},
      {ot::kInvoiceMailed, {{"to"}}},
      {ot::kInvoiceMailFailed, {{"to"}, {"error"}}},
      {ct::kOrderStatusNoted, {{"note", "tracking"}}},
      {events::delivery_codec::kNotificationQueued, {{"text"}}},
      {lt::kCreated, {{"contact_name"}, {"phone"}, {"email"}}},
      {lt::kDetailsUpdated,
       {{"fields", "contact_name"},
        {"fields", "phone"},
        {"fields", "email"},
        {"fields", "address"},
        {"fields", "challenges"}}},
      {lt::kActivityAdded, {{"note"}}},
      {lt::kAppointmentScheduled, {{"appointment", "note"}}},
      {lt::kAppointmentDone, {{"note"}}},
      {lt::kAppointmentCancelled, {{"note"}}},
      {lt::kFollowUpScheduled, {{"step", "text"}, {"step", "sent_to"}}},
      {lt::kFollowUpSent, {{"to"}}},
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

const json* personal_value_at(const json& j, const std::vector<std::string>& path) {
  const json* v = &j;
  for (const auto& member : path) {
    if (!v->is_object()) break;
    auto it = v->find(member);
    if (it == v->end()) return nullptr;
    v = &*it;
  }
  return v == &j ? nullptr : v;
}

namespace {

json* member_at(json& j, const std::vector<std::string>& path) {
  return const_cast<json*>(personal_value_at(j, path));
}

// A personal value's text in the payload, to be replaced by its sealed token.
struct Span {
  size_t begin = 0, end = 0;
  char kind = 's';  // 's' a string, 'n' a number
};

std::string_view trimmed(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r'))
    token.remove_suffix(1);
  return token;
}

// The spans of `v` (a string, a number, or an array of them, at any depth),
// as offsets from `base`. Other values (null, true, objects) are not sealed.
simdjson::error_code collect(simdjson::ondemand::value v, const char* base,
                             std::vector<Span>* out) {
  simdjson::ondemand::json_type type;
  if (auto e = v.type().get(type)) return e;
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array items;
    if (auto e = v.get_array().get(items)) return e;
    for (auto item : items) {
      simdjson::ondemand::value element;
      if (auto e = item.get(element)) return e;
      if (auto e = collect(element, base, out)) return e;
    }
    return simdjson::SUCCESS;
  }
  if (type != simdjson::ondemand::json_type::string &&
      type != simdjson::ondemand::json_type::number)
    return simdjson::SUCCESS;
  const std::string_view token = trimmed(v.raw_json_token());
  const bool is_string = type == simdjson::ondemand::json_type::string;
  if (is_string && token.size() <= 2) return simdjson::SUCCESS;  // "": nothing to hide
  const size_t begin = static_cast<size_t>(token.data() - base);
  out->push_back({begin, begin + token.size(), is_string ? 's' : 'n'});
  return simdjson::SUCCESS;
}

// The personal values of `payload` (a JSON object) at `paths` (one or two
// members deep), in the order they appear; an error for anything else.
simdjson::error_code personal_spans(const simdjson::padded_string& payload, const Paths& paths,
                                    std::vector<Span>* out) {
  thread_local simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(payload).get(doc)) return e;
  simdjson::ondemand::object object;
  if (auto e = doc.get_object().get(object)) return e;
  const char* base = payload.data();
  for (auto field : object) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    bool whole = false;
    std::vector<std::string_view> members;  // of `key`'s object, when paths go deeper
    for (const auto& path : paths) {
      if (path.empty() || path[0] != key) continue;
      if (path.size() == 1)
        whole = true;
      else
        members.push_back(path[1]);
    }
    if (!whole && members.empty()) continue;
    simdjson::ondemand::value v;
    if (auto e = field.value().get(v)) return e;
    simdjson::ondemand::json_type type;
    if (auto e = v.type().get(type)) return e;
    // A path that runs into a value that is not an object seals that value
    // whole, as member_at does on the DOM way: never left in the clear.
    if (whole || type != simdjson::ondemand::json_type::object) {
      if (auto e = collect(v, base, out)) return e;
      continue;
    }
    simdjson::ondemand::object inner;
    if (auto e = v.get_object().get(inner)) return e;
    for (auto inner_field : inner) {
      std::string_view inner_key;
      if (auto e = inner_field.unescaped_key().get(inner_key)) return e;
      if (std::find(members.begin(), members.end(), inner_key) == members.end()) continue;
      simdjson::ondemand::value member;
      if (auto e = inner_field.value().get(member)) return e;
      if (auto e = collect(member, base, out)) return e;
    }
  }
  return simdjson::SUCCESS;
}

// The payload parsed into a DOM, its personal values sealed, printed again:
// the way for any payload the fast path below does not take.
events::Expected<std::string> seal_with_dom(std::string_view event_type, const std::string& payload,
                                            const Paths& paths, const Seal& seal) {
  json j = json::parse(payload, nullptr, false);
  // Fail closed: a personal event that is not an object would be stored as it is.
  if (!j.is_object())
    return events::Status::InvalidArgument("a " + std::string(event_type) +
                                           " payload that is not a JSON object cannot be sealed");
  for (const auto& path : paths)
    if (json* v = member_at(j, path))
      if (auto st = seal_value(v, seal); !st.ok()) return st;
  return events::json_text(j);
}

}  // namespace

// The payload as it came, each personal value's text swapped for its sealed
// token: no DOM built and printed again. Parsing and printing with nlohmann
// was two thirds of sealing, and sealing 14 % of a chat turn's instructions
// (callgrind, issue 22). What is accepted is what nlohmann, every reader's
// parser, accepts; a payload simdjson reads otherwise (a number beyond 64
// bits), or with a NUL byte (nlohmann ends the text there), or with anything
// after the object, takes the DOM way, as before. simdjson's validating parse
// decides first: RFC 8259 JSON it takes, nlohmann takes too, and asking
// nlohmann (json::accept) for every payload was 40k instructions a chat turn,
// 4.4 % of all (callgrind at 3a6aad8). Only what simdjson refuses is asked of
// nlohmann; the fuzz target `sealing` holds both to what opens.
events::Expected<std::string> seal_payload(std::string_view event_type, const std::string& payload,
                                           const Seal& seal) {
  const auto& paths = personal_fields(event_type);
  if (paths.empty()) return payload;
  const size_t last = payload.find_last_not_of(" \t\r\n");
  const bool deep =
      std::any_of(paths.begin(), paths.end(), [](const auto& p) { return p.size() > 2; });
  if (deep || last == std::string::npos || payload[last] != '}' ||
      payload.find('\0') != std::string::npos)
    return seal_with_dom(event_type, payload, paths, seal);
  const simdjson::padded_string padded(payload);
  thread_local simdjson::dom::parser validator;
  if (validator.parse(padded).error() != simdjson::SUCCESS && !json::accept(payload))
    return seal_with_dom(event_type, payload, paths, seal);
  std::vector<Span> spans;
  if (personal_spans(padded, paths, &spans)) return seal_with_dom(event_type, payload, paths, seal);
  std::string out;
  out.reserve(payload.size() + spans.size() * 96);
  size_t at = 0;
  for (const auto& span : spans) {
    auto sealed = seal(std::string_view(payload).substr(span.begin, span.end - span.begin));
    if (!sealed) return sealed.status();
    out.append(payload, at, span.begin - at);
    out += "\"pii:1:";
    out += span.kind;
    out += ':';
    out += *sealed;  // hex key id, ':', base64url: nothing to escape
    out += '"';
    at = span.end;
  }
  out.append(payload, at, std::string::npos);
  return out;
}

bool has_sealed_members(std::string_view payload) {
  return payload.find(kSealMarker) != std::string_view::npos;
}

namespace {

// The value a sealed token stands for, or nullopt when `v` is no token.
std::optional<json> opened_value(const json& v, const Open& open) {
  if (!v.is_string()) return std::nullopt;
  const std::string& token = v.get_ref<const std::string&>();
  // pii:1:<kind>:<32 hex>:<base64url>
  const std::string_view marker = kSealMarker.substr(1);  // without the quote
  if (token.size() < marker.size() + 2 + 32 + 2 || token.compare(0, marker.size(), marker) != 0)
    return std::nullopt;
  const size_t p = marker.size();
  const char kind = token[p];
  if ((kind != 's' && kind != 'n') || token[p + 1] != ':' || token[p + 34] != ':')
    return std::nullopt;
  const std::string_view id = std::string_view(token).substr(p + 2, 32);
  const std::string_view box = std::string_view(token).substr(p + 35);
  for (char c : id)
    if (!is_hex(c)) return std::nullopt;
  for (char c : box)
    if (!is_base64url(c)) return std::nullopt;
  if (box.empty()) return std::nullopt;
  const Opened o = open(id, box);
  if (o.state == Opened::State::ok) {
    json value = json::parse(o.plaintext, nullptr, false);
    if (kind == 's' && value.is_string()) return value;
    if (kind == 'n' && value.is_number() && is_number_text(o.plaintext)) return value;
  }
  if (kind == 'n') return json(0);
  return json(std::string(o.state == Opened::State::erased ? kErasedText : kUnreadableText));
}

void open_value(json* v, const Open& open) {
  if (v->is_array()) {
    for (auto& e : *v) open_value(&e, open);
    return;
  }
  if (auto value = opened_value(*v, open)) *v = std::move(*value);
}

}  // namespace

// Only the personal members of the event's type are opened, as only they are
// ever sealed: a string elsewhere that looks like a token (a user id, a
// product name) is left as it was written.
std::string open_payload(std::string_view event_type, std::string_view payload, const Open& open) {
  const auto& paths = personal_fields(event_type);
  if (paths.empty() || !has_sealed_members(payload)) return std::string(payload);
  json j = json::parse(payload, nullptr, false);
  if (!j.is_object()) return std::string(payload);
  for (const auto& path : paths)
    if (json* v = member_at(j, path)) open_value(v, open);
  return events::json_text(j);
}

}  // namespace parley::privacy
