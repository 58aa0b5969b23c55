// A fake SMTP server on loopback that speaks enough of RFC 5321 for
// libcurl (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps every
// message it accepts. `reject_next(n)` answers the next n DATA with 451
// (a temporary failure) so retries can be seen.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing {

struct SmtpMessage {
  std::string from;
  std::vector<std::string> to;
  std::string data;  // the message as sent, without the final "."
};

class FakeSmtp {
 public:
  FakeSmtp() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(fd_, 16);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtp() {
    stopping_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  FakeSmtp(const FakeSmtp&) = delete;
  FakeSmtp& operator=(const FakeSmtp&) = delete;

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  void reject_next(int n) { reject_ = n; }
  int rejected() const { return rejected_; }
  std::vector<SmtpMessage> messages() const {
    std::lock_guard<std::mutex> lock(mu_);
    return messages_;
  }
  bool wait_for_messages(size_t n,
                         std::chrono::milliseconds timeout = std::chrono::seconds(15)) const {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      if (messages().size() >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return messages().size() >= n;
  }

 private:
  void serve() {
    while (!stopping_) {
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      session(c);
      close(c);
    }
  }
  static void put(int c, const std::string& s) {
    size_t at = 0;
    while (at < s.size()) {
      const ssize_t n = write(c, s.data() + at, s.size() - at);
      if (n <= 0) return;
      at += static_cast<size_t>(n);
    }
  }
  // One line without its CRLF; false when the peer is gone.
  static bool line(int c, std::string* buffer, std::string* out) {
    for (;;) {
      const auto eol = buffer->find("\r\n");
      if (eol != std::string::npos) {
        *out = buffer->substr(0, eol);
        buffer->erase(0, eol + 2);
        return true;
      }
      char chunk[4096];
      const ssize_t n = read(c, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer->append(chunk, static_cast<size_t>(n));
    }
  }
  void session(int c) {
    std::string buffer, l;
    SmtpMessage m;
    put(c, "220 fake.smtp ESMTP ready\r\n");
    while (line(c, &buffer, &l)) {
      const std::string verb = l.substr(0, 4);
      if (verb == "EHLO") {
        put(c, "250-fake.smtp\r\n250 8BITMIME\r\n");
      } else if (verb == "HELO" || verb == "NOOP") {
        put(c, "250 ok\r\n");
      } else if (verb == "MAIL") {
        m = SmtpMessage{};
        m.from = between(l, '<', '>');
        put(c, "250 ok\r\n");
      } else if (verb == "RCPT") {
        m.to.push_back(between(l, '<', '>'));
        put(c, "250 ok\r\n");
      } else if (verb == "DATA") {
        put(c, "354 go ahead\r\n");
        std::string data;
        while (line(c, &buffer, &l) && l != ".")
          data += (l.rfind("..", 0) == 0 ? l.substr(1) : l) + "\r\n";
        if (reject_ > 0) {
          --reject_;
          ++rejected_;
          put(c, "451 4.3.0 try again later\r\n");
          continue;
        }
        m.data = std::move(data);
        {
          std::lock_guard<std::mutex> lock(mu_);
          messages_.push_back(m);
        }
        put(c, "250 2.0.0 queued\r\n");
      } else if (verb == "RSET") {
        m = SmtpMessage{};
        put(c, "250 ok\r\n");
      } else if (verb == "QUIT") {
        put(c, "221 bye\r\n");
        return;
      } else {
        put(c, "502 not implemented\r\n");
      }
    }
  }
  static std::string between(const std::string& s, char a, char b) {
    const auto i = s.find(a), j = s.find(b);
    return i == std::string::npos || j == std::string::npos || j < i ? ""
                                                                     : s.substr(i + 1, j - i - 1);
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> reject_{0}, rejected_{0};
  mutable std::mutex mu_;
  std::vector<SmtpMessage> messages_;
  std::thread thread_;
};

}  // namespace parley::testing
