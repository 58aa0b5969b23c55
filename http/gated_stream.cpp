#include "http/gated_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

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

// A whole response head with a fixed-length body after it.
bool announces_body(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.compare(0, 5, "HTTP/") != 0 ||
      bytes.substr(bytes.size() - 4) != "\r\n\r\n")
    return false;
  const auto at = bytes.find("\r\nContent-Length: ");
  if (at == std::string_view::npos) return false;
  const char first = bytes[at + 18];
  return first >= '1' && first <= '9';
}

}  // namespace

Endpoints endpoints_of(int fd) {
  Endpoints ends;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ip_and_port(addr, ends.remote_ip, ends.remote_port);
  addr = {};
  len = sizeof addr;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    ip_and_port(addr, ends.local_ip, ends.local_port);
  return ends;
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

GatedStream::GatedStream(int fd, const Endpoints& ends, StreamLimits limits, std::string unread)
    : fd_(fd), ends_(ends), limits_(limits) {
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

bool GatedStream::send_all(const char* a, size_t a_size, const char* b, size_t b_size) {
  iovec parts[2] = {{const_cast<char*>(a), a_size}, {const_cast<char*>(b), b_size}};
  msghdr msg{};
  msg.msg_iov = parts;
  msg.msg_iovlen = b_size > 0 ? 2 : 1;
  while (msg.msg_iovlen > 0) {
    const ssize_t n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR) continue;
      if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait(POLLOUT)) continue;
      return false;
    }
    auto left = static_cast<size_t>(n);
    while (msg.msg_iovlen > 0 && left >= msg.msg_iov->iov_len) {
      left -= msg.msg_iov->iov_len;
      ++msg.msg_iov;
      --msg.msg_iovlen;
    }
    if (msg.msg_iovlen > 0) {
      msg.msg_iov->iov_base = static_cast<char*>(msg.msg_iov->iov_base) + left;
      msg.msg_iov->iov_len -= left;
    }
  }
  return true;
}

bool GatedStream::flush() {
  if (!held_.empty()) {
    if (!send_all(held_.data(), held_.size(), nullptr, 0)) failed_ = true;
    held_.clear();
    sent_ = true;
  }
  return !failed_;
}

// Every write goes out whole or fails for good: cpp-httplib ignores a short
// or failed write of a body, so a connection kept after one would carry the
// rest of a truncated response into the next (flush() then says false and
// the connection is closed). A 1xx interim head ("100 Continue") does not
// count as the response's start: the final head is still held.
ssize_t GatedStream::write(const char* ptr, size_t size) {
  const std::string_view bytes(ptr, size);
  if (failed_) return -1;
  if (!sent_ && held_.empty() && announces_body(bytes)) {
    held_.assign(ptr, size);
    return static_cast<ssize_t>(size);
  }
  bool ok;
  if (!held_.empty()) {
    ok = send_all(held_.data(), held_.size(), ptr, size);
    held_.clear();
  } else {
    ok = send_all(ptr, size, nullptr, 0);
  }
  if (bytes.compare(0, 10, "HTTP/1.1 1") != 0) sent_ = true;
  if (!ok) {
    failed_ = true;
    return -1;
  }
  return static_cast<ssize_t>(size);
}

void GatedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = ends_.remote_ip;
  port = ends_.remote_port;
}

void GatedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = ends_.local_ip;
  port = ends_.local_port;
}

}  // namespace parley::http
