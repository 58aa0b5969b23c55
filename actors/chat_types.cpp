#include "actors/chat_types.hpp"

#include <nlohmann/json.hpp>

#include "domain/limits.hpp"

namespace parley::actors {

std::string words(const ChatTurn& turn) {
  if (!turn.media || turn.media->text.empty() || turn.kind != turn.media->kind) return turn.text;
  if (turn.kind == "voice" || turn.text.empty()) return turn.media->text;
  // The caption says what the shopper wants of it ("in size 38?"), the photo what it is.
  std::string both = turn.text + "\n" + turn.media->text;
  return both.size() > domain::kMaxTextBytes ? turn.text : both;
}

std::string chat_dedupe_key(const std::string& conversation_id, const std::string& message_id) {
  return "msg:" + conversation_id + ":" + message_id;
}

std::string encode_chat_outcome(const ChatTurnResult& r) {
  nlohmann::json replies = nlohmann::json::array();
  for (const auto& reply : r.replies) {
    nlohmann::json media = nlohmann::json::array();
    for (const auto& m : reply.media) media.push_back({{"url", m.url}, {"caption", m.caption}});
    replies.push_back({{"text", reply.text}, {"media", media}});
  }
  return nlohmann::json{{"conversation_id", r.conversation_id}, {"replies", replies}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool decode_chat_outcome(const std::string& bytes, ChatTurnResult* r) {
  auto j = nlohmann::json::parse(bytes, nullptr, false);
  if (!j.is_object() || !j.contains("conversation_id") || !j.contains("replies")) return false;
  try {
    r->conversation_id = j["conversation_id"].get<std::string>();
    r->replies.clear();
    for (const auto& reply : j["replies"]) {
      ChatReply out{reply.value("text", ""), {}};
      for (const auto& m : reply.value("media", nlohmann::json::array()))
        out.media.push_back({m.value("url", ""), m.value("caption", "")});
      r->replies.push_back(std::move(out));
    }
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace parley::actors
