#include "http/gated_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace parley::http {
namespace {

void ip_and_port(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

}  // namespace

std::string peer_address(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return "";
  std::string ip;
  int port = 0;
  ip_and_port(addr, ip, port);
  return ip;
}

bool GatedStream::wait(short events) const {
  const auto now = std::chrono::steady_clock::now();
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(limits_.deadline - now);
  if (events == POLLIN && left.count() <= 0) return false;
  const auto timeout = events == POLLIN ? std::min(left, limits_.io_timeout) : limits_.io_timeout;
  pollfd p{fd_, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, static_cast<int>(timeout.count()));
  } while (r < 0 && errno == EINTR);
  return r > 0 && (p.revents & (events | POLLHUP | POLLERR));
}

GatedStream::GatedStream(int fd, StreamLimits limits, std::string unread)
    : fd_(fd), limits_(limits) {
  end_ = std::min(unread.size(), sizeof buf_);
  std::copy_n(unread.data(), end_, buf_);
}

bool GatedStream::is_readable() const {
  return pos_ < end_ || wait(POLLIN);
}

bool GatedStream::is_writable() const {
  return wait(POLLOUT);
}

// What is waiting is taken at once; poll only when nothing is (one recv per
// request on a keep-alive connection instead of a poll and a recv).
bool GatedStream::fill() {
  if (std::chrono::steady_clock::now() >= limits_.deadline) {
    cut_off_ = "deadline";
    return false;
  }
  ssize_t n;
  do {
    n = ::recv(fd_, buf_, sizeof buf_, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
    if (!wait(POLLIN)) {
      if (std::chrono::steady_clock::now() >= limits_.deadline) cut_off_ = "deadline";
      return false;
    }
    do {
      n = ::recv(fd_, buf_, sizeof buf_, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
  }
  if (n <= 0) return false;
  pos_ = 0;
  end_ = static_cast<size_t>(n);
  return true;
}

ssize_t GatedStream::read(char* ptr, size_t size) {
  if (read_ >= limits_.max_read_bytes) {
    cut_off_ = "too_large";
    return -1;
  }
  if (pos_ == end_ && !fill()) return -1;
  size = std::min({size, end_ - pos_, limits_.max_read_bytes - read_});
  std::copy_n(buf_ + pos_, size, ptr);
  pos_ += size;
  read_ += size;
  return static_cast<ssize_t>(size);
}

ssize_t GatedStream::write(const char* ptr, size_t size) {
  ssize_t n;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) return n;
  if (!wait(POLLOUT)) return -1;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void GatedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, ip, port);
}

void GatedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, ip, port);
}

}  // namespace parley::http
