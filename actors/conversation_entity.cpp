#include "actors/conversation_entity.hpp"

#include "actors/caf_messages.hpp"
#include "actors/entity_shell.hpp"
#include "brain/nlu.hpp"
#include "brain/shop_policy.hpp"
#include "domain/conversation.hpp"
#include "domain/order.hpp"
#include "events/conversation_codec.hpp"
#include "events/order_codec.hpp"

namespace parley::actors {
namespace {

namespace conv = domain::conversation;
namespace codec = events::conversation_codec;

const projections::CatalogSnapshot& empty_catalog() {
  static const projections::CatalogSnapshot empty{0, projections::SearchIndex({})};
  return empty;
}

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
    std::vector<events::LinkedAppend> linked;
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

  static domain::Result<Decision, caf::error> decide(const State& state, const ChatTurn& turn,
                                                     const Deps& deps) {
    auto rejected = [](const char* code) {
      return domain::fail(make_error(entity_errc::rejected, code));
    };
    const auto understood =
        brain::understand(turn.text, brain::nlu::local_now(turn.at_us, deps.utc_offset_minutes));
    auto received = conv::decide(
        state, conv::ReceiveMessage{turn.channel, turn.user_id, turn.text, turn.platform_message_id,
                                    turn.request_id, turn.at_us,
                                    understood.language_certain ? understood.language : ""});
    if (!received) return rejected(conv::to_string(received.error()));

    Decision d;
    State s = state;
    auto take = [&](std::vector<Event> events) {
      for (auto& e : events) {
        s = conv::evolve(std::move(s), e);
        d.events.push_back(std::move(e));
      }
    };
    take(std::move(received).value());
    const auto inbound = std::get<conv::MessageReceived>(d.events.front());

    auto snapshot = deps.catalog ? deps.catalog() : nullptr;
    const auto& catalog = snapshot ? snapshot->index : empty_catalog().index;
    auto plan =
        brain::plan_turn(s, turn.text, understood, catalog, turn.at_us, deps.customer_by_phone);
    take(std::move(plan.events));

    d.reply.conversation_id = state.id;
    for (auto& r : plan.replies) {
      auto sent =
          conv::decide(s, conv::SendMessage{r.text, inbound.message_id, turn.at_us, r.media});
      if (!sent) return rejected(conv::to_string(sent.error()));
      take(std::move(sent).value());
      ChatReply out{std::move(r.text), {}};
      for (auto& m : r.media) out.media.push_back({m.url, m.caption});
      d.reply.replies.push_back(std::move(out));
    }
    if (plan.order) {
      namespace order = domain::order;
      auto placed = order::decide(order::State{}, order::Place{*plan.order});
      if (!placed) return rejected(order::to_string(placed.error()));
      events::LinkedAppend link{{order::kEntityType, plan.order->order_id}, 0, {}};
      for (const auto& e : placed.value())
        link.events.push_back(events::order_codec::encode(e, inbound.message_id));
      d.linked.push_back(std::move(link));
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
