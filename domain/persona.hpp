// The offline brain's persona in one language: the name it introduces itself
// by, its tone, and the line it signs off with. Stream ("persona",
// <language>): en, es, ru, id or hi. Saving the same again decides nothing;
// saving an empty name and sign-off with the friendly tone is the built-in
// voice again. Used by the offline brain only (brain/shop_persona.cpp); a
// model answers in its own prompt's voice.
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::persona {

inline constexpr const char* kEntityType = "persona";
inline constexpr size_t kMaxNameBytes = 40;
inline constexpr size_t kMaxSignOffBytes = 200;

enum class Tone : uint8_t { friendly = 1, formal };
const char* to_string(Tone t);
bool parse_tone(const std::string& text, Tone* out);  // "friendly" or "formal"

struct Persona {
  std::string name;  // "" or 1..40 bytes of UTF-8, no control characters: "Maya"
  Tone tone = Tone::friendly;
  std::string sign_off;  // "" or 1..200 bytes of UTF-8, no control characters but newlines
  bool empty() const { return name.empty() && sign_off.empty() && tone == Tone::friendly; }
  friend bool operator==(const Persona& a, const Persona& b) {
    return a.name == b.name && a.tone == b.tone && a.sign_off == b.sign_off;
  }
};

struct PersonaSaved {
  std::string language;  // the stream's id
  Persona persona;
  std::string by;
  int64_t at_us = 0;
};
namespace types {
inline constexpr const char* kSaved = "persona.saved";
}  // namespace types
using Event = std::variant<PersonaSaved>;

struct State {
  std::string language;
  Persona persona;  // the built-in voice until saved
  int64_t saved_us = 0;
};

struct Save {
  std::string language;
  Persona persona;
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Save>;

enum class Error : uint8_t {
  invalid_language = 1,  // not en, es, ru, id or hi
  invalid_name,          // over 40 bytes, not UTF-8, or a control character
  invalid_sign_off,      // over 200 bytes, not UTF-8, or a control character other than \n
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

bool persona_language(const std::string& code);  // en, es, ru, id, hi
std::optional<Error> validate(const std::string& language, const Persona& p);
State initial_state(const std::string& language);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::persona
