// The edge's connections, so that slow clients cannot take it down (issue 17,
// item 7: ~128 sockets sending one header line every 2 s, or nothing, held
// every cpp-httplib thread and /healthz stopped answering).
//
//   admitted      at most max_per_address open connections per client address;
//                 beyond that the new one is closed at once
//   waiting       no thread: epoll, until a whole request head has arrived
//                 (peeked, not consumed), at most head_timeout; an idle
//                 keep-alive connection waits here too, at most idle_timeout
//   head too big  over max_head_bytes without its end: 431, closed
//   serving       one worker runs the one request (`serve`), then the
//                 connection goes back to waiting (or, when the bytes read
//                 ahead hold a whole head, straight to the queue), or is
//                 closed; at most
//                 max_serving_per_address at once per address, the rest parked
//   queued        a connection waiting for a worker has no deadline: it is
//                 never closed behind the queue's back (its fd could be reused)
//   framing       a head with two or a non-numeric Content-Length, or one beside
//                 Transfer-Encoding (or a coding but chunked): 400, closed
//
// Workers are the only threads that run handlers; a slow body cannot hold one
// past its request deadline (http/gated_stream.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/gated_stream.hpp"

namespace parley::http {

struct GateOptions {
  size_t workers = 128;
  size_t max_per_address = 256;
  // Requests of one address served at once; its others wait their turn
  // parked, so trickling bodies from one address cannot hold every worker.
  size_t max_serving_per_address = 16;
  size_t max_connections = 20000;
  size_t max_head_bytes = 64 * 1024;
  std::chrono::milliseconds head_timeout{10000};
  std::chrono::milliseconds idle_timeout{30000};
};

struct GateStats {
  uint64_t refused_per_address = 0;  // over max_per_address (or max_connections)
  uint64_t head_timeouts = 0;        // no whole request head in time
  uint64_t heads_too_large = 0;
  uint64_t bad_framing = 0;  // ambiguous Content-Length / Transfer-Encoding: 400, closed
  size_t open = 0;           // connections now, waiting or serving
  size_t waiting = 0;        // of those, in epoll
};

class ConnectionGate {
 public:
  // Serves the one request whose head is waiting on `fd` (or starts in
  // `unread`, the bytes the last request read ahead); true to keep the
  // connection for another. `served` counts the requests before this one.
  // `unread` is left holding what this request read past its end. `ends`:
  // the connection's addresses, looked up when it was admitted.
  using Serve =
      std::function<bool(int fd, const Endpoints& ends, size_t served, std::string& unread)>;

  ConnectionGate(GateOptions options, Serve serve);
  ~ConnectionGate();  // stop()

  bool start(std::string* error);
  // A connection cpp-httplib accepted; the gate owns it from now on.
  void admit(int fd);
  // Closes waiting connections, lets the requests being served finish.
  void stop();
  GateStats stats() const;

 private:
  struct Conn {
    Endpoints ends;
    bool queued = false;  // in ready_ or parked_: the sweep leaves it alone
    std::chrono::steady_clock::time_point deadline;
    size_t served = 0;
    bool head_started = false;  // some bytes of the next request arrived
    std::string unread;         // read ahead by the last request: the next one's start
  };
  void watch(int fd);  // (re)arms fd in epoll; mu_ held
  void close_conn(int fd);
  void poll_loop();
  void work_loop();
  void on_readable(int fd);
  // The connection's next head so far (what was read ahead, then what waits
  // in the socket): queued when whole (`*queued` set: the caller wakes a
  // worker once mu_ is let go), refused when bad; false to watch on.
  bool take_head(int fd, Conn& c, std::string_view head, bool* queued);  // mu_ held
  void sweep(std::chrono::steady_clock::time_point now);
  // True when a parked connection of `address` was queued in its place.
  bool release_serving(const std::string& address);  // mu_ held

  GateOptions o_;
  Serve serve_;
  int epfd_ = -1;
  int wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mu_;
  std::condition_variable ready_cv_;
  std::unordered_map<int, Conn> conns_;  // every open connection
  std::unordered_map<std::string, size_t> per_address_;
  std::unordered_map<std::string, size_t> serving_;          // per address
  std::unordered_map<std::string, std::deque<int>> parked_;  // over the serving cap
  std::deque<int> ready_;                                    // heads complete, waiting for a worker
  GateStats stats_;
  std::vector<char> peek_;  // the poller's buffer for request heads
  std::thread poller_;
  std::vector<std::thread> workers_;
};

}  // namespace parley::http
