// One request's reads and writes on a connection, for cpp-httplib's
// process_request: reads stop at the request's deadline and byte budget, so a
// body sent a byte at a time, or an endless chunked one, ends there (the
// connection is then closed) instead of holding a thread or memory.
#pragma once

#include <httplib.h>

#include <chrono>

namespace parley::http {

struct StreamLimits {
  std::chrono::steady_clock::time_point deadline;  // the whole request must be read by then
  size_t max_read_bytes = 0;                       // head and body together
  std::chrono::milliseconds io_timeout{5000};      // one wait for the socket
};

class GatedStream final : public httplib::Stream {
 public:
  GatedStream(int fd, StreamLimits limits) : fd_(fd), limits_(limits) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return fd_; }

  // Why reading stopped early ("" if it did not): "deadline" or "too_large".
  const char* cut_off() const { return cut_off_; }

 private:
  bool wait(short events) const;
  int fd_;
  StreamLimits limits_;
  size_t read_ = 0;
  const char* cut_off_ = "";
};

// "1.2.3.4" or "::1" of a socket's peer ("" when it has none).
std::string peer_address(int fd);

}  // namespace parley::http
