#include "actors/entity_error.hpp"

#include <caf/make_message.hpp>
#include <caf/message.hpp>

namespace parley::actors {

const char* to_string(entity_errc code) {
  switch (code) {
    case entity_errc::rejected:
      return "rejected";
    case entity_errc::storage_failed:
      return "storage_failed";
    case entity_errc::recovery_failed:
      return "recovery_failed";
  }
  return "unknown";
}

caf::error make_error(entity_errc code, std::string context) {
  return {static_cast<uint8_t>(code), kEntityErrorCategory, caf::make_message(std::move(context))};
}

bool decode_entity_error(const caf::error& err, entity_errc* code, std::string* context) {
  if (err.category() != kEntityErrorCategory) return false;
  *code = static_cast<entity_errc>(err.code());
  const auto& ctx = err.context();
  if (ctx.size() == 1 && ctx.match_element<std::string>(0)) *context = ctx.get_as<std::string>(0);
  return true;
}

}  // namespace parley::actors
