// One command on one stream, from a thread that may block (HTTP, command
// line, the order worker; never a CAF handler — live entities use
// actors/entity_shell.hpp):
//   load    read the stream and fold it (Kind::decode, Kind::evolve);
//   decide  the command's decider on what was loaded; it may link appends to
//           other streams, each expected at the head it read (an order's stock);
//   append  its events (Kind::encode, or the command's encoder), expecting the
//           head that was read, with the command's dedupe claim if any;
//   retry   from the load on a conflict, at most kMaxStreamAttempts times.
// A claim made before is success with `duplicate` (nothing written); a domain
// error is `refused` (the Kind's Error enum); a store failure is `storage`.
// error_code() names either for JSON and logs.
//
// Kind provides: State, Event, Error, kType, initial(id), evolve(State, Event),
//   decode(EventEnvelope), error_name(Error); encode(Event) unless every
//   command brings its own encoder; decide(State, Command) for run_command.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/result.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::events {

// Conflicts are two writers on one stream at once; eight loads in a row
// losing the race means the stream is hot, and the caller hears so.
inline constexpr int kMaxStreamAttempts = 8;

template <class Kind>
struct LoadedStream {
  Status status = Status::Ok();
  typename Kind::State state;
  uint64_t head = 0;  // the seq of the last event folded; 0 for a new stream
};

template <class Kind>
LoadedStream<Kind> load_stream(EventStore& store, const std::string& id) {
  LoadedStream<Kind> out{Status::Ok(), Kind::initial(id), 0};
  std::vector<EventEnvelope> envs;
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
struct StreamOutcome {
  bool ok = false;
  bool duplicate = false;                       // the dedupe claim was made before; nothing written
  std::optional<typename Kind::Error> refused;  // the decider's refusal
  StoreErrc storage = StoreErrc::ok;            // not ok: the log failed (message: how)
  std::string message;
  typename Kind::State state;                // after the command (as loaded when refused)
  std::vector<typename Kind::Event> events;  // what was appended; empty: nothing changed

  bool refused_with(typename Kind::Error e) const { return refused && *refused == e; }
  bool storage_failed() const { return storage != StoreErrc::ok; }
  // "" when ok; the refusal's name; or "storage_failed".
  std::string error_code() const {
    if (refused) return Kind::error_name(*refused);
    return storage_failed() ? "storage_failed" : "";
  }
};

template <class Kind>
struct StreamCommand {
  using Decided = domain::Result<std::vector<typename Kind::Event>, typename Kind::Error>;
  using Decide = std::function<Decided(const LoadedStream<Kind>&, AppendRequest* request)>;
  // Decides on the loaded stream; may add linked appends to `request`.
  Decide decide;
  // How each event is stored; empty: Kind::encode.
  std::function<NewEvent(const typename Kind::Event&)> encode = {};
  std::optional<DedupeClaim> dedupe = std::nullopt;
};

namespace detail {
template <class Kind, class = void>
struct HasEncode : std::false_type {};
template <class Kind>
struct HasEncode<Kind,
                 std::void_t<decltype(Kind::encode(std::declval<const typename Kind::Event&>()))>>
    : std::true_type {};

template <class Kind>
NewEvent stored(const StreamCommand<Kind>& command, const typename Kind::Event& e) {
  if constexpr (HasEncode<Kind>::value)
    return command.encode ? command.encode(e) : Kind::encode(e);
  else
    return command.encode(e);  // a Kind without encode(): every command brings one
}
}  // namespace detail

template <class Kind>
StreamOutcome<Kind> run_stream_command(EventStore& store, GroupCommitWriter& writer,
                                       const std::string& id, const StreamCommand<Kind>& command) {
  StreamOutcome<Kind> out;
  auto storage_failed = [&](const Status& status) {
    out.storage = status.ok() ? StoreErrc::io_error : status.code();
    out.message = status.to_string();
    return out;
  };
  for (int attempt = 0; attempt < kMaxStreamAttempts; ++attempt) {
    auto loaded = load_stream<Kind>(store, id);
    if (!loaded.status.ok()) return storage_failed(loaded.status);
    out.state = loaded.state;
    AppendRequest request{{Kind::kType, id}, loaded.head, {}, command.dedupe};
    auto decided = command.decide(loaded, &request);
    if (!decided) {
      out.refused = decided.error();
      return out;
    }
    auto after = loaded.state;
    for (const auto& e : decided.value()) {
      request.events.push_back(detail::stored(command, e));
      after = Kind::evolve(std::move(after), e);
    }
    if (request.events.empty()) {
      out.ok = true;
      return out;
    }
    auto result = writer.submit(std::move(request)).get();
    if (result.status.ok()) {
      out.ok = true;
      out.state = std::move(after);
      out.events = std::move(decided).value();
      return out;
    }
    if (result.status.code() == StoreErrc::duplicate) {
      out.ok = out.duplicate = true;
      return out;
    }
    if (result.status.code() != StoreErrc::conflict) return storage_failed(result.status);
  }
  return storage_failed(
      Status::Conflict("too many concurrent changes to " + std::string(Kind::kType) + "/" + id));
}

// The common case: the Kind's pure decider, its encoder, no links, no claim.
template <class Kind>
StreamOutcome<Kind> run_command(EventStore& store, GroupCommitWriter& writer, const std::string& id,
                                const typename Kind::Command& command) {
  StreamCommand<Kind> c;
  c.decide = [&](const LoadedStream<Kind>& loaded, AppendRequest*) {
    return Kind::decide(loaded.state, command);
  };
  return run_stream_command(store, writer, id, c);
}

}  // namespace parley::events
