// One request's reads and writes on a connection, for cpp-httplib's
// process_request: reads stop at the request's deadline and byte budget, so a
// body sent a byte at a time, or an endless chunked one, ends there (the
// connection is then closed) instead of holding a thread or memory.
//
// Reads go through a 4 KiB buffer: cpp-httplib reads a request head one byte
// at a time, and unbuffered that was a poll and a recv per byte (~200 system
// calls a request; 14 % of the edge's CPU under the load mix, issue 22).
// Bytes read past the request's end (a pipelined next request) are handed
// back with keep_unread, for the connection's next request.
//
// A response head announcing a body waits for the body's first write, so both
// go in one send (cpp-httplib writes them apart: two segments, and two wakeups
// of the client, a request); flush() sends what still waits. The connection's
// addresses are looked up once (endpoints_of), not per request: cpp-httplib
// asks for both on every request, two system calls each time.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

namespace parley::http {

// Both ends of a connection.
struct Endpoints {
  std::string remote_ip;  // "1.2.3.4" or "::1" ("" when unknown)
  int remote_port = 0;
  std::string local_ip;
  int local_port = 0;
};
Endpoints endpoints_of(int fd);

struct StreamLimits {
  std::chrono::steady_clock::time_point deadline;  // the whole request must be read by then
  size_t max_read_bytes = 0;                       // head and body together
  std::chrono::milliseconds io_timeout{5000};      // one wait for the socket
};

class GatedStream final : public httplib::Stream {
 public:
  // `unread`: bytes a previous request read ahead on this connection.
  GatedStream(int fd, const Endpoints& ends, StreamLimits limits, std::string unread = {});

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return fd_; }
  // Sends a response head still waiting for its body; false if it could
  // not, or if any write of this response failed (close the connection).
  bool flush();

  // Why reading stopped early ("" if it did not): "deadline" or "too_large".
  const char* cut_off() const { return cut_off_; }
  // The bytes received but not read by this request (the next one's start).
  std::string keep_unread() const { return std::string(buf_ + pos_, end_ - pos_); }

 private:
  bool wait(short events) const;
  bool fill();  // false: nothing came (closed, error, deadline)
  bool send_all(const char* a, size_t a_size, const char* b, size_t b_size);
  int fd_;
  const Endpoints& ends_;
  std::string held_;  // a response head waiting for its body
  bool sent_ = false;
  bool failed_ = false;  // a write did not go out whole
  StreamLimits limits_;
  size_t read_ = 0;
  const char* cut_off_ = "";
  char buf_[4096];
  size_t pos_ = 0;
  size_t end_ = 0;
};

}  // namespace parley::http
