#include "domain/delivery.hpp"

#include "domain/overloaded.hpp"

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
  using Events = Result<std::vector<Event>, Error>;
  if (!std::holds_alternative<RequestRetry>(command)) {
    if (s.delivered()) return fail(Error::already_delivered);
    if (s.dead) return fail(Error::dead);
  }
  return std::visit(
      overloaded{
          [&](const RequestRetry& c) -> Events {
            if (!s.dead) return fail(Error::not_dead);
            return std::vector<Event>{RetryRequested{c.by, c.at_us}};
          },
          [&](const RecordPartSent& c) -> Events {
            if (c.part != s.parts_done || c.parts == 0 || c.part >= c.parts ||
                (s.parts != 0 && c.parts != s.parts))
              return fail(Error::wrong_part);
            return std::vector<Event>{
                PartSent{c.part, c.parts, c.platform_message_id, c.attempts, c.at_us}};
          },
          [&](const DeadLetter& c) -> Events {
            return std::vector<Event>{DeadLettered{s.parts_done, c.attempts, c.error, c.at_us}};
          }},
      command);
}

State evolve(State s, const Event& event) {
  ++s.version;
  std::visit(overloaded{[&](const PartSent& e) {
                          s.parts = e.parts;
                          s.parts_done = e.part + 1;
                          s.platform_message_ids.push_back(e.platform_message_id);
                        },
                        [&](const DeadLettered& e) {
                          s.dead = true;
                          s.last_error = e.error;
                        },
                        [&](const RetryRequested&) { s.dead = false; }},
             event);
  return s;
}

}  // namespace parley::domain::delivery
