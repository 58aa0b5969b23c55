#include "domain/refusal.hpp"

#include "domain/conversation.hpp"
#include "domain/delivery.hpp"
#include "domain/lead.hpp"
#include "domain/llm_config.hpp"
#include "domain/order.hpp"
#include "domain/product.hpp"
#include "domain/sequence.hpp"
#include "domain/user.hpp"

namespace parley::domain {

namespace {
template <class E>
const char* name_as(uint8_t code) {
  return to_string(static_cast<E>(code));
}
}  // namespace

const char* name(Refusal r) {
  switch (r.by) {
    case Refuser::none:
      return "";
    case Refuser::conversation:
      return name_as<conversation::Error>(r.code);
    case Refuser::lead:
      return name_as<lead::Error>(r.code);
    case Refuser::order:
      return name_as<order::Error>(r.code);
    case Refuser::product:
      return name_as<product::Error>(r.code);
    case Refuser::user:
      return name_as<user::Error>(r.code);
    case Refuser::sequence:
      return name_as<sequence::Error>(r.code);
    case Refuser::llm_config:
      return name_as<llm_config::Error>(r.code);
    case Refuser::delivery:
      return name_as<delivery::Error>(r.code);
  }
  return "unknown";
}

}  // namespace parley::domain
