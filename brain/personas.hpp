// The shop's persona for the offline brain, per language (domain/persona.hpp):
// what the policy asks of the persona view (projections/persona_view.hpp).
#pragma once

#include <string>

#include "domain/persona.hpp"

namespace parley::brain {

class Personas {
 public:
  virtual ~Personas() = default;
  // The persona saved for `language`; nullptr: the built-in voice.
  virtual const domain::persona::Persona* in(const std::string& language) const = 0;
};

}  // namespace parley::brain
