#include "projections/persona_view.hpp"

#include "events/persona_codec.hpp"

namespace parley::projections {

const domain::persona::Persona* PersonaSnapshot::in(const std::string& language) const {
  auto it = by_language.find(language);
  return it == by_language.end() ? nullptr : &it->second;
}

PersonaView::PersonaView(events::EventStore& store)
    : LogFollower(store), snapshot_(std::make_shared<PersonaSnapshot>()) {}

bool PersonaView::wants(std::string_view type) const {
  return events::persona_codec::is_persona_event(type);
}

events::Status PersonaView::apply(const events::EventEnvelope& env) {
  auto e = events::persona_codec::decode(env);
  if (!e) return e.status();
  auto it =
      personas_.try_emplace(env.entity_id, domain::persona::initial_state(env.entity_id)).first;
  it->second = domain::persona::evolve(std::move(it->second), *e);
  return events::Status::Ok();
}

void PersonaView::publish(uint64_t position) {
  auto snap = std::make_shared<PersonaSnapshot>();
  snap->position = position;
  for (const auto& [language, s] : personas_)
    if (!s.persona.empty()) snap->by_language[language] = s.persona;
  std::atomic_store(&snapshot_, std::shared_ptr<const PersonaSnapshot>(std::move(snap)));
}

std::shared_ptr<const PersonaSnapshot> PersonaView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
