#include "intake/channel_intake.hpp"

#include <cstdio>

#include "channels/adapters.hpp"
#include "domain/conversation.hpp"
#include "domain/limits.hpp"
#include "intake/handoff_command.hpp"
#include "intake/manager_relay.hpp"

namespace parley::intake {

namespace conv = domain::conversation;

ChannelIntake::ChannelIntake(actors::Engine& engine, channels::Outbox* outbox,
                             projections::LogFollower* feed, channels::RateLimiter& limiter,
                             IntakeOptions options, std::function<int64_t()> now_us)
    : engine_(engine),
      outbox_(outbox),
      feed_(feed),
      limiter_(limiter),
      options_(std::move(options)),
      now_us_(std::move(now_us)) {}

IntakeReport ChannelIntake::accept(const channels::Adapter& adapter,
                                   const channels::Webhook& webhook) {
  IntakeReport report;
  for (const auto& m : webhook.messages) message(adapter, m, &report);
  for (const auto& s : webhook.statuses) {
    if (!domain::valid_id(s.user_id) || !domain::valid_id(s.platform_message_id)) continue;
    // A status for a chat we never had writes nothing: it spawns no actor either
    // (a flood of them once filled memory with live entities, issue 17 item 10).
    const auto id = conv::conversation_id(adapter.name(), s.user_id);
    if (!engine_.exists(id)) continue;
    auto r = engine_.command(id, actors::RecordStatus{s.platform_message_id, s.status, now_us_()},
                             options_.timeout);
    if (r.ok()) {
      ++report.statuses;
    } else if (r.error.code != actors::EngineErrc::rejected) {
      report.failure = r.error;  // a status for a chat we never had is rejected: ignored
    }
  }
  if (feed_ && report.messages > 0) feed_->wake();
  return report;
}

void ChannelIntake::message(const channels::Adapter& adapter, const channels::InboundMessage& m,
                            IntakeReport* report) {
  const int64_t now = now_us_();
  actors::ChatTurn turn;
  static_cast<domain::conversation::Inbound&>(turn) = m;
  turn.channel = adapter.name();
  turn.at_us = now;
  turn.language_hint = m.language_hint;

  if (!domain::valid_id(m.user_id) ||
      (!m.platform_message_id.empty() && !domain::valid_id(m.platform_message_id))) {
    // Taken and refused: a 503 would make the platform deliver it again forever.
    ++report->rejected;
    std::fprintf(stderr, "parley: %s message refused: a chat or message id of %zu/%zu bytes\n",
                 turn.channel.c_str(), m.user_id.size(), m.platform_message_id.size());
    return;
  }
  if (m.text.size() > domain::kMaxTextBytes) {  // before the desk or understanding see it
    ++report->rejected;
    std::fprintf(stderr, "parley: %s message %s from %s refused: text_too_long (%zu bytes)\n",
                 turn.channel.c_str(), m.platform_message_id.c_str(), m.user_id.c_str(),
                 m.text.size());
    return;
  }
  switch (route(turn.channel, m, now, &turn)) {
    case Route::duplicate:
      ++report->duplicates;
      return;
    case Route::scripted:
    case Route::shopper:
      break;
  }

  uint64_t typing = 0;
  if (outbox_ && !turn.scripted)
    typing = outbox_->typing_at(turn.channel, m.user_id, m.platform_message_id,
                                now + options_.typing_delay.count() * 1000);
  // Read once: a redelivered note is neither fetched nor paid for again.
  if (!turn.scripted && (m.kind == "voice" || m.kind == "image") && options_.read_media &&
      !engine_.seen(turn.channel, m.user_id, m.platform_message_id))
    turn.media = options_.read_media(adapter, m, now);
  auto r = engine_.chat(turn, options_.timeout);
  if (outbox_) outbox_->cancel_indicator(typing);
  if (!r.ok()) {
    if (r.error.code == actors::EngineErrc::rejected) {
      ++report->rejected;
      std::fprintf(stderr, "parley: %s message %s from %s refused: %s\n", turn.channel.c_str(),
                   m.platform_message_id.c_str(), m.user_id.c_str(), r.error.detail.c_str());
      return;
    }
    report->failure = r.error;
    return;
  }
  if (r.value.duplicate) {
    ++report->duplicates;
    return;
  }
  ++report->messages;
  if (outbox_ && options_.mark_read)
    outbox_->mark_read(turn.channel, m.user_id, m.platform_message_id);
}

ChannelIntake::Route ChannelIntake::route(const std::string& channel,
                                          const channels::InboundMessage& m, int64_t now,
                                          actors::ChatTurn* turn) {
  const bool text = m.kind == "text";
  const bool manager = options_.managers.count(m.user_id) > 0;
  if (text && manager)
    if (auto command = parse_handoff_command(m.text)) {
      turn->scripted = true;
      turn->script = run_handoff_command(engine_, *command, channel, m.user_id,
                                         options_.team_language, now, options_.timeout);
      return Route::scripted;
    }
  if (text && manager) {
    auto relay = parse_reply_command(m.text);
    if (!relay && !m.reply_to.empty() && options_.notices) {
      const auto about = options_.notices->conversation_of(channel, m.user_id, m.reply_to);
      if (!about.empty()) relay = RelayCommand{about, m.text};
    }
    if (relay) {
      // Sent once: a redelivered answer must not reach the shopper twice.
      if (engine_.seen(channel, m.user_id, m.platform_message_id)) return Route::duplicate;
      turn->scripted = true;
      turn->script = run_relay(engine_, *relay, channel, m.user_id, options_.team_language, now,
                               options_.timeout);
      return Route::scripted;
    }
  }
  if (text && options_.team_member && options_.crm)
    if (auto member = options_.team_member(channel, m.user_id)) {
      // The desk may write: a redelivered message must not run it twice.
      if (engine_.seen(channel, m.user_id, m.platform_message_id)) return Route::duplicate;
      turn->scripted = true;
      turn->script = options_.crm(*member, m.text, now);
      return Route::scripted;
    }
  switch (limiter_.admit(channel + ":" + m.user_id, now)) {
    case channels::Admission::allow:
      return Route::shopper;
    case channels::Admission::slow_down:
      turn->notice = "slow_down";
      break;
    case channels::Admission::busy:
      turn->notice = "busy";
      break;
    case channels::Admission::quiet:  // recorded, not answered
      break;
  }
  turn->scripted = true;
  return Route::scripted;
}

}  // namespace parley::intake
