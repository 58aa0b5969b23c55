#include "domain/conversation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

namespace parley::domain::conversation {
namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::string next_message_id(const State& s) {
  return s.id + "#" + std::to_string(s.received + s.sent + 1);
}

std::optional<Error> check_text(const std::string& text) {
  if (blank(text)) return Error::empty_text;
  if (text.size() > kMaxTextBytes) return Error::text_too_long;
  if (!valid_utf8(text)) return Error::invalid_text;
  return std::nullopt;
}

Result<std::vector<Event>, Error> decide_receive(const State& s, const ReceiveMessage& c) {
  if (c.channel.empty() || c.user_id.empty()) return fail(Error::missing_sender);
  if (s.started() && (c.channel != s.channel || c.user_id != s.user_id))
    return fail(Error::sender_mismatch);
  if (auto e = check_text(c.text)) return fail(*e);
  return std::vector<Event>{
      MessageReceived{next_message_id(s), c.channel, c.user_id, c.text, c.platform_message_id,
                      c.causation_id.empty() ? c.platform_message_id : c.causation_id, c.at_us}};
}

Result<std::vector<Event>, Error> decide_send(const State& s, const SendMessage& c) {
  if (!s.started()) return fail(Error::not_started);
  if (auto e = check_text(c.text)) return fail(*e);
  return std::vector<Event>{
      MessageSent{next_message_id(s), s.channel, s.user_id, c.text, c.in_reply_to, c.at_us}};
}

}  // namespace

std::string conversation_id(const std::string& channel, const std::string& user_id) {
  return channel + ":" + user_id;
}

bool operator==(const State& a, const State& b) {
  return a.id == b.id && a.channel == b.channel && a.user_id == b.user_id &&
         a.received == b.received && a.sent == b.sent &&
         a.last_received_at_us == b.last_received_at_us && a.last_sent_at_us == b.last_sent_at_us &&
         a.last_received_id == b.last_received_id;
}

bool valid_utf8(const std::string& s) {
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    uint32_t cp = c;
    if (c >= 0x80) {
      if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F;
      } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F;
      } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07;
      } else {
        return false;
      }
      if (i + len > n) return false;
      for (size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    }
    i += len;
  }
  return true;
}

State initial_state(std::string id) {
  State s;
  s.id = std::move(id);
  return s;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::empty_text:
      return "empty_text";
    case Error::text_too_long:
      return "text_too_long";
    case Error::invalid_text:
      return "invalid_text";
    case Error::missing_sender:
      return "missing_sender";
    case Error::sender_mismatch:
      return "sender_mismatch";
    case Error::not_started:
      return "not_started";
  }
  return "unknown";
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  return std::visit(
      [&](const auto& c) -> Result<std::vector<Event>, Error> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, ReceiveMessage>)
          return decide_receive(state, c);
        else
          return decide_send(state, c);
      },
      command);
}

State evolve(State s, const Event& event) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if (!s.started()) {
          s.channel = e.channel;
          s.user_id = e.user_id;
        }
        if constexpr (std::is_same_v<E, MessageReceived>) {
          ++s.received;
          s.last_received_at_us = e.at_us;
          s.last_received_id = e.message_id;
        } else {
          ++s.sent;
          s.last_sent_at_us = e.at_us;
        }
      },
      event);
  return s;
}

}  // namespace parley::domain::conversation
