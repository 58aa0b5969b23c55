#include "events/persona_codec.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "events/envelope_json.hpp"
#include "events/schema_table.hpp"

namespace parley::events::persona_codec {
using nlohmann::json;

namespace {

// A tone this build does not know is a payload that does not read: the table
// reports the throw as Corruption.
persona::Tone stored_tone(const json& p) {
  persona::Tone tone = persona::Tone::friendly;
  if (!persona::parse_tone(p.value("tone", "friendly"), &tone))
    throw json::other_error::create(501, "unknown persona tone", &p);
  return tone;
}

template <class E>
struct Schema;
// The saved event carries its own time (TimedSchema, events/schema_table.hpp).
template <>
struct Schema<persona::PersonaSaved> : TimedSchema<persona::PersonaSaved> {
  static constexpr const char* kType = types::kSaved;
  static json to(const persona::PersonaSaved& e) {
    return {{"name", e.persona.name},
            {"tone", persona::to_string(e.persona.tone)},
            {"sign_off", e.persona.sign_off},
            {"by", e.by}};
  }
  // The language is the stream's: one stream per language.
  static persona::PersonaSaved from(const json& p, const EventEnvelope& env) {
    persona::Persona saved;
    saved.name = p.value("name", "");
    saved.tone = stored_tone(p);
    saved.sign_off = p.value("sign_off", "");
    return {env.entity_id, std::move(saved), p.value("by", ""), env.timestamp_us};
  }
};
using Table = SchemaTable<persona::Event, Schema>;

}  // namespace

NewEvent encode(const persona::Event& event) {
  return Table::encode(event);
}

Expected<persona::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a persona");
}

bool is_persona_event(std::string_view type) {
  return Table::knows(type);
}

json persona_to_json(const std::string& language, const persona::State& s) {
  return {{"language", language},
          {"name", s.persona.name},
          {"tone", persona::to_string(s.persona.tone)},
          {"sign_off", s.persona.sign_off},
          {"saved_at", s.saved_us ? json(format_timestamp(s.saved_us)) : json(nullptr)}};
}

Expected<persona::Persona> persona_from_json(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a persona must be a JSON object");
  // Absent or null: the built-in's.
  auto str = [&](const char* k, std::string* out) -> std::optional<Status> {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
      return Status::InvalidArgument(std::string("'") + k + "' must be a string");
    *out = it->get<std::string>();
    return std::nullopt;
  };
  persona::Persona p;
  std::string tone = persona::to_string(persona::Tone::friendly);
  for (auto e : {str("name", &p.name), str("tone", &tone), str("sign_off", &p.sign_off)})
    if (e) return *e;
  if (!persona::parse_tone(tone, &p.tone))
    return Status::InvalidArgument("'tone' must be friendly or formal");
  return p;
}

}  // namespace parley::events::persona_codec
