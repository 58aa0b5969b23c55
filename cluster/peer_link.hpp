// How nodes ask each other (issue 23): CAF's own distribution (caf::io, the
// middleman's BASP) carries a request of bytes to a peer's published actor
// and its answer back. No other RPC: the payload is the caller's encoding
// (actors/forwarded_chat.hpp), the transport, the request ids and the
// timeouts are CAF's.
//
//   listen(host, port)      publishes this node's gateway; requests that reach
//                           it run `serve` on a pool thread of the link's own
//                           (never on a CAF scheduler thread), at most
//                           `max_queued` waiting: beyond, "busy" at once.
//                           `serve` hears the time left of nine tenths of
//                           the caller's timeout (<= 0: it waited too long
//                           in the queue), so its answer, a timeout too,
//                           comes back before the caller gives up. Time in
//                           transit beyond 2 s, by the two nodes' clocks, is
//                           counted as spent: a peer that was frozen and has
//                           just woken does not serve what was sent to it
//                           more than that time + 2 s ago (keep the clocks
//                           in sync, NTP)
//   call(peer, bytes, t)    asks the peer "host:port"; the answer, or why not:
//                             unreachable  no connection could be made, so the
//                                          request was never sent
//                             lost         sent, but the peer went away or
//                                          did not answer within t: it may
//                                          or may not have acted on it
//                             busy         the peer's queue was full
//   The handle of a peer is kept and dropped after a failure, so a peer that
//   comes back is connected again on the next call. A new connection is
//   tried for at most a second (a peer whose machine is gone never refuses),
//   and so is CAF's handshake on it (a hung peer's kernel still accepts):
//   the middleman drops an unfinished handshake at its next heartbeat tick.
//   Connections carry heartbeats, so one that went silent is closed.
//
// BASP is neither authenticated nor encrypted: peers listen on a private
// network only (docs/DEPLOY.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace parley::cluster {

struct PeerAnswer {
  enum class Kind : uint8_t { answered, unreachable, lost, busy };
  Kind kind = Kind::unreachable;
  std::string bytes;  // answered: the peer's answer
  std::string why;    // otherwise: CAF's words
};

// The time (ms) a request sent at `sent_at_ms` by its sender's wall clock,
// with `timeout_ms` to go, has left on arrival at `now_ms` by this node's:
// in [0, 1 h]; transit beyond 2 s is taken off; a sender's time unknown
// (<= 0) or ahead of ours takes nothing off.
int64_t time_left_on_arrival(int64_t timeout_ms, int64_t sent_at_ms, int64_t now_ms);

class PeerLink {
 public:
  using Serve =
      std::function<std::string(const std::string& request, std::chrono::milliseconds left)>;
  PeerLink(Serve serve, size_t workers, size_t max_queued);
  ~PeerLink();  // stops the pool and the actor system
  PeerLink(const PeerLink&) = delete;
  PeerLink& operator=(const PeerLink&) = delete;

  // Publishes the gateway on host:port (0: any free port). The port, or 0
  // with `*error` set.
  uint16_t listen(const std::string& host, uint16_t port, std::string* error);
  PeerAnswer call(const std::string& peer, const std::string& request,
                  std::chrono::milliseconds timeout);
  // Requests waiting for a pool thread now.
  size_t queued() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::cluster
