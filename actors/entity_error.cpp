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
    case entity_errc::failed:
      return "failed";
  }
  return "unknown";
}

namespace {
caf::error make(entity_errc code, std::string entity, uint8_t value, std::string text) {
  return {static_cast<uint8_t>(code), kEntityErrorCategory,
          caf::make_message(std::move(entity), value, std::move(text))};
}
}  // namespace

caf::error make_refusal(const domain::Refusal& refusal) {
  return make(entity_errc::rejected, refusal.entity, refusal.code, refusal.name);
}

caf::error make_storage_error(entity_errc code, const events::Status& status) {
  return make(code, "", static_cast<uint8_t>(status.code()), status.to_string());
}

caf::error make_failure(std::string what) {
  return make(entity_errc::failed, "", 0, std::move(what));
}

bool decode_entity_error(const caf::error& err, EntityError* out) {
  if (err.category() != kEntityErrorCategory) return false;
  *out = EntityError{};
  out->code = static_cast<entity_errc>(err.code());
  const auto& ctx = err.context();
  if (!ctx.match_elements<std::string, uint8_t, std::string>()) return true;
  const auto value = ctx.get_as<uint8_t>(1);
  out->text = ctx.get_as<std::string>(2);
  if (out->code == entity_errc::rejected)
    out->refusal = {ctx.get_as<std::string>(0), value, out->text};
  if (out->code == entity_errc::storage_failed || out->code == entity_errc::recovery_failed)
    out->store = static_cast<events::StoreErrc>(value);
  return true;
}

}  // namespace parley::actors
