// Commands on entities written rarely and never kept live (users, sequences):
// load the stream, fold, decide with the pure decider, append expecting the
// head that was read, and retry on a conflict. Blocking: call from HTTP or
// command-line threads, never from a CAF handler.
//
// Kind provides: State, Event, Command, Error, kType, initial(id),
//   decide(State, Command), evolve(State, Event), encode(Event),
//   decode(EventEnvelope), error_name(Error).
#pragma once

#include <string>
#include <vector>

#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::crm {

template <class Kind>
struct CommandOutcome {
  bool ok = false;
  std::string error_code;  // the domain error, or "storage_failed"
  std::string message;
  typename Kind::State state;                // after the command (or as loaded, on a domain error)
  std::vector<typename Kind::Event> events;  // what was appended; empty: nothing changed
};

template <class Kind>
struct Loaded {
  events::Status status;
  typename Kind::State state;
  uint64_t head = 0;
};

template <class Kind>
Loaded<Kind> load_stream(events::EventStore& store, const std::string& id) {
  Loaded<Kind> out{events::Status::Ok(), Kind::initial(id), 0};
  std::vector<events::EventEnvelope> envs;
  out.status = store.read_stream({Kind::kType, id}, 1, SIZE_MAX, &envs);
  if (!out.status.ok()) return out;
  for (const auto& env : envs) {
    auto e = Kind::decode(env);
    if (!e) {
      out.status = e.status();
      return out;
    }
    out.state = Kind::evolve(std::move(out.state), *e);
    out.head = env.seq;
  }
  return out;
}

template <class Kind>
CommandOutcome<Kind> run_command(events::EventStore& store, events::GroupCommitWriter& writer,
                                 const std::string& id, const typename Kind::Command& command) {
  CommandOutcome<Kind> out;
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto loaded = load_stream<Kind>(store, id);
    if (!loaded.status.ok()) {
      out.error_code = "storage_failed";
      out.message = loaded.status.to_string();
      return out;
    }
    out.state = loaded.state;
    auto decided = Kind::decide(loaded.state, command);
    if (!decided) {
      out.error_code = Kind::error_name(decided.error());
      return out;
    }
    events::AppendRequest req{{Kind::kType, id}, loaded.head, {}, {}};
    auto after = loaded.state;
    for (const auto& e : decided.value()) {
      req.events.push_back(Kind::encode(e));
      after = Kind::evolve(std::move(after), e);
    }
    if (req.events.empty()) {
      out.ok = true;
      return out;
    }
    auto result = writer.submit(std::move(req)).get();
    if (result.status.ok()) {
      out.ok = true;
      out.state = std::move(after);
      out.events = std::move(decided).value();
      return out;
    }
    if (result.status.code() != events::StoreErrc::conflict) {
      out.error_code = "storage_failed";
      out.message = result.status.to_string();
      return out;
    }
  }
  out.error_code = "storage_failed";
  out.message = "too many concurrent changes to " + std::string(Kind::kType) + "/" + id;
  return out;
}

}  // namespace parley::crm
