// The shop's persona per language as a projection of persona.saved events
// (domain/persona.hpp): folds each language's stream and publishes an
// immutable snapshot that the offline brain reads without locks
// (brain/personas.hpp). Writers call catch_up() after an append to read
// their own writes.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "brain/personas.hpp"
#include "projections/log_follower.hpp"

namespace parley::projections {

struct PersonaSnapshot final : brain::Personas {
  uint64_t position = 0;
  std::map<std::string, domain::persona::Persona> by_language;  // saved and not the built-in voice

  const domain::persona::Persona* in(const std::string& language) const override;
};

class PersonaView final : public LogFollower {
 public:
  explicit PersonaView(events::EventStore& store);
  ~PersonaView() override { stop_following(); }
  std::string_view name() const override { return "persona"; }

  std::shared_ptr<const PersonaSnapshot> snapshot() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  std::map<std::string, domain::persona::State> personas_;  // guarded by fold_mutex()
  std::shared_ptr<const PersonaSnapshot> snapshot_;         // atomic_load/atomic_store
};

}  // namespace parley::projections
