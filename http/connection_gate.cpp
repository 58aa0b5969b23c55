#include "http/connection_gate.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "http/gated_stream.hpp"

namespace parley::http {

using Clock = std::chrono::steady_clock;

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
  const std::string address = peer_address(fd);
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
  conns_[fd] = Conn{address, Clock::now() + o_.head_timeout, 0, true};
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
  auto a = per_address_.find(it->second.address);
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
  std::lock_guard<std::mutex> lock(mu_);
  auto it = conns_.find(fd);
  if (it == conns_.end()) return;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return watch(fd);
  if (n <= 0) return close_conn(fd);  // the client went away
  const std::string_view head(peek_.data(), static_cast<size_t>(n));
  if (head.find("\r\n\r\n") != std::string_view::npos ||
      head.find("\n\n") != std::string_view::npos) {
    ready_.push_back(fd);
    ready_cv_.notify_one();
    return;
  }
  if (static_cast<size_t>(n) >= o_.max_head_bytes) {
    ++stats_.heads_too_large;
    static const char k431[] =
        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json\r\n"
        "Connection: close\r\nContent-Length: 86\r\n\r\n"
        "{\"error\":{\"code\":\"headers_too_large\",\"message\":\"the request head is over 64 "
        "KiB\"}}";
    (void)!::send(fd, k431, sizeof k431 - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    return close_conn(fd);
  }
  if (!it->second.head_started) {  // an idle keep-alive connection starts a request
    it->second.head_started = true;
    it->second.deadline = Clock::now() + o_.head_timeout;
  }
  watch(fd);
}

void ConnectionGate::sweep(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<int> late;
  for (const auto& [fd, c] : conns_)
    if (c.deadline <= now && c.deadline != Clock::time_point::max()) late.push_back(fd);
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
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (ready_.empty()) return;  // stopping, nothing left to serve
      fd = ready_.front();
      ready_.pop_front();
      auto it = conns_.find(fd);
      if (it == conns_.end()) continue;
      it->second.deadline = Clock::time_point::max();  // serving: the stream has its own
      served = it->second.served;
    }
    const bool keep = serve_(fd, served);
    std::lock_guard<std::mutex> lock(mu_);
    auto it = conns_.find(fd);
    if (it == conns_.end()) continue;
    if (!keep || stopping_) {
      close_conn(fd);
      continue;
    }
    ++it->second.served;
    it->second.head_started = false;
    it->second.deadline = Clock::now() + o_.idle_timeout;
    watch(fd);
  }
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
