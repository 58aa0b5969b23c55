#include "actors/conversation_entity.hpp"

#include "actors/caf_messages.hpp"
#include "actors/entity_shell.hpp"
#include "domain/conversation.hpp"
#include "events/conversation_codec.hpp"

namespace parley::actors {
namespace {

namespace conv = domain::conversation;
namespace codec = events::conversation_codec;

struct ConversationKind {
  using State = conv::State;
  using Event = conv::Event;
  using Request = ChatTurn;
  using Reply = ChatTurnResult;
  using Deps = ConversationDeps;
  static constexpr const char* kType = conv::kEntityType;
  static constexpr uint32_t kStateSchema = codec::kStateSchema;

  struct Decision {
    std::vector<Event> events;
    std::optional<events::DedupeClaim> dedupe;
    Reply reply;
  };

  static State initial(const std::string& id) { return conv::initial_state(id); }
  static State evolve(State s, const Event& e) { return conv::evolve(std::move(s), e); }
  static events::NewEvent encode(const Event& e) { return codec::encode(e); }
  static events::Expected<Event> decode(const events::EventEnvelope& e) { return codec::decode(e); }
  static std::string encode_state(const State& s) { return codec::encode_state(s); }
  static events::Expected<State> decode_state(const std::string& b, uint32_t v) {
    return codec::decode_state(b, v);
  }

  // Records the inbound message, asks the responder, records each reply.
  static domain::Result<Decision, caf::error> decide(const State& state, const ChatTurn& turn,
                                                     const Deps& deps) {
    auto rejected = [](conv::Error e) {
      return domain::fail(make_error(entity_errc::rejected, conv::to_string(e)));
    };
    auto received = conv::decide(
        state, conv::ReceiveMessage{turn.channel, turn.user_id, turn.text, turn.platform_message_id,
                                    turn.request_id, turn.at_us});
    if (!received) return rejected(received.error());

    Decision d;
    State s = state;
    for (auto& e : received.value()) {
      s = conv::evolve(std::move(s), e);
      d.events.push_back(std::move(e));
    }
    const auto inbound = std::get<conv::MessageReceived>(d.events.front());
    d.reply.conversation_id = state.id;
    for (auto& draft : deps.responder(s, inbound)) {
      auto sent = conv::decide(s, conv::SendMessage{draft.text, inbound.message_id, turn.at_us});
      if (!sent) return rejected(sent.error());
      for (auto& e : sent.value()) {
        s = conv::evolve(std::move(s), e);
        d.events.push_back(std::move(e));
      }
      d.reply.replies.push_back(std::move(draft.text));
    }
    if (!turn.platform_message_id.empty()) {
      d.dedupe = events::DedupeClaim{chat_dedupe_key(state.id, turn.platform_message_id),
                                     encode_chat_outcome(d.reply)};
    }
    return d;
  }

  static Reply duplicate_reply(const ChatTurn& turn, const std::string& outcome) {
    Reply r;
    if (!decode_chat_outcome(outcome, &r))
      r.conversation_id = conv::conversation_id(turn.channel, turn.user_id);
    r.duplicate = true;
    return r;
  }
};

}  // namespace

caf::actor spawn_conversation(caf::local_actor* parent, const std::string& id,
                              const caf::actor& registry, std::shared_ptr<Runtime> rt,
                              std::shared_ptr<const ConversationDeps> deps) {
  return parent->spawn(&EntityShell<ConversationKind>::make, id, registry, std::move(rt),
                       std::move(deps));
}

}  // namespace parley::actors
