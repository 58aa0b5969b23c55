// Shopper nudges: when a quiet shopper gets a follow-up, and whether a due
// one still goes out. Pure: the clock, the zone and the words arrive as
// arguments.
//
// Rules (defaults in Policy):
//  - a conversation is nudged only while the shopper is shopping: products
//    were shown since the last order, or the cart is not empty;
//  - nudge 1 falls due `silence` after the shopper's last message, moved
//    into work hours [work_start, work_end) of the store's zone: before the
//    start it waits for the start of that day, at or after the end for the
//    start of the next day;
//  - nudge 2 falls due the local day after nudge 1 went out, at `second_at`;
//  - never more than `max_nudges` since the shopper last wrote; a message
//    from the shopper resets the count;
//  - none while a human has the conversation (handoff);
//  - on a channel with WhatsApp's 24-hour window, a nudge due outside the
//    window goes out as the configured template, or is skipped (and the
//    rest with it) when there is none. Never as free text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/conversation.hpp"

namespace parley::domain::nudge {

struct Policy {
  bool enabled = true;
  int64_t silence_us = int64_t{3} * 3600 * 1000000;
  int work_start_minute = 9 * 60;  // local minutes of the day
  int work_end_minute = 19 * 60;
  int second_at_minute = 13 * 60;
  uint32_t max_nudges = 2;
  conversation::Template outside_window_template = {};  // empty: skip instead
};

// The store's zone: local time minus UTC at an instant, in µs.
using OffsetAt = std::function<int64_t(int64_t utc_us)>;

// When nudge 1 falls due for a shopper who last wrote at `last_received_us`.
int64_t first_due(int64_t last_received_us, const Policy& policy, const OffsetAt& offset);
// When the next nudge falls due after one went out at `sent_us`.
int64_t next_due(int64_t sent_us, const Policy& policy, const OffsetAt& offset);

// The events that bring the pending nudge in line with the rules after
// anything happened in the conversation: nothing, a cancel, a schedule, or
// a cancel and a reschedule.
std::vector<conversation::Event> plan(const conversation::State& state, const Policy& policy,
                                      const OffsetAt& offset);

// A nudge's timer went off. `text` is the nudge in the shopper's language.
struct Fire {
  std::string nudge_id;
  int64_t now_us = 0;
  std::string text;
  std::vector<std::string> template_parameters = {};
};
// Events for a due nudge: NudgeSent then its MessageSent, NudgeSkipped, or
// NudgeCancelled when the rules no longer allow it. Nothing when the id is
// not the pending one (a stale timer) or it is not due yet.
std::vector<conversation::Event> fire(const conversation::State& state, const Fire& fire,
                                      const Policy& policy, const OffsetAt& offset);

}  // namespace parley::domain::nudge
