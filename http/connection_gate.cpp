#include "http/connection_gate.hpp"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "http/gated_stream.hpp"

namespace parley::http {

using Clock = std::chrono::steady_clock;

namespace {

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Why a request head frames its body ambiguously, or nullptr. Two parsers
// (a proxy and cpp-httplib) must not disagree on where a request ends: a
// second or non-numeric Content-Length, or one beside Transfer-Encoding, or a
// transfer coding other than chunked, let a body be read as the next request.
const char* framing_error(std::string_view head) {
  head = head.substr(0, head.find("\r\n\r\n"));
  int lengths = 0;
  bool chunked = false;
  size_t at = head.find("\r\n");
  while (at != std::string_view::npos) {
    const size_t start = at + 2;
    at = head.find("\r\n", start);
    const auto line = head.substr(start, at == std::string_view::npos ? head.npos : at - start);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const auto name = lower_trimmed(line.substr(0, colon));
    const auto value = lower_trimmed(line.substr(colon + 1));
    if (name == "content-length") {
      if (++lengths > 1) return "more than one Content-Length";
      if (value.empty() || value.size() > 18 ||
          value.find_first_not_of("0123456789") != std::string::npos)
        return "Content-Length is not a number";
    } else if (name == "transfer-encoding") {
      if (value != "chunked") return "only Transfer-Encoding: chunked is understood";
      chunked = true;
    }
  }
  if (lengths > 0 && chunked) return "both Content-Length and Transfer-Encoding";
  return nullptr;
}

// Before closing a connection whose client may still be sending (a body cut
// off at the limit): stop writing, then read and drop a little, so the client
// reads our answer instead of a reset. At most 200 ms and 1 MiB: a lingering
// close must not hold a worker.
void linger(int fd) {
  ::shutdown(fd, SHUT_WR);
  char buf[16384];
  size_t dropped = 0;
  const auto until = Clock::now() + std::chrono::milliseconds(200);
  while (dropped < (1u << 20) && Clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n <= 0) return;
    dropped += static_cast<size_t>(n);
  }
}

void refuse(int fd, const char* status_line, const std::string& code, const std::string& why) {
  const std::string body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + why + "\"}}";
  const std::string answer = std::string(status_line) +
                             "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                             "Content-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body;
  (void)!::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

ConnectionGate::ConnectionGate(GateOptions options, Serve serve)
    : o_(options), serve_(std::move(serve)) {}

ConnectionGate::~ConnectionGate() {
  stop();
}

bool ConnectionGate::start(std::string* error) {
  epfd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epfd_ < 0 || wake_fd_ < 0) {
    *error = std::string("epoll: ") + std::strerror(errno);
    return false;
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  epoll_ctl(epfd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  poller_ = std::thread([this] { poll_loop(); });
  for (size_t i = 0; i < o_.workers; ++i) workers_.emplace_back([this] { work_loop(); });
  return true;
}

void ConnectionGate::admit(int fd) {
  const Endpoints ends = endpoints_of(fd);
  const std::string& address = ends.remote_ip;
  std::lock_guard<std::mutex> lock(mu_);
  auto& count = per_address_[address];
  if (stopping_ || count >= o_.max_per_address || conns_.size() >= o_.max_connections) {
    if (count == 0) per_address_.erase(address);
    ++stats_.refused_per_address;
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
    return;
  }
  ++count;
  conns_[fd] = Conn{ends, false, Clock::now() + o_.head_timeout, 0, true, {}};
  watch(fd);
}

void ConnectionGate::watch(int fd) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  ev.data.fd = fd;
  if (epoll_ctl(epfd_, EPOLL_CTL_MOD, fd, &ev) != 0) epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev);
}

void ConnectionGate::close_conn(int fd) {
  // mu_ held
  auto it = conns_.find(fd);
  if (it == conns_.end()) return;
  auto a = per_address_.find(it->second.ends.remote_ip);
  if (a != per_address_.end() && --a->second == 0) per_address_.erase(a);
  conns_.erase(it);
  epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

void ConnectionGate::on_readable(int fd) {
  // Peek: the head stays in the socket for cpp-httplib to read.
  peek_.resize(o_.max_head_bytes);
  ssize_t n;
  do {
    n = ::recv(fd, peek_.data(), peek_.size(), MSG_PEEK | MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  const int err = n < 0 ? errno : 0;
  bool queued = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    if (n < 0 && (err == EAGAIN || err == EWOULDBLOCK)) return watch(fd);
    if (n <= 0) return close_conn(fd);  // the client went away
    std::string_view head(peek_.data(), static_cast<size_t>(n));
    std::string joined;  // rare: a pipelined head split between read-ahead and socket
    if (!it->second.unread.empty()) {
      joined = it->second.unread;
      joined.append(head.substr(0, o_.max_head_bytes));
      head = joined;
    }
    if (!take_head(fd, it->second, head, &queued)) watch(fd);
  }
  if (queued) ready_cv_.notify_one();
}

bool ConnectionGate::take_head(int fd, Conn& c, std::string_view head, bool* queued) {
  // The end cpp-httplib reads a head to (a bare "\n\n" is not one: such a head
  // held a worker for its whole read deadline).
  if (head.find("\r\n\r\n") != std::string_view::npos) {
    if (const char* why = framing_error(head)) {
      ++stats_.bad_framing;
      refuse(fd, "HTTP/1.1 400 Bad Request", "bad_framing", why);
      close_conn(fd);
      return true;
    }
    c.queued = true;
    c.deadline = Clock::time_point::max();
    ready_.push_back(fd);
    *queued = true;
    return true;
  }
  if (head.size() >= o_.max_head_bytes) {
    ++stats_.heads_too_large;
    refuse(fd, "HTTP/1.1 431 Request Header Fields Too Large", "headers_too_large",
           "the request head is over 64 KiB");
    close_conn(fd);
    return true;
  }
  if (!head.empty() && !c.head_started) {  // an idle keep-alive connection starts a request
    c.head_started = true;
    c.deadline = Clock::now() + o_.head_timeout;
  }
  return false;
}

void ConnectionGate::sweep(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<int> late;
  for (const auto& [fd, c] : conns_)
    if (!c.queued && c.deadline <= now) late.push_back(fd);
  for (int fd : late) {
    if (conns_[fd].head_started) ++stats_.head_timeouts;
    close_conn(fd);
  }
}

void ConnectionGate::poll_loop() {
  std::vector<epoll_event> events(256);
  auto next_sweep = Clock::now();
  while (!stopping_) {
    const int n = epoll_wait(epfd_, events.data(), static_cast<int>(events.size()), 100);
    for (int i = 0; i < n; ++i)
      if (events[i].data.fd != wake_fd_) on_readable(events[i].data.fd);
    const auto now = Clock::now();
    if (now >= next_sweep) {
      sweep(now);
      next_sweep = now + std::chrono::milliseconds(100);
    }
  }
}

void ConnectionGate::work_loop() {
  for (;;) {
    int fd;
    size_t served;
    std::string unread;
    Endpoints ends;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (ready_.empty()) return;  // stopping, nothing left to serve
      fd = ready_.front();
      ready_.pop_front();
      auto it = conns_.find(fd);
      if (it == conns_.end()) continue;
      auto& serving = serving_[it->second.ends.remote_ip];
      if (serving >= o_.max_serving_per_address) {  // its turn comes when one of its own ends
        parked_[it->second.ends.remote_ip].push_back(fd);
        continue;
      }
      ++serving;
      it->second.queued = false;
      served = it->second.served;
      unread.swap(it->second.unread);
      ends = it->second.ends;
    }
    const bool keep = serve_(fd, ends, served, unread);
    if (!keep) linger(fd);
    bool parked_queued = false, queued = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = conns_.find(fd);
      if (it == conns_.end()) continue;
      parked_queued = release_serving(it->second.ends.remote_ip);
      if (!keep || stopping_) {
        close_conn(fd);
      } else {
        ++it->second.served;
        it->second.head_started = false;
        it->second.deadline = Clock::now() + o_.idle_timeout;
        it->second.unread = std::move(unread);
        if (it->second.unread.empty() || !take_head(fd, it->second, it->second.unread, &queued))
          watch(fd);
      }
    }
    // After the lock is let go: a worker woken under it went straight back
    // to sleep on the mutex (18 % of the server's context switches were
    // such waits under the chat load, perf sched_switch, issue 22).
    if (parked_queued) ready_cv_.notify_one();
    if (queued) ready_cv_.notify_one();
  }
}

bool ConnectionGate::release_serving(const std::string& address) {
  // mu_ held
  auto s = serving_.find(address);
  if (s != serving_.end() && --s->second == 0) serving_.erase(s);
  auto p = parked_.find(address);
  if (p == parked_.end()) return false;
  ready_.push_front(p->second.front());  // next of that address, ahead of newer work
  p->second.pop_front();
  if (p->second.empty()) parked_.erase(p);
  return true;
}

void ConnectionGate::stop() {
  if (stopping_.exchange(true)) return;
  if (wake_fd_ >= 0) {
    uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
  }
  if (poller_.joinable()) poller_.join();
  {
    std::lock_guard<std::mutex> lock(mu_);
    ready_cv_.notify_all();
  }
  for (auto& w : workers_)
    if (w.joinable()) w.join();
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<int> open;
  for (const auto& [fd, c] : conns_) open.push_back(fd);
  for (int fd : open) close_conn(fd);
  if (epfd_ >= 0) ::close(epfd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  epfd_ = wake_fd_ = -1;
}

GateStats ConnectionGate::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  GateStats s = stats_;
  s.open = conns_.size();
  s.waiting = conns_.size() - ready_.size();
  return s;
}

}  // namespace parley::http
