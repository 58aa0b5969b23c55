#include "actors/conversation_entity.hpp"

#include "actors/caf_messages.hpp"
#include "actors/entity_shell.hpp"
#include "brain/nlu.hpp"
#include "brain/order_texts.hpp"
#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "domain/conversation.hpp"
#include "domain/delivery.hpp"
#include "domain/nudge.hpp"
#include "domain/order.hpp"
#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"
#include "events/llm_codec.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"

namespace parley::actors {
namespace {

namespace conv = domain::conversation;
namespace codec = events::conversation_codec;

const projections::CatalogSnapshot& empty_catalog() {
  static const projections::CatalogSnapshot empty{0, projections::SearchIndex({})};
  return empty;
}

// Notifications to every manager, linked to the conversation's append.
void notify_managers(const ConversationDeps& deps, const std::string& source_id,
                     const std::string& reason, const std::string& text, int64_t at_us,
                     std::vector<events::LinkedAppend>* linked) {
  if (deps.manager_channel.empty()) return;
  for (size_t i = 0; i < deps.manager_numbers.size(); ++i) {
    domain::delivery::NotificationQueued n{source_id + "/m" + std::to_string(i),
                                           deps.manager_channel,
                                           deps.manager_numbers[i],
                                           text,
                                           reason,
                                           at_us};
    linked->push_back({{domain::delivery::kNotificationType, n.id},
                       0,
                       {events::delivery_codec::encode_notification(n, source_id)}});
  }
}

// The brain's answer to what is not text: a caption goes to the brain, a bare
// photo, voice note, location or sticker gets a polite reply.
std::optional<brain::Say> non_text_reply(const ChatTurn& turn) {
  if (turn.kind == "text" || !words(turn).empty()) return std::nullopt;
  if (turn.kind == "image") return brain::Say::got_photo;
  if (turn.kind == "voice") return brain::Say::got_voice;
  if (turn.kind == "location") return brain::Say::got_location;
  return brain::Say::unsupported;
}

domain::nudge::OffsetAt offset_of(const ConversationDeps& deps) {
  if (deps.zone_offset) return deps.zone_offset;
  const int64_t fixed = int64_t{deps.utc_offset_minutes} * 60 * 1000000;
  return [fixed](int64_t) { return fixed; };
}

struct ConversationKind : codec::Stream {
  using Request = ConversationRequest;
  using Reply = ChatTurnResult;
  using Deps = ConversationDeps;
  using Decision = EntityDecision<Event, Reply>;
  using Decided = domain::Result<Decision, caf::error>;

  static Decided rejected(domain::Refusal refusal) { return domain::fail(make_refusal(refusal)); }
  static Decided rejected(conv::Error e) { return rejected(domain::Refusal::of(e)); }

  // Units wanted of each product across the order's lines.
  static std::map<std::string, int64_t> wanted(const std::vector<domain::CartLine>& lines) {
    std::map<std::string, int64_t> out;
    for (const auto& l : lines) out[l.sku] += l.quantity;
    return out;
  }

  static bool covered(const StockLevels& stock, const std::vector<domain::CartLine>& lines) {
    for (const auto& [sku, quantity] : wanted(lines)) {
      auto it = stock.find(sku);
      if (it == stock.end() || it->second.head == 0 || it->second.units < quantity) return false;
    }
    return true;
  }

  // order.placed and order.stock_reserved on the order's stream, and each
  // product's catalog.stock_changed at its expected head; the order's refusal, if any.
  static domain::Refusal place_with_stock(const domain::order::Order& o, const StockLevels& stock,
                                          const std::string& cause, int64_t at_us,
                                          std::vector<events::LinkedAppend>* linked) {
    namespace order = domain::order;
    namespace product = domain::product;
    auto placed = order::decide(order::State{}, order::Place{o});
    if (!placed) return domain::Refusal::of(placed.error());
    order::State s;
    for (const auto& e : placed.value()) s = order::evolve(std::move(s), e);
    std::vector<order::StockLine> lines;
    events::LinkedAppend link{{order::kEntityType, o.order_id}, 0, {}};
    for (const auto& [sku, quantity] : wanted(o.lines)) {
      const auto& level = stock.at(sku);
      lines.push_back({sku, quantity});
      events::LinkedAppend taken{{product::kEntityType, sku}, level.head, {}};
      taken.events.push_back(events::product_codec::encode(
          product::StockChanged{sku, level.units - quantity}, at_us, cause));
      linked->push_back(std::move(taken));
    }
    auto reserved = order::decide(s, order::ReserveStock{lines});
    if (!reserved) return domain::Refusal::of(reserved.error());
    for (const auto& e : placed.value())
      link.events.push_back(events::order_codec::encode(e, cause));
    for (const auto& e : reserved.value())
      link.events.push_back(events::order_codec::encode(e, cause));
    linked->push_back(std::move(link));
    return {};
  }

  // Applies decided events to the running state and the decision.
  struct Builder {
    State s;
    Decision d;
    void take(std::vector<Event> events) {
      for (auto& e : events) {
        s = conv::evolve(std::move(s), e);
        d.events.push_back(std::move(e));
      }
    }
    // Brings the pending nudge in line with the rules after the decision.
    void plan_nudges(const Deps& deps) {
      if (!deps.nudges.enabled && s.nudge_id.empty()) return;
      take(domain::nudge::plan(s, deps.nudges, offset_of(deps)));
    }
    void finish() {
      d.reply.conversation_id = s.id;
      d.reply.handoff = s.handoff_requested;
      d.reply.handoff_since_us = s.handoff_since_us;
      d.reply.handoff_by = s.handoff_by;
      d.reply.changed = !d.events.empty();
    }
  };

  static Decided decide(const State& state, const Request& request, const Deps& deps) {
    return std::visit(
        [&](const auto& op) {
          auto decided = decide_op(state, op, deps);
          if (decided) decided.value().at_us = time_of(op);
          return decided;
        },
        request.op);
  }
  static int64_t time_of(const PeekState&) { return 0; }  // decides nothing
  template <class Op>
  static int64_t time_of(const Op& op) {
    return op.at_us;
  }

  using Replies = domain::Result<std::vector<brain::PolicyReply>, caf::error>;

  // A chat turn in named steps: receive the message, choose the replies
  // (scripted, human mode, not text, or the brain with the model's advice;
  // the order it places is linked), send them, plan the nudge, claim the
  // platform id.
  static Decided decide_op(const State& state, const ChatTurn& turn, const Deps& deps) {
    // Understanding is linear but not free: nothing over the cap reaches it.
    const std::string said = words(turn);
    if (turn.text.size() > domain::kMaxTextBytes || said.size() > domain::kMaxTextBytes)
      return rejected(conv::Error::text_too_long);
    const auto understood =
        turn.understood
            ? *turn.understood
            : brain::understand(said, brain::nlu::local_now(turn.at_us, deps.utc_offset_minutes));
    auto received = conv::decide(state, receive_command(state, turn, understood));
    if (!received) return rejected(received.error());
    Builder b{state, {}};
    b.take(std::move(received).value());
    const auto inbound = std::get<conv::MessageReceived>(b.d.events.front());
    b.d.reply.message_id = inbound.message_id;
    if (turn.media) {
      conv::MediaRead read{inbound.message_id, turn.media->kind,     turn.media->stored,
                           turn.media->mime,   turn.media->bytes,    turn.media->text,
                           turn.media->error,  turn.media->provider, turn.media->model,
                           turn.at_us};
      auto recorded = conv::decide(b.s, conv::RecordMediaRead{std::move(read)});
      if (!recorded) return rejected(recorded.error());
      b.take(std::move(recorded).value());
    }
    auto replies = choose_replies(state, turn, said, understood, inbound, deps, &b);
    if (!replies) return domain::fail(replies.error());
    record_model_calls(turn, b.d.reply.fallback, inbound, &b.d);
    if (auto refusal = send(std::move(replies).value(), inbound, turn.at_us, &b))
      return rejected(refusal);
    b.plan_nudges(deps);
    b.finish();
    if (!turn.platform_message_id.empty())
      b.d.dedupe = events::DedupeClaim{chat_dedupe_key(state.id, turn.platform_message_id),
                                       encode_chat_outcome(b.d.reply)};
    return std::move(b.d);
  }

  // The message's language: its words', else for a first message without
  // words (a voice note, a photo) the platform's hint, so that the polite
  // answer is not English for everyone.
  static conv::ReceiveMessage receive_command(const State& state, const ChatTurn& turn,
                                              const brain::Understanding& understood) {
    std::string language = understood.language_certain ? understood.language : "";
    if (language.empty() && state.received == 0) language = turn.language_hint;
    return conv::ReceiveMessage{
        {static_cast<const conv::Inbound&>(turn)}, turn.request_id, turn.at_us, language};
  }

  static Replies choose_replies(const State& state, const ChatTurn& turn, const std::string& said,
                                const brain::Understanding& understood,
                                const conv::MessageReceived& inbound, const Deps& deps,
                                Builder* b) {
    std::vector<brain::PolicyReply> replies;
    if (turn.scripted) {
      for (const auto& text : turn.script) replies.push_back({text, {}});
      if (turn.notice == "slow_down")
        replies.push_back({brain::say(b->s.language, brain::Say::slow_down), {}});
      if (turn.notice == "busy")
        replies.push_back({brain::say(b->s.language, brain::Say::busy), {}});
    } else if (b->s.handoff_requested) {
      // Human mode: the bot is silent; the managers see what the shopper wrote.
      std::string what = said.empty() ? "[" + turn.kind + "]" : said;
      notify_managers(deps, inbound.message_id, "shopper_message",
                      brain::say(deps.team_language, brain::Say::human_mode, {state.id, what}),
                      turn.at_us, &b->d.linked);
    } else if (auto say = non_text_reply(turn)) {
      replies.push_back({brain::say(b->s.language, *say), {}});
    } else {
      return brain_replies(state, turn, said, understood, inbound, deps, b);
    }
    return replies;
  }

  // The model's advice if it fits, else the offline brain; the managers hear
  // of a handoff or a cancellation they must handle; a placed order takes its
  // stock in the same append.
  static Replies brain_replies(const State& state, const ChatTurn& turn, const std::string& said,
                               const brain::Understanding& understood,
                               const conv::MessageReceived& inbound, const Deps& deps, Builder* b) {
    auto snapshot = deps.catalog ? deps.catalog() : nullptr;
    const auto& catalog = snapshot ? snapshot->index : empty_catalog().index;
    brain::TurnPlan plan;
    std::string dropped;  // why the model's advice was not used
    std::optional<brain::LiveStock> live;
    if (turn.stock) {
      live.emplace();
      for (const auto& [sku, level] : *turn.stock) (*live)[sku] = level.units;
    }
    // Being forgotten is the shopper's right whoever answers: no model decides it.
    if (auto erasure = brain::plan_erasure(b->s, said, understood, turn.at_us)) {
      b->take(std::move(erasure->events));
      // A model asked for advice was paid for: its calls are recorded, dropped.
      b->d.reply.brain = "offline";
      b->d.reply.fallback = turn.advice ? "privacy_request" : "";
      return std::move(erasure->replies);
    }
    const Builder before_advice = *b;
    if (turn.advice) dropped = take_advice(*turn.advice, b, &plan);
    if (turn.advice && dropped.empty() && plan.order && live &&
        !covered(*turn.stock, plan.order->lines)) {
      *b = before_advice;  // the model would sell what is gone: the offline brain offers the rest
      plan = {};
      dropped = "refused: out_of_stock";
    }
    const bool was_human = b->s.handoff_requested;
    if (!turn.advice || !dropped.empty()) {
      auto knowledge = deps.knowledge ? deps.knowledge() : nullptr;
      auto purchases = deps.purchases ? deps.purchases() : nullptr;
      auto promotions = deps.promotions ? deps.promotions() : nullptr;
      auto testimonials = deps.testimonials ? deps.testimonials() : nullptr;
      auto personas = deps.personas ? deps.personas() : nullptr;
      plan =
          brain::plan_turn(b->s, said, understood, catalog, turn.at_us, turn.order_id,
                           brain::TurnSources{live ? &*live : nullptr, turn.search_rewrite.get(),
                                              knowledge ? &knowledge->index : nullptr,
                                              purchases.get(), promotions.get(), testimonials.get(),
                                              personas.get(), turn.extracted.get()});
      b->take(std::move(plan.events));
    }
    b->d.reply.brain = turn.advice && dropped.empty() ? turn.advice->brain : "offline";
    b->d.reply.fallback = dropped;
    if (!was_human && b->s.handoff_requested)
      notify_managers(deps, inbound.message_id, "handoff",
                      brain::say(deps.team_language, brain::Say::handoff_alert, {state.id, said}),
                      turn.at_us, &b->d.linked);
    if (plan.team_request)
      notify_managers(deps, inbound.message_id, "cancel_request",
                      plan.team_request->in(deps.team_language), turn.at_us, &b->d.linked);
    if (plan.order) {
      // The stock is taken in the same append that places the order, each
      // product's stream expected at the head it was read at: of two
      // shoppers racing for the last unit one append conflicts, and the
      // engine asks again with fresh stock (issue 17, item 15).
      if (!turn.stock) return rejected_replies(domain::Refusal::of(conv::Error::stock_unknown));
      if (!covered(*turn.stock, plan.order->lines))
        return rejected_replies(domain::Refusal::of(conv::Error::out_of_stock));
      if (auto refusal = place_with_stock(*plan.order, *turn.stock, inbound.message_id, turn.at_us,
                                          &b->d.linked))
        return rejected_replies(refusal);
    }
    return std::move(plan.replies);
  }

  static Replies rejected_replies(domain::Refusal refusal) {
    return domain::fail(make_refusal(refusal));
  }

  // Each reply becomes message_sent, answering the inbound message; the
  // conversation's refusal, if any.
  static domain::Refusal send(std::vector<brain::PolicyReply> replies,
                              const conv::MessageReceived& inbound, int64_t at_us, Builder* b) {
    for (auto& r : replies) {
      conv::SendMessage message{r.text, inbound.message_id, at_us, r.media};
      message.cited = r.cited;
      auto sent = conv::decide(b->s, message);
      if (!sent) return domain::Refusal::of(sent.error());
      b->take(std::move(sent).value());
      ChatReply out{std::move(r.text), {}};
      for (auto& m : r.media) out.media.push_back({m.url, m.caption});
      b->d.reply.replies.push_back(std::move(out));
    }
    return {};
  }

  // Re-decides a model's commands on the current state. "" when they all
  // hold (the builder and plan then carry them), else why they do not
  // (and nothing is taken).
  static std::string take_advice(const brain::TurnAdvice& advice, Builder* b,
                                 brain::TurnPlan* plan) {
    if (!advice.usable) return advice.fallback.reason.empty() ? "failed" : advice.fallback.reason;
    if (advice.based_on_received != b->s.received) return "state_changed";
    Builder trial = *b;
    for (const auto& command : advice.commands) {
      auto r = conv::decide(trial.s, command);
      if (!r) return std::string("refused: ") + conv::to_string(r.error());
      trial.take(std::move(r).value());
    }
    if (advice.replies.empty()) return "no_answer";
    *b = std::move(trial);
    plan->replies = advice.replies;
    plan->order = advice.order;
    return "";
  }

  // The models' calls (the advice's, the fallback if it was dropped, the
  // search rewrite's) in the turn's own stream, appended atomically with the
  // conversation's events.
  static void record_model_calls(const ChatTurn& turn, const std::string& dropped,
                                 const conv::MessageReceived& inbound, Decision* d) {
    const std::string id = conv::conversation_id(inbound.channel, inbound.user_id);
    events::LinkedAppend link{{events::llm_codec::kTurnStream, inbound.message_id}, 0, {}};
    auto record = [&](const std::vector<domain::llm_usage::Call>& calls) {
      for (auto call : calls) {
        call.conversation_id = id;
        link.events.push_back(events::llm_codec::encode(call, inbound.message_id));
      }
    };
    if (turn.advice) record(turn.advice->calls);
    if (turn.search_rewrite) record(turn.search_rewrite->calls);
    if (turn.media) record(turn.media->calls);
    if (turn.extracted) record(turn.extracted->calls);
    if (turn.advice && !dropped.empty()) {
      const auto& advice = *turn.advice;
      auto f = advice.fallback;
      f.reason = dropped;
      f.conversation_id = id;
      if (f.provider.empty()) f.provider = advice.brain;
      if (f.model.empty()) f.model = advice.model;
      if (f.at_us == 0) f.at_us = inbound.at_us;
      link.events.push_back(events::llm_codec::encode(f, inbound.message_id));
    }
    if (!link.events.empty()) d->linked.push_back(std::move(link));
  }

  static Decided decide_op(const State& state, const PeekState&, const Deps&) {
    Builder b{state, {}};
    b.finish();
    b.d.reply.state = std::make_shared<const State>(state);
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const OperatorReply& op, const Deps& deps) {
    conv::SendMessage send{op.text, "", op.at_us, {}};
    for (const auto& m : op.media) send.media.push_back({m.url, m.caption});
    send.author = op.author;
    send.template_message = op.template_message;
    auto sent = conv::decide(state, send);
    if (!sent) return rejected(sent.error());
    Builder b{state, {}};
    b.take(std::move(sent).value());
    b.d.reply.message_id = std::get<conv::MessageSent>(b.d.events.back()).message_id;
    b.plan_nudges(deps);
    b.finish();
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const SetHandoff& op, const Deps& deps) {
    Builder b{state, {}};
    if (!state.started()) return rejected(conv::Error::not_started);
    if (!op.query_only) {
      auto r = op.on ? conv::decide(state, conv::RequestHandoff{op.by, op.at_us})
                     : conv::decide(state, conv::EndHandoff{op.by, op.at_us});
      if (!r) return rejected(r.error());
      b.take(std::move(r).value());
      b.plan_nudges(deps);
    }
    b.finish();
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const FireNudge& op, const Deps& deps) {
    Builder b{state, {}};
    const uint32_t number = state.nudge_number;
    domain::nudge::Fire fire{
        op.nudge_id, op.at_us, brain::nudge_text(state.language, number, state.cart), {}};
    fire.template_parameters = {state.cart.empty() ? std::string() : state.cart.front().name};
    b.take(domain::nudge::fire(state, fire, deps.nudges, offset_of(deps)));
    for (const auto& e : b.d.events)
      if (auto* m = std::get_if<conv::MessageSent>(&e)) b.d.reply.replies.push_back({m->text, {}});
    b.finish();
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const NoteOrder& op, const Deps&) {
    if (!state.started()) return rejected(conv::Error::not_started);
    auto noted = conv::decide(state, conv::NoteOrderStatus{op.order_id, op.note, op.at_us});
    if (!noted) return rejected(noted.error());
    Builder b{state, {}};
    const bool news = !noted.value().empty();
    b.take(std::move(noted).value());
    if (news) {
      const std::string text = brain::order_notice(state.language, op.order_id, op.note,
                                                   brain::money(op.total_cents, op.currency));
      // Outside WhatsApp's window the news is recorded but cannot be sent.
      auto sent = conv::decide(b.s, conv::SendMessage{text, "", op.at_us, {}});
      if (sent) {
        b.take(std::move(sent).value());
        b.d.reply.message_id = std::get<conv::MessageSent>(b.d.events.back()).message_id;
        b.d.reply.replies.push_back({text, {}});
      }
    }
    b.finish();
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const ForgetCustomer& op, const Deps&) {
    auto r = conv::decide(state, conv::ForgetCustomer{op.by, op.at_us});
    if (!r) return rejected(r.error());
    Builder b{state, {}};
    b.take(std::move(r).value());
    b.finish();
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const ManageConversation& op, const Deps&) {
    auto r = std::visit([&](const auto& c) { return conv::decide(state, conv::Command{c}); },
                        op.command);
    if (!r) return rejected(r.error());
    Builder b{state, {}};
    b.take(std::move(r).value());
    b.finish();
    b.d.reply.state = std::make_shared<const State>(b.s);
    return std::move(b.d);
  }

  static Decided decide_op(const State& state, const RecordStatus& op, const Deps&) {
    auto r = conv::decide(state,
                          conv::RecordDeliveryStatus{op.platform_message_id, op.status, op.at_us});
    if (!r) return rejected(r.error());
    Builder b{state, {}};
    b.take(std::move(r).value());
    b.finish();
    return std::move(b.d);
  }

  static Reply duplicate_reply(const Request& request, const std::string& outcome) {
    Reply r;
    const auto* turn = std::get_if<ChatTurn>(&request.op);
    if (!decode_chat_outcome(outcome, &r) && turn)
      r.conversation_id = conv::conversation_id(turn->channel, turn->user_id);
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
