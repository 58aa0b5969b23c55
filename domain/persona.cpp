#include "domain/persona.hpp"

#include <algorithm>
#include <iterator>

#include "domain/conversation.hpp"
#include "domain/overloaded.hpp"

namespace parley::domain::persona {
namespace {

constexpr const char* kLanguages[] = {"en", "es", "ru", "id", "hi"};

// Put into a reply as it is: well-formed UTF-8 only, and no control character
// that could break a chat's layout (a sign-off may span lines).
bool valid_text(const std::string& s, size_t max_bytes, bool newlines) {
  if (s.size() > max_bytes || !conversation::valid_utf8(s)) return false;
  return std::none_of(s.begin(), s.end(), [&](unsigned char c) {
    return (c < 0x20 && !(newlines && c == '\n')) || c == 0x7f;
  });
}

}  // namespace

const char* to_string(Tone t) {
  switch (t) {
    case Tone::friendly:
      return "friendly";
    case Tone::formal:
      return "formal";
  }
  return "friendly";
}

bool parse_tone(const std::string& text, Tone* out) {
  for (Tone t : {Tone::friendly, Tone::formal}) {
    if (text == to_string(t)) {
      *out = t;
      return true;
    }
  }
  return false;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_language:
      return "invalid_language";
    case Error::invalid_name:
      return "invalid_name";
    case Error::invalid_sign_off:
      return "invalid_sign_off";
  }
  return "unknown";
}

bool persona_language(const std::string& code) {
  return std::find(std::begin(kLanguages), std::end(kLanguages), code) != std::end(kLanguages);
}

std::optional<Error> validate(const std::string& language, const Persona& p) {
  if (!persona_language(language)) return Error::invalid_language;
  if (!valid_text(p.name, kMaxNameBytes, false)) return Error::invalid_name;
  if (!valid_text(p.sign_off, kMaxSignOffBytes, true)) return Error::invalid_sign_off;
  return std::nullopt;
}

State initial_state(const std::string& language) {
  State s;
  s.language = language;
  return s;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Save& sv) -> Events {
        if (auto e = validate(sv.language, sv.persona)) return fail(*e);
        // The built-in voice is a persona too: saving it unsaved is no change.
        if (state.persona == sv.persona) return std::vector<Event>{};
        return std::vector<Event>{PersonaSaved{sv.language, sv.persona, sv.by, sv.at_us}};
      }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const PersonaSaved& e) {
               s.language = e.language;
               s.persona = e.persona;
               s.saved_us = e.at_us;
             }},
             event);
  return s;
}

}  // namespace parley::domain::persona
