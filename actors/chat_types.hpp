// What the edge asks of a conversation and what it gets back. Plain types:
// the HTTP layer sees these, never CAF.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "brain/details_extraction.hpp"
#include "brain/media_reading.hpp"
#include "brain/nlu.hpp"
#include "brain/search_rewrite.hpp"
#include "brain/turn_advice.hpp"
#include "domain/conversation.hpp"

namespace parley::actors {

// A product's stock as the log has it, and the head of its stream (0: no
// such product) — actors/stock_levels.hpp.
struct StockLevel {
  int64_t units = 0;
  uint64_t head = 0;
};
using StockLevels = std::map<std::string, StockLevel>;

// A message to answer: what arrived (domain::conversation::Inbound) and how
// this turn is to be decided.
struct ChatTurn : domain::conversation::Inbound {
  // What caused this turn when there is no platform id: the edge's request id.
  // A repeated non-empty platform id gets the first answer again and records nothing.
  std::string request_id;
  int64_t at_us = 0;
  // scripted: record the message and answer with `script` (rate limits, the
  // managers' commands), without asking the brain. Human mode still silences
  // a shopper's conversation, except for a script.
  bool scripted = false;
  std::vector<std::string> script = {};
  // With scripted: a notice the entity words in the conversation's language:
  // "slow_down" or "busy" (inbound rate limits).
  std::string notice = "";
  // The text as understood, on the caller's thread (Engine::chat), so that
  // the entity's CAF scheduler thread never runs understanding. nullptr: the
  // entity understands it itself (tests that talk to the entity directly).
  std::shared_ptr<const brain::Understanding> understood = nullptr;
  // The id an order placed in this turn gets (Engine::chat makes a random one).
  std::string order_id = "";
  // The cart's products as the log has them, read when the turn would place
  // an order: the entity answers "stock_unknown" without them, and the
  // engine reads them and asks again. The order's reservation is appended
  // with these heads expected.
  std::shared_ptr<const StockLevels> stock = nullptr;
  // A turn decided by a language model (brain/turn_advice.hpp): used when it
  // still fits the conversation, else the offline brain answers. nullptr:
  // the offline brain.
  std::shared_ptr<const brain::TurnAdvice> advice = nullptr;
  // A model's words for a search of this text that found nothing
  // (brain/search_rewrite.hpp), asked by Engine::chat; nullptr: none.
  std::shared_ptr<const brain::SearchRewrite> search_rewrite = nullptr;
  // The voice note or photo as a model read it (brain/media_reading.hpp), by
  // the channel intake: recorded as conversation.media_read, and the turn is
  // decided on words(turn). nullptr: not read (a polite answer instead).
  std::shared_ptr<const brain::MediaReading> media = nullptr;
  // The platform's hint at the shopper's language (channels/language_hint.hpp):
  // the language of a first message that has no words of its own.
  std::string language_hint = "";
  // The extractor model's reading of the checkout details this message gives
  // (brain/details_extraction.hpp), by Engine::chat; nullptr: not asked.
  std::shared_ptr<const brain::DetailsExtraction> extracted = nullptr;
};

// What the turn is decided on: the text, or a voice note's transcript, or a
// photo's search after its caption.
std::string words(const ChatTurn& turn);

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
  // Set by conversation commands (and by chat turns: the handoff flag after it).
  bool handoff = false;
  bool changed = false;    // the command recorded something
  std::string message_id;  // the message an operator reply was recorded as
  int64_t handoff_since_us = 0;
  std::string handoff_by;
  // Chat turns: who answered ("offline", or the model's provider) and, when a
  // model's turn was dropped, why (domain/llm_usage.hpp Fallback::reason).
  std::string brain = "";
  std::string fallback = "";
  // PeekState: the conversation as it is (not recorded in the dedupe outcome).
  std::shared_ptr<const domain::conversation::State> state = nullptr;
};

// A person answers through the conversation's channel (outbox).
struct OperatorReply {
  std::string text;
  std::vector<ChatMedia> media;
  std::string author;                               // who is writing, recorded with the message
  domain::conversation::Template template_message;  // required outside WhatsApp's window
  int64_t at_us = 0;
};
// Human mode on or off; query_only answers the current state.
struct SetHandoff {
  bool on = true;
  bool query_only = false;
  std::string by;
  int64_t at_us = 0;
};
// A platform's delivery report on a message the conversation sent.
struct RecordStatus {
  std::string platform_message_id;
  std::string status;
  int64_t at_us = 0;
};
// A nudge's timer went off (the timer view's key names the nudge).
struct FireNudge {
  std::string nudge_id;
  int64_t at_us = 0;
};
// News of one of the conversation's orders from the order worker: recorded
// (once per distinct news) and told to the shopper in their language through
// the outbox, unless the channel's window is closed. Refused with
// not_started for a conversation that does not exist.
struct NoteOrder {
  std::string order_id;
  domain::conversation::OrderNote note;
  int64_t total_cents = 0;
  std::string currency;
  int64_t at_us = 0;
};
// Forget the customer (issue 17, item 16): records CustomerForgotten, so the
// entity and every view drop the details; the caller then erases the key.
struct ForgetCustomer {
  std::string by;
  int64_t at_us = 0;
};
// The team manages the conversation: its label, whether it is archived, the
// customer's saved details. Decided by the conversation's decider; the
// reply's `state` is the conversation afterwards.
struct ManageConversation {
  std::variant<domain::conversation::SetLabel, domain::conversation::SetArchived,
               domain::conversation::CorrectDetails>
      command;
  int64_t at_us = 0;
};
// The conversation's current state (for an advisor); records nothing.
struct PeekState {};
using ConversationCommand = std::variant<OperatorReply, SetHandoff, RecordStatus, FireNudge,
                                         NoteOrder, ForgetCustomer, ManageConversation>;

// What a conversation entity is asked: a chat turn or a command.
struct ConversationRequest {
  std::variant<ChatTurn, OperatorReply, SetHandoff, RecordStatus, FireNudge, NoteOrder,
               ForgetCustomer, ManageConversation, PeekState>
      op;
};

// The dedupe key of a platform message within its conversation.
std::string chat_dedupe_key(const std::string& conversation_id, const std::string& message_id);
std::string encode_chat_outcome(const ChatTurnResult& result);
bool decode_chat_outcome(const std::string& bytes, ChatTurnResult* result);

}  // namespace parley::actors
