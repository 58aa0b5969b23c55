#include "cluster/peer_link.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <caf/all.hpp>
#include <caf/io/all.hpp>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace parley::cluster {
namespace {

using forward_atom = caf::atom_constant<caf::atom("forward")>;  // caller -> peer's gateway
using served_atom = caf::atom_constant<caf::atom("served")>;    // pool -> gateway

// What the pool threads take: a request to serve, by when, and whom to tell.
struct Job {
  uint64_t id = 0;
  std::string request;
  std::chrono::steady_clock::time_point deadline;
  caf::actor gateway;
};

// A new connection's TCP handshake, at most `limit`: CAF's own connect has no
// deadline, and to a machine that is gone it waits for the kernel (minutes).
bool reachable(const std::string& host, uint16_t port, std::chrono::milliseconds limit,
               std::string* why) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found) {
    *why = "cannot resolve " + host;
    return false;
  }
  // Every address the name gives (::1 and 127.0.0.1 for "localhost"), the
  // time shared between them.
  const auto until = std::chrono::steady_clock::now() + limit;
  bool ok = false;
  for (addrinfo* a = found; a && !ok; a = a->ai_next) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    const int fd = socket(a->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) continue;
    if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
      ok = true;
    } else if (errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) == 1) {
        int err = 0;
        socklen_t len = sizeof err;
        ok = getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
      }
    }
    close(fd);
  }
  freeaddrinfo(found);
  if (!ok) *why = "no connection to " + host + ":" + std::to_string(port);
  return ok;
}

// How far apart two nodes' clocks may be (NTP keeps them within
// milliseconds). A request that took longer than this to arrive, by the two
// clocks, has the excess taken off its time. That is a request read by a node
// that was frozen (SIGSTOP, a paused VM) and has just woken: the steady clock
// alone would give it its whole time again, though its caller gave up. So a
// request is served only until its time plus this slack after it was sent;
// its caller stopped waiting at its time / 0.9 (a retry with the same
// message_id is recorded once, whichever copy lands).
constexpr int64_t kClockSlackMs = 2000;
// A caller's time is at most the request timeout; this bounds what a peer
// may claim, so no deadline arithmetic overflows.
constexpr int64_t kMaxTimeMs = 3'600'000;

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One line a minute at most: a woken node, or clocks apart.
void warn_late(int64_t now_ms, int64_t sent_at_ms) {
  static std::atomic<int64_t> last{0};
  int64_t before = last.load();
  if (now_ms - before < 60'000 || !last.compare_exchange_strong(before, now_ms)) return;
  std::fprintf(stderr,
               "parley: a peer's request arrived %lld ms after it was sent (this node was "
               "frozen, or the nodes' clocks are apart: keep them in sync)\n",
               static_cast<long long>(now_ms - sent_at_ms));
}

struct GatewayState {
  uint64_t next = 0;
  std::unordered_map<uint64_t, caf::response_promise> pending;
  static inline const char* name = "parley.gateway";
};

}  // namespace

int64_t time_left_on_arrival(int64_t timeout_ms, int64_t sent_at_ms, int64_t now_ms) {
  const int64_t time = std::clamp<int64_t>(timeout_ms, 0, kMaxTimeMs);
  if (sent_at_ms <= 0 || now_ms <= sent_at_ms) return time;
  const int64_t late = now_ms - sent_at_ms - kClockSlackMs;
  return late <= 0 ? time : time - std::min(late, time);
}

struct PeerLink::Impl {
  Serve serve;
  size_t max_queued;
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Job> queue;
  bool stopping = false;
  std::vector<std::thread> workers;
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  caf::actor gateway;
  std::mutex peers_mu;
  std::unordered_map<std::string, caf::actor> peers;

  // False when the queue is full: the caller answers "busy".
  bool enqueue(Job job) {
    {
      std::lock_guard lock(mu);
      if (stopping || queue.size() >= max_queued) return false;
      queue.push_back(std::move(job));
    }
    ready.notify_one();
    return true;
  }

  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [this] { return stopping || !queue.empty(); });
        if (queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          job.deadline - std::chrono::steady_clock::now());
      std::string answer = serve(job.request, left);
      caf::anon_send(job.gateway, served_atom::value, job.id, std::move(answer));
    }
  }

  caf::expected<caf::actor> peer(const std::string& address) {
    {
      std::lock_guard lock(peers_mu);
      if (auto i = peers.find(address); i != peers.end()) return i->second;
    }
    const auto colon = address.rfind(':');
    if (colon == std::string::npos)
      return caf::make_error(caf::sec::invalid_argument, "peer " + address + " is not host:port");
    int port = 0;
    try {
      port = std::stoi(address.substr(colon + 1));
    } catch (const std::exception&) {
      port = 0;
    }
    if (port <= 0 || port > 65535)
      return caf::make_error(caf::sec::invalid_argument, "peer " + address + " has no port");
    std::string why;
    if (!reachable(address.substr(0, colon), static_cast<uint16_t>(port), std::chrono::seconds(1),
                   &why))
      return caf::make_error(caf::sec::cannot_connect_to_node, why);
    auto handle =
        sys->middleman().remote_actor(address.substr(0, colon), static_cast<uint16_t>(port));
    if (!handle) return handle.error();
    std::lock_guard lock(peers_mu);
    peers[address] = *handle;
    return *handle;
  }

  void forget(const std::string& address) {
    std::lock_guard lock(peers_mu);
    peers.erase(address);
  }
};

PeerLink::PeerLink(Serve serve, size_t workers, size_t max_queued)
    : impl_(std::make_unique<Impl>()) {
  impl_->serve = std::move(serve);
  impl_->max_queued = max_queued;
  auto& cfg = impl_->cfg;
  cfg.load<caf::io::middleman>();
  cfg.set("scheduler.max-threads", 1);  // the gateway only hands work to the pool
  cfg.set("scheduler.policy", caf::atom("sharing"));
  cfg.set("logger.console", caf::atom("none"));
  // A connection that hears nothing for 5 s is closed, and its proxies die:
  // calls to a peer that went silent fail instead of waiting out their timeouts.
  // A handshake not finished by the next tick is given up (measured: calls to
  // a listener that never speaks took 1 s, 3 s with a 3 s interval).
  cfg.set("middleman.heartbeat-interval", caf::timespan{std::chrono::seconds(1)});
  cfg.set("middleman.connection-timeout", caf::timespan{std::chrono::seconds(5)});
  impl_->sys = std::make_unique<caf::actor_system>(cfg);
  Impl* impl = impl_.get();
  impl_->gateway = impl_->sys->spawn([impl](
                                         caf::stateful_actor<GatewayState>* self) -> caf::behavior {
    return {
        [=](forward_atom, std::string& request, int64_t timeout_ms,
            int64_t sent_at_ms) -> caf::result<std::string> {
          // The promise only after the job is queued: once made, it owns the
          // answer, and an error returned beside it would never be sent.
          const uint64_t id = ++self->state.next;
          const int64_t now = wall_ms();
          const int64_t left = time_left_on_arrival(timeout_ms, sent_at_ms, now);
          if (left < std::clamp<int64_t>(timeout_ms, 0, kMaxTimeMs)) warn_late(now, sent_at_ms);
          const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(left);
          if (!impl->enqueue({id, std::move(request), deadline, caf::actor_cast<caf::actor>(self)}))
            return caf::make_error(caf::sec::runtime_error, "busy");
          auto rp = self->make_response_promise<std::string>();
          self->state.pending.emplace(id, rp);
          return rp;
        },
        [=](served_atom, uint64_t id, std::string& answer) {
          auto i = self->state.pending.find(id);
          if (i == self->state.pending.end()) return;
          i->second.deliver(std::move(answer));
          self->state.pending.erase(i);
        },
    };
  });
  for (size_t i = 0; i < std::max<size_t>(workers, 1); ++i)
    impl_->workers.emplace_back([impl] { impl->work(); });
}

PeerLink::~PeerLink() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
    impl_->queue.clear();  // their callers time out: the node is going
  }
  impl_->ready.notify_all();
  for (auto& t : impl_->workers) t.join();
  {
    std::lock_guard lock(impl_->peers_mu);
    impl_->peers.clear();
  }
  caf::anon_send_exit(impl_->gateway, caf::exit_reason::user_shutdown);
  impl_->gateway = nullptr;
  impl_->sys.reset();
}

uint16_t PeerLink::listen(const std::string& host, uint16_t port, std::string* error) {
  auto bound = impl_->sys->middleman().publish(impl_->gateway, port, host.c_str(), true);
  if (!bound) {
    *error = "cannot listen for peers on " + host + ":" + std::to_string(port) + ": " +
             impl_->sys->render(bound.error());
    return 0;
  }
  return *bound;
}

PeerAnswer PeerLink::call(const std::string& peer, const std::string& request,
                          std::chrono::milliseconds timeout) {
  PeerAnswer out;
  auto handle = impl_->peer(peer);
  if (!handle) {
    out.kind = PeerAnswer::Kind::unreachable;
    out.why = impl_->sys->render(handle.error());
    return out;
  }
  caf::scoped_actor self{*impl_->sys};
  // A peer whose connection already closed (the node died) has a dead proxy:
  // its down message is there at once, and nothing was sent. Connect again:
  // refused means unreachable.
  self->monitor(*handle);
  bool down = false;
  self->receive([&](caf::down_msg&) { down = true; }, caf::after(std::chrono::seconds(0)) >> [] {});
  if (down) {
    impl_->forget(peer);
    handle = impl_->peer(peer);
    if (!handle) {
      out.kind = PeerAnswer::Kind::unreachable;
      out.why = impl_->sys->render(handle.error());
      return out;
    }
  }
  self->request(*handle, timeout, forward_atom::value, request,
                static_cast<int64_t>(timeout.count() * 9 / 10), wall_ms())
      .receive(
          [&](std::string& answer) {
            out.kind = PeerAnswer::Kind::answered;
            out.bytes = std::move(answer);
          },
          [&](caf::error& err) {
            const bool busy = err == caf::sec::runtime_error;
            out.kind = busy ? PeerAnswer::Kind::busy : PeerAnswer::Kind::lost;
            out.why = impl_->sys->render(err);
          });
  self->demonitor(*handle);  // a proxy lives as long as its connection: no monitor piles up
  if (out.kind == PeerAnswer::Kind::lost) impl_->forget(peer);
  return out;
}

size_t PeerLink::queued() const {
  std::lock_guard lock(impl_->mu);
  return impl_->queue.size();
}

}  // namespace parley::cluster
