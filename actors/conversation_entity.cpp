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

// The message's local time, for relative dates ("tomorrow").
brain::nlu::LocalNow local_now(int64_t at_us, int offset_minutes) {
  const int64_t local_s = at_us / 1'000'000 + int64_t{offset_minutes} * 60;
  const int64_t days = local_s >= 0 ? local_s / 86400 : (local_s - 86399) / 86400;
  const int64_t secs = local_s - days * 86400;
  // civil date from days since 1970-01-01
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  brain::nlu::LocalNow now;
  now.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  now.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  now.year = static_cast<int>(yoe + era * 400 + (now.month <= 2));
  now.hour = static_cast<int>(secs / 3600);
  now.minute = static_cast<int>(secs % 3600 / 60);
  now.offset_minutes = offset_minutes;
  return now;
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
        brain::understand(turn.text, local_now(turn.at_us, deps.utc_offset_minutes));
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
