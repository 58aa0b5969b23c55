#include "domain/nudge.hpp"

namespace parley::domain::nudge {
namespace {

namespace conv = conversation;

constexpr int64_t kMinuteUs = int64_t{60} * 1000000;
constexpr int64_t kDayUs = 24 * 60 * kMinuteUs;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// UTC of a local wall-clock instant (µs since the local epoch).
int64_t to_utc(int64_t local_us, const OffsetAt& offset) {
  return local_us - offset(local_us - offset(local_us));
}

// The reason the conversation may not be nudged now; "" if it may.
std::string blocked(const conv::State& s, const Policy& policy) {
  if (!policy.enabled) return "disabled";
  if (s.handoff_requested) return "handoff";
  if (!s.browsing && s.cart.empty()) return s.orders.empty() ? "not_shopping" : "order_placed";
  if (s.received == 0) return "not_shopping";
  return "";
}

}  // namespace

int64_t first_due(int64_t last_received_us, const Policy& policy, const OffsetAt& offset) {
  const int64_t t = last_received_us + policy.silence_us;
  const int64_t local = t + offset(t);
  const int64_t day = floor_div(local, kDayUs) * kDayUs;
  const int64_t minute = (local - day) / kMinuteUs;
  if (minute < policy.work_start_minute)
    return to_utc(day + policy.work_start_minute * kMinuteUs, offset);
  if (minute >= policy.work_end_minute)
    return to_utc(day + kDayUs + policy.work_start_minute * kMinuteUs, offset);
  return t;
}

int64_t next_due(int64_t sent_us, const Policy& policy, const OffsetAt& offset) {
  const int64_t local = sent_us + offset(sent_us);
  const int64_t day = floor_div(local, kDayUs) * kDayUs;
  return to_utc(day + kDayUs + policy.second_at_minute * kMinuteUs, offset);
}

std::vector<conv::Event> plan(const conv::State& s, const Policy& policy, const OffsetAt& offset) {
  std::optional<std::pair<uint32_t, int64_t>> want;  // number, due
  std::string reason = blocked(s, policy);
  if (reason.empty() && s.nudges_sent >= policy.max_nudges) reason = "limit";
  if (reason.empty()) {
    const uint32_t number = s.nudges_sent + 1;
    want = {number, number == 1 ? first_due(s.last_received_at_us, policy, offset)
                                : next_due(s.last_nudge_at_us, policy, offset)};
  }
  std::vector<conv::Event> out;
  const bool pending = !s.nudge_id.empty();
  if (pending && want) {
    if (want->first != s.nudge_number || want->second != s.nudge_due_us)
      out.push_back(conv::NudgeScheduled{s.nudge_id, want->first, want->second});  // it moves
  } else if (pending) {
    out.push_back(conv::NudgeCancelled{s.nudge_id, s.nudge_number, reason});
  } else if (want) {
    out.push_back(conv::NudgeScheduled{s.id + "/n" + std::to_string(s.nudges_scheduled + 1),
                                       want->first, want->second});
  }
  return out;
}

std::vector<conv::Event> fire(const conv::State& s, const Fire& f, const Policy& policy,
                              const OffsetAt& offset) {
  std::vector<conv::Event> out;
  if (s.nudge_id.empty() || s.nudge_id != f.nudge_id || f.now_us < s.nudge_due_us) return out;
  if (auto reason = blocked(s, policy); !reason.empty()) {
    out.push_back(conv::NudgeCancelled{s.nudge_id, s.nudge_number, reason});
    return out;
  }
  conv::SendMessage send{f.text, "", f.now_us, {}};
  std::string template_name;
  if (!conv::window_open(s, f.now_us)) {
    if (policy.outside_window_template.empty()) {
      out.push_back(conv::NudgeSkipped{s.nudge_id, s.nudge_number, "outside_24h_window"});
      return out;
    }
    send.template_message = policy.outside_window_template;
    send.template_message.parameters = f.template_parameters;
    template_name = send.template_message.name;
  }
  auto sent = conv::decide(s, send);
  if (!sent) {
    out.push_back(conv::NudgeSkipped{s.nudge_id, s.nudge_number, conv::to_string(sent.error())});
    return out;
  }
  out.push_back(conv::NudgeSent{s.nudge_id, s.nudge_number, f.now_us, template_name});
  for (auto& e : sent.value()) out.push_back(std::move(e));
  // What follows a sent nudge: the next one, if the rules allow it.
  auto after = s;
  for (const auto& e : out) after = conv::evolve(std::move(after), e);
  for (auto& e : plan(after, policy, offset)) out.push_back(std::move(e));
  return out;
}

}  // namespace parley::domain::nudge
