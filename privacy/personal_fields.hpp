// Which members of which stored events hold personal data, and how they are
// sealed in a payload (encrypted with the owner's key) and opened again. Pure:
// the cipher is passed in (privacy/customer_keys.hpp).
//
// A sealed member is a JSON string in place of the value:
//   "pii:1:<kind>:<key id, 32 hex>:<nonce and box, base64url>"
// kind `s` held a string, `n` a number; the box holds the value's JSON text.
// Opening puts the value back; when its key was erased (the customer was
// forgotten) a string reads "[erased]" and a number 0, so every codec still
// decodes the event (docs/SECURITY.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "events/status.hpp"

namespace parley::privacy {

inline constexpr std::string_view kSealMarker = "\"pii:1:";
inline constexpr std::string_view kErasedText = "[erased]";
inline constexpr std::string_view kUnreadableText = "[unreadable]";

// The member paths of `event_type` that are personal; empty for most types.
// An array at a path has each of its strings and numbers sealed.
const std::vector<std::vector<std::string>>& personal_fields(std::string_view event_type);

// The value a personal path reaches in `j`, walked as sealing and opening
// walk it: where the path runs into a value that is not an object, that value
// (it is sealed whole); nullptr when a member is absent.
const nlohmann::json* personal_value_at(const nlohmann::json& j,
                                        const std::vector<std::string>& path);

// Seals `plaintext` (a value's JSON text): "<key id>:<base64url>".
using Seal = std::function<events::Expected<std::string>(std::string_view plaintext)>;

// `payload` with its personal members sealed; the payload unchanged when the
// type has none or the payload is not a JSON object. An error from `seal`
// is returned, so nothing is stored in the clear by accident.
events::Expected<std::string> seal_payload(std::string_view event_type, const std::string& payload,
                                           const Seal& seal);

struct Opened {
  enum class State { ok, erased, unreadable } state = State::ok;
  std::string plaintext;
};
using Open = std::function<Opened(std::string_view key_id, std::string_view box)>;

bool has_sealed_members(std::string_view payload);
// `payload` with the sealed personal members of `event_type` replaced by their
// values (or the erased placeholder); nothing else is touched, and a payload
// without sealed members is returned byte for byte.
std::string open_payload(std::string_view event_type, std::string_view payload, const Open& open);

}  // namespace parley::privacy
