// What the edge asks of a conversation and what it gets back. Plain types:
// the HTTP layer sees these, never CAF.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::actors {

struct ChatTurn {
  std::string channel;
  std::string user_id;
  std::string text;
  // The platform's (or API client's) id of this message; "" if it has none.
  // A repeated non-empty id gets the first answer again and records nothing.
  std::string platform_message_id;
  // What caused this turn when there is no platform id: the edge's request id.
  std::string request_id;
  int64_t at_us = 0;
};

struct ChatMedia {
  std::string url;
  std::string caption;
  friend bool operator==(const ChatMedia& a, const ChatMedia& b) {
    return a.url == b.url && a.caption == b.caption;
  }
};
struct ChatReply {
  std::string text;
  std::vector<ChatMedia> media;
  friend bool operator==(const ChatReply& a, const ChatReply& b) {
    return a.text == b.text && a.media == b.media;
  }
};

struct ChatTurnResult {
  std::string conversation_id;
  std::vector<ChatReply> replies;
  bool duplicate = false;  // answered from the dedupe set; nothing new recorded
};

// The dedupe key of a platform message within its conversation.
std::string chat_dedupe_key(const std::string& conversation_id, const std::string& message_id);
std::string encode_chat_outcome(const ChatTurnResult& result);
bool decode_chat_outcome(const std::string& bytes, ChatTurnResult* result);

}  // namespace parley::actors
