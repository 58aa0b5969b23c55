#include "http/channel_intake.hpp"

#include <cstdio>
#include <ctime>
#include <sstream>

#include "channels/adapters.hpp"
#include "domain/conversation.hpp"
#include "domain/limits.hpp"
#include "http/engine_errors.hpp"

namespace parley::http {

namespace conv = domain::conversation;

bool parse_handoff_command(const std::string& text, std::string* action, std::string* target) {
  std::istringstream in(text);
  std::string cmd;
  in >> cmd;
  if (cmd != "/handoff") return false;
  action->clear();
  target->clear();
  in >> *action;
  std::string rest, word;
  while (in >> word) rest += word;
  // "telegram:555" names the conversation; a bare phone is on the manager's channel.
  if (auto colon = rest.find(':'); colon != std::string::npos) {
    auto digits = channels::phone_digits(rest.substr(colon + 1));
    *target = digits.empty() ? "" : rest.substr(0, colon) + ":" + digits;
  } else {
    *target = channels::phone_digits(rest);
  }
  return true;
}

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
      fail(&report, r.error);  // a status for a chat we never had is rejected: ignored
    }
  }
  if (feed_ && report.messages > 0) feed_->wake();
  return report;
}

void ChannelIntake::fail(IntakeReport* report, const actors::EngineError& e) {
  const EngineFailure f = describe(e);
  report->ok = false;
  report->status = f.status;
  report->code = f.code;
  report->message = "not stored, deliver again: " + f.message;
}

void ChannelIntake::message(const channels::Adapter& adapter, const channels::InboundMessage& m,
                            IntakeReport* report) {
  const int64_t now = now_us_();
  actors::ChatTurn turn;
  turn.channel = adapter.name();
  turn.user_id = m.user_id;
  turn.text = m.text;
  turn.platform_message_id = m.platform_message_id;
  turn.at_us = now;
  turn.kind = m.kind;
  turn.attachment = m.attachment;
  turn.latitude = m.latitude;
  turn.longitude = m.longitude;

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
  std::string action, target;
  const bool manager = options_.managers.count(m.user_id) > 0;
  std::optional<crm::Principal> member;
  if (m.kind == "text" && options_.team_member && options_.crm)
    member = options_.team_member(turn.channel, m.user_id);
  if (manager && m.kind == "text" && parse_handoff_command(m.text, &action, &target)) {
    turn.scripted = true;
    turn.script = handoff_command(adapter.name(), m.text, m.user_id, now);
  } else if (member) {
    if (engine_.seen(turn.channel, turn.user_id, turn.platform_message_id)) {
      ++report->duplicates;
      return;
    }
    turn.scripted = true;
    turn.script = options_.crm(*member, m.text, now);
  } else {
    switch (limiter_.admit(turn.channel + ":" + turn.user_id, now)) {
      case channels::Admission::allow:
        break;
      case channels::Admission::slow_down:
        turn.scripted = true;
        turn.notice = "slow_down";
        break;
      case channels::Admission::busy:
        turn.scripted = true;
        turn.notice = "busy";
        break;
      case channels::Admission::quiet:
        turn.scripted = true;  // recorded, not answered
        break;
    }
  }

  uint64_t typing = 0;
  if (outbox_ && !turn.scripted)
    typing = outbox_->typing_at(turn.channel, m.user_id, m.platform_message_id,
                                now + options_.typing_delay.count() * 1000);
  auto r = engine_.chat(turn, options_.timeout);
  if (outbox_) outbox_->cancel_indicator(typing);
  if (!r.ok()) {
    if (r.error.code == actors::EngineErrc::rejected) {
      ++report->rejected;
      std::fprintf(stderr, "parley: %s message %s from %s refused: %s\n", turn.channel.c_str(),
                   m.platform_message_id.c_str(), m.user_id.c_str(), r.error.detail.c_str());
      return;
    }
    return fail(report, r.error);
  }
  if (r.value.duplicate) {
    ++report->duplicates;
    return;
  }
  ++report->messages;
  if (outbox_ && options_.mark_read)
    outbox_->mark_read(turn.channel, m.user_id, m.platform_message_id);
}

std::vector<std::string> ChannelIntake::handoff_command(const std::string& channel,
                                                        const std::string& text,
                                                        const std::string& manager, int64_t now) {
  std::string action, target;
  parse_handoff_command(text, &action, &target);
  if ((action != "on" && action != "off" && action != "status") || target.empty())
    return {"Usage: /handoff on|off|status <phone> (or <channel>:<id>, e.g. telegram:12345)"};
  const std::string id =
      target.find(':') != std::string::npos ? target : conv::conversation_id(channel, target);
  actors::SetHandoff cmd{action == "on", action == "status", "manager:" + manager, now};
  auto r = engine_.command(id, cmd, options_.timeout);
  if (!r.ok()) {
    if (r.error.detail == "not_started") return {"There is no conversation " + id + " yet."};
    return {"Could not change " + id + ": " + r.error.detail + ". Try again."};
  }
  if (action == "status") {
    if (!r.value.handoff) return {id + ": the bot is answering."};
    std::time_t t = static_cast<std::time_t>(r.value.handoff_since_us / 1000000);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
    return {id + ": human mode since " + when + " (" + r.value.handoff_by + ")."};
  }
  if (action == "on")
    return {id + ": human mode ON. The bot is silent; answer with POST /api/v1/conversations/" +
            id + "/reply."};
  return {id + ": human mode OFF. The bot answers again."};
}

}  // namespace parley::http
