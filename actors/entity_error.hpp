// Errors an entity answers with. CAF 0.17: (code, category atom, context);
// the context is (string entity, uint8 code, string text):
//   rejected         the domain::Refusal: the refusing entity, its Error's value, its name
//   storage_failed   code: the events::StoreErrc; text: the store's message
//   recovery_failed  code: the events::StoreErrc; text: why the stream did not load
//   failed           text: what broke (a decider threw: a bug, not a refusal)
#pragma once

#include <caf/error.hpp>
#include <cstdint>
#include <string>

#include "domain/refusal.hpp"
#include "events/status.hpp"

namespace parley::actors {

enum class entity_errc : uint8_t {
  rejected = 1,     // the decider refused the command
  storage_failed,   // the append failed
  recovery_failed,  // the entity could not be loaded from the log
  failed,           // the decider threw
};

const char* to_string(entity_errc code);

caf::error make_refusal(const domain::Refusal& refusal);
template <class DomainError>
caf::error make_refusal(DomainError e) {
  return make_refusal(domain::Refusal::of(e));
}
caf::error make_storage_error(entity_errc code, const events::Status& status);
caf::error make_failure(std::string what);

inline constexpr caf::atom_value kEntityErrorCategory = caf::atom("entity");

struct EntityError {
  entity_errc code = entity_errc::failed;
  domain::Refusal refusal;                          // rejected
  events::StoreErrc store = events::StoreErrc::ok;  // storage_failed, recovery_failed
  std::string text;
};

// Decodes an error made above; false for any other error.
bool decode_entity_error(const caf::error& err, EntityError* out);

}  // namespace parley::actors
