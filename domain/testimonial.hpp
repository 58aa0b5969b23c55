// A testimonial: a real shopper's words about the shop or one product, with
// an optional photo, shown to a shopper who asks for reviews or hesitates at
// checkout. Stream ("testimonial", <id>), the id the admin's (1..64 of
// a-z, 0-9, '.', '_', '-'). Saving the same again decides nothing; removing
// is for good until it is saved again.
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::testimonial {

inline constexpr const char* kEntityType = "testimonial";

struct Testimonial {
  std::string id;         // the stream id
  std::string text;       // 1..1000 bytes, the author's words, never translated
  std::string author;     // 1..100 bytes, as they agreed to be named ("Rina, Bandung")
  std::string language;   // en, es, ru, id or hi: the text's
  std::string sku;        // the product it is about; "" for the shop as a whole
  std::string photo_url;  // "" or an https:// URL of at most 500 bytes
  int64_t saved_us = 0;   // when it was last saved (set by evolve)

  friend bool operator==(const Testimonial& a, const Testimonial& b);
};

struct TestimonialSaved {
  Testimonial testimonial;
  std::string by;
  int64_t at_us = 0;
};
struct TestimonialRemoved {
  std::string by;
  int64_t at_us = 0;
};
namespace types {
inline constexpr const char* kSaved = "testimonial.saved";
inline constexpr const char* kRemoved = "testimonial.removed";
}  // namespace types
using Event = std::variant<TestimonialSaved, TestimonialRemoved>;

struct State {
  bool exists = false;  // saved and not removed since
  Testimonial testimonial;
};

struct Save {
  Testimonial testimonial;
  std::string by;
  int64_t at_us = 0;
};
struct Remove {
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Save, Remove>;

enum class Error : uint8_t {
  invalid_id = 1,
  invalid_text,      // empty or over 1000 bytes
  invalid_author,    // empty or over 100 bytes
  invalid_language,  // not en, es, ru, id or hi
  invalid_photo,     // not an https:// URL of at most 500 bytes
  not_found,         // removing one that does not exist
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

std::optional<Error> validate(const Testimonial& t);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::testimonial
