// Personal data sealed at rest (privacy/personal_fields.cpp): an event's
// personal members are sealed with a customer key and opened again, and what
// opens is what was sealed, whatever token-shaped strings the payload held
// before; opening any valid JSON gives valid JSON, whether the key opens, was
// erased, or the box was forged. Input, as event_codecs:
//
//   <event type>
//   <four more lines, ignored>
//   <payload JSON>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz.hpp"
#include "privacy/customer_keys.hpp"
#include "privacy/personal_fields.hpp"

using namespace parley;
using nlohmann::json;

namespace {

// Whether a personal value in a sealed payload is left in the clear: a
// non-empty string that is no token, or a number, at any depth of arrays.
bool in_clear(const json& v) {
  if (v.is_array())
    return std::any_of(v.begin(), v.end(), [](const json& e) { return in_clear(e); });
  if (v.is_number()) return true;
  if (!v.is_string()) return false;
  const auto& text = v.get_ref<const std::string&>();
  return !text.empty() && text.rfind("pii:1:", 0) != 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  std::string type, skipped;
  if (!fuzz::next_line(in, &at, &type)) return 0;
  for (int i = 0; i < 4; ++i)
    if (!fuzz::next_line(in, &at, &skipped)) return 0;
  const std::string payload = in.substr(std::min(at, in.size()));

  privacy::CustomerKey key;
  key.id = std::string(32, 'a');
  key.bytes.fill(7);
  auto sealed = privacy::seal_payload(type, payload, [&](std::string_view plain) {
    return events::Expected<std::string>(privacy::CustomerKeys::seal(key, plain));
  });
  const json original = json::parse(payload, nullptr, false);
  // Sealing fails closed: only a personal type's payload that is no object.
  if (!sealed.ok()) {
    if (original.is_object() || privacy::personal_fields(type).empty())
      fuzz::fail("sealing failed on a payload it should take");
    return 0;
  }
  const auto open_with = [&](privacy::Opened::State state) {
    return [&, state](std::string_view id, std::string_view box) {
      privacy::Opened o;
      o.state = state;
      if (state == privacy::Opened::State::ok) {
        auto text = privacy::CustomerKeys::open_box(key.bytes, box);
        if (!text)
          o.state = privacy::Opened::State::unreadable;
        else
          o.plaintext = *text;
      }
      return o;
    };
  };
  const std::string opened =
      privacy::open_payload(type, *sealed, open_with(privacy::Opened::State::ok));
  if (original.is_object() && !original.is_discarded()) {
    const json back = json::parse(opened, nullptr, false);
    if (back.is_discarded()) fuzz::fail("a sealed payload opened to invalid JSON");
    // Sealing dumps the payload again: compare values, not bytes.
    const json canonical =
        json::parse(original.dump(-1, ' ', false, json::error_handler_t::replace), nullptr, false);
    if (back != canonical) fuzz::fail("what opened is not what was sealed");
    // Every personal value is sealed, whichever way (fast or DOM) sealed it.
    const json stored = json::parse(*sealed, nullptr, false);
    for (const auto& path : privacy::personal_fields(type))
      if (const json* v = privacy::personal_value_at(stored, path); v && in_clear(*v))
        fuzz::fail("a personal value was stored in the clear");
  }
  // The raw payload as stored (tokens of no key, forged boxes, quotes inside
  // texts): opening keeps valid JSON valid.
  for (auto state : {privacy::Opened::State::ok, privacy::Opened::State::erased}) {
    const std::string out = privacy::open_payload(type, payload, open_with(state));
    if (!original.is_discarded() && json::parse(out, nullptr, false).is_discarded())
      fuzz::fail("opening turned valid JSON into invalid JSON");
    if (!privacy::has_sealed_members(payload) && out != payload)
      fuzz::fail("a payload without sealed members changed");
  }
  return 0;
}
