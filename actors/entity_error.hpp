// Errors an entity answers with. CAF 0.17: (code, category atom, context).
#pragma once

#include <caf/error.hpp>
#include <cstdint>
#include <string>

namespace parley::actors {

enum class entity_errc : uint8_t {
  rejected = 1,     // the decider refused the command; context: the domain error code
  storage_failed,   // the append failed; context: the store's message
  recovery_failed,  // the entity could not be loaded from the log
};

const char* to_string(entity_errc code);
caf::error make_error(entity_errc code, std::string context);

inline constexpr caf::atom_value kEntityErrorCategory = caf::atom("entity");

// Decodes an error made by make_error; false for any other error.
bool decode_entity_error(const caf::error& err, entity_errc* code, std::string* context);

}  // namespace parley::actors
