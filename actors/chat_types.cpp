#include "actors/chat_types.hpp"

#include <nlohmann/json.hpp>

namespace parley::actors {

std::string chat_dedupe_key(const std::string& conversation_id, const std::string& message_id) {
  return "msg:" + conversation_id + ":" + message_id;
}

std::string encode_chat_outcome(const ChatTurnResult& r) {
  return nlohmann::json{{"conversation_id", r.conversation_id}, {"replies", r.replies}}.dump();
}

bool decode_chat_outcome(const std::string& bytes, ChatTurnResult* r) {
  auto j = nlohmann::json::parse(bytes, nullptr, false);
  if (!j.is_object() || !j.contains("conversation_id") || !j.contains("replies")) return false;
  try {
    r->conversation_id = j["conversation_id"].get<std::string>();
    r->replies = j["replies"].get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace parley::actors
