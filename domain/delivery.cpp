#include "domain/delivery.hpp"

namespace parley::domain::delivery {

const char* to_string(Error e) {
  switch (e) {
    case Error::already_delivered:
      return "already_delivered";
    case Error::wrong_part:
      return "wrong_part";
    case Error::dead:
      return "dead";
    case Error::not_dead:
      return "not_dead";
  }
  return "unknown";
}

Result<std::vector<Event>, Error> decide(const State& s, const Command& command) {
  if (auto* c = std::get_if<RequestRetry>(&command)) {
    if (!s.dead) return fail(Error::not_dead);
    return std::vector<Event>{RetryRequested{c->by, c->at_us}};
  }
  if (s.delivered()) return fail(Error::already_delivered);
  if (s.dead) return fail(Error::dead);
  if (auto* c = std::get_if<RecordPartSent>(&command)) {
    if (c->part != s.parts_done || c->parts == 0 || c->part >= c->parts ||
        (s.parts != 0 && c->parts != s.parts))
      return fail(Error::wrong_part);
    return std::vector<Event>{
        PartSent{c->part, c->parts, c->platform_message_id, c->attempts, c->at_us}};
  }
  const auto& c = std::get<DeadLetter>(command);
  return std::vector<Event>{DeadLettered{s.parts_done, c.attempts, c.error, c.at_us}};
}

State evolve(State s, const Event& event) {
  ++s.version;
  if (auto* e = std::get_if<PartSent>(&event)) {
    s.parts = e->parts;
    s.parts_done = e->part + 1;
    s.platform_message_ids.push_back(e->platform_message_id);
  } else if (auto* e = std::get_if<DeadLettered>(&event)) {
    s.dead = true;
    s.last_error = e->error;
  } else {
    s.dead = false;
  }
  return s;
}

}  // namespace parley::domain::delivery
