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
caf::error make(entity_errc code, uint8_t a, uint8_t b, std::string text) {
  return {static_cast<uint8_t>(code), kEntityErrorCategory,
          caf::make_message(a, b, std::move(text))};
}
}  // namespace

caf::error make_refusal(domain::Refusal refusal) {
  return make(entity_errc::rejected, static_cast<uint8_t>(refusal.by), refusal.code,
              domain::name(refusal));
}

caf::error make_storage_error(entity_errc code, const events::Status& status) {
  return make(code, static_cast<uint8_t>(status.code()), 0, status.to_string());
}

caf::error make_failure(std::string what) {
  return make(entity_errc::failed, 0, 0, std::move(what));
}

bool decode_entity_error(const caf::error& err, EntityError* out) {
  if (err.category() != kEntityErrorCategory) return false;
  *out = EntityError{};
  out->code = static_cast<entity_errc>(err.code());
  const auto& ctx = err.context();
  if (!ctx.match_elements<uint8_t, uint8_t, std::string>()) return true;
  const auto a = ctx.get_as<uint8_t>(0);
  const auto b = ctx.get_as<uint8_t>(1);
  out->text = ctx.get_as<std::string>(2);
  if (out->code == entity_errc::rejected) out->refusal = {static_cast<domain::Refuser>(a), b};
  if (out->code == entity_errc::storage_failed || out->code == entity_errc::recovery_failed)
    out->store = static_cast<events::StoreErrc>(a);
  return true;
}

}  // namespace parley::actors
