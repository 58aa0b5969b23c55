// A decider's refusal as it crosses the layers (entity → engine → HTTP):
// which entity refused and with which value of its Error enum. Callers
// compare enums, never words: `refusal.is(lead::Error::not_found)`; a
// product's not_found is not an order's. `name` is the error's stored name
// (its to_string), for JSON and logs only.
//
// Each domain header that declares an Error says whose it is beside it:
//   inline const char* refuser_of(Error) { return kEntityType; }
// (found by argument-dependent lookup), so a new entity adds nothing here.
#pragma once

#include <cstdint>
#include <string>

namespace parley::domain {

struct Refusal {
  std::string entity;  // the refuser's kEntityType ("lead", "order" …); "" for none
  uint8_t code = 0;    // the Error's value
  std::string name;    // the Error's to_string

  template <class E>
  static Refusal of(E e) {
    return {refuser_of(e), static_cast<uint8_t>(e), to_string(e)};
  }
  template <class E>
  bool is(E e) const {
    return code == static_cast<uint8_t>(e) && entity == refuser_of(e);
  }
  explicit operator bool() const { return !entity.empty(); }
};

}  // namespace parley::domain
