// A decider's refusal as it crosses the layers (entity → engine → HTTP):
// which entity's Error enum and which value. Callers compare enums, never
// words: `refusal.is(lead::Error::not_found)`. `name()` is the error's stored
// name (its to_string), for JSON and logs only.
//
// Every domain Error enum has a Refuser here; a new one adds a line to the
// enum, to RefuserOf and to name() in refusal.cpp.
#pragma once

#include <cstdint>

namespace parley::domain {

namespace conversation {
enum class Error : uint8_t;
}
namespace lead {
enum class Error : uint8_t;
}
namespace order {
enum class Error : uint8_t;
}
namespace product {
enum class Error : uint8_t;
}
namespace user {
enum class Error : uint8_t;
}
namespace sequence {
enum class Error : uint8_t;
}
namespace llm_config {
enum class Error : uint8_t;
}
namespace delivery {
enum class Error : uint8_t;
}

enum class Refuser : uint8_t {
  none = 0,
  conversation,
  lead,
  order,
  product,
  user,
  sequence,
  llm_config,
  delivery,
};

template <class E>
struct RefuserOf;  // no Refuser for E: E is not a domain Error enum
template <>
struct RefuserOf<conversation::Error> {
  static constexpr Refuser value = Refuser::conversation;
};
template <>
struct RefuserOf<lead::Error> {
  static constexpr Refuser value = Refuser::lead;
};
template <>
struct RefuserOf<order::Error> {
  static constexpr Refuser value = Refuser::order;
};
template <>
struct RefuserOf<product::Error> {
  static constexpr Refuser value = Refuser::product;
};
template <>
struct RefuserOf<user::Error> {
  static constexpr Refuser value = Refuser::user;
};
template <>
struct RefuserOf<sequence::Error> {
  static constexpr Refuser value = Refuser::sequence;
};
template <>
struct RefuserOf<llm_config::Error> {
  static constexpr Refuser value = Refuser::llm_config;
};
template <>
struct RefuserOf<delivery::Error> {
  static constexpr Refuser value = Refuser::delivery;
};

struct Refusal {
  Refuser by = Refuser::none;
  uint8_t code = 0;  // the Error's value

  template <class E>
  static Refusal of(E e) {
    return {RefuserOf<E>::value, static_cast<uint8_t>(e)};
  }
  template <class E>
  bool is(E e) const {
    return by == RefuserOf<E>::value && code == static_cast<uint8_t>(e);
  }
  explicit operator bool() const { return by != Refuser::none; }
  bool operator==(const Refusal& o) const { return by == o.by && code == o.code; }
};

// The error's stored name ("not_found", "outside_window" …); "" for none.
const char* name(Refusal r);

}  // namespace parley::domain
