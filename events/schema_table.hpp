// The one way a codec maps its events to stored records: a Schema<E> per
// event type, with
//   static constexpr const char* kType;                 the stored type name
//   static nlohmann::json to(const E&);                 the payload
//   static E from(const nlohmann::json&, const EventEnvelope&);
// and optionally static void envelope(const E&, NewEvent*) for the time and
// causation an event carries itself. SchemaTable builds the type -> decoder
// table from the codec's Event variant: an event without a schema does not
// compile, a stored type without one is NotFound, a payload that does not
// read is Corruption.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "events/envelope.hpp"
#include "events/json_text.hpp"
#include "events/status.hpp"

namespace parley::events {

// A schema's base for an event that carries its own time (`at_us`): the
// stored envelope's timestamp is that time.
template <class E>
struct TimedSchema {
  static void envelope(const E& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};

template <class Event, template <class> class Schema>
class SchemaTable;

template <template <class> class Schema, class... Es>
class SchemaTable<std::variant<Es...>, Schema> {
 public:
  using Event = std::variant<Es...>;
  using json = nlohmann::json;

  static bool knows(std::string_view type) { return decoders().count(type) > 0; }

  // The type and payload, and what the event's schema puts on the envelope.
  static NewEvent encode(const Event& event) {
    NewEvent out;
    std::visit(
        [&](const auto& e) {
          using S = Schema<std::decay_t<decltype(e)>>;
          out.type = S::kType;
          out.payload = json_text(S::to(e));
          if constexpr (has_envelope<S, std::decay_t<decltype(e)>>(0)) S::envelope(e, &out);
        },
        event);
    return out;
  }

  // `what` names the codec in errors ("not a lead event: …").
  static Expected<Event> decode(const EventEnvelope& env, const char* what) {
    auto it = decoders().find(env.type);
    if (it == decoders().end())
      return Status::NotFound(std::string("not ") + what + " event: " + env.type);
    json p = json::parse(env.payload, nullptr, false);
    if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
    try {
      return it->second(p, env);
    } catch (const json::exception& ex) {
      return Status::Corruption("payload of " + env.type + ": " + ex.what());
    }
  }

 private:
  using Decoder = Event (*)(const json&, const EventEnvelope&);

  template <class S, class E>
  static constexpr auto has_envelope(int)
      -> decltype(S::envelope(std::declval<const E&>(), static_cast<NewEvent*>(nullptr)), true) {
    return true;
  }
  template <class S, class E>
  static constexpr bool has_envelope(...) {
    return false;
  }

  static const std::map<std::string_view, Decoder>& decoders() {
    static const std::map<std::string_view, Decoder> table = {
        {Schema<Es>::kType, [](const json& p, const EventEnvelope& env) -> Event {
           return Schema<Es>::from(p, env);
         }}...};
    return table;
  }
};

}  // namespace parley::events
