// GatedStream's writes: a response head announcing a body goes out with the
// body's first bytes in one send; other writes go out at once.
#include "http/gated_stream.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace parley::http {
namespace {

class GatedStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds_), 0); }
  void TearDown() override {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  GatedStream stream(std::chrono::milliseconds io_timeout = std::chrono::seconds(5)) {
    StreamLimits limits;
    limits.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    limits.max_read_bytes = 1 << 16;
    limits.io_timeout = io_timeout;
    return GatedStream(fds_[0], ends_, limits);
  }
  // What the client end can read now, without waiting.
  std::string readable_now() {
    std::string got;
    char buf[4096];
    pollfd p{fds_[1], POLLIN, 0};
    while (::poll(&p, 1, 0) > 0) {
      const ssize_t n = ::recv(fds_[1], buf, sizeof buf, MSG_DONTWAIT);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
    return got;
  }
  int fds_[2] = {-1, -1};
  Endpoints ends_{"10.0.0.7", 41000, "10.0.0.1", 8080};
};

const std::string kHead =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n";

TEST_F(GatedStreamTest, AHeadAnnouncingABodyWaitsForItAndBothArriveTogether) {
  auto s = stream();
  ASSERT_EQ(s.write(kHead.data(), kHead.size()), static_cast<ssize_t>(kHead.size()));
  EXPECT_EQ(readable_now(), "");
  ASSERT_EQ(s.write("{\"ok\":true}", 11), 11);
  EXPECT_EQ(readable_now(), kHead + "{\"ok\":true}");
  EXPECT_TRUE(s.flush());
  EXPECT_EQ(readable_now(), "");
}

TEST_F(GatedStreamTest, AHeadWhoseBodyNeverComesIsSentByFlush) {
  auto s = stream();  // a HEAD request's answer: the length, no body
  ASSERT_EQ(s.write(kHead.data(), kHead.size()), static_cast<ssize_t>(kHead.size()));
  EXPECT_TRUE(s.flush());
  EXPECT_EQ(readable_now(), kHead);
}

TEST_F(GatedStreamTest, AStreamedOrEmptyResponseGoesOutAtOnce) {
  const std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
  auto s = stream();
  ASSERT_EQ(s.write(chunked.data(), chunked.size()), static_cast<ssize_t>(chunked.size()));
  EXPECT_EQ(readable_now(), chunked);
  const std::string empty = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n";
  auto t = stream();
  ASSERT_EQ(t.write(empty.data(), empty.size()), static_cast<ssize_t>(empty.size()));
  EXPECT_EQ(readable_now(), empty);
}

TEST_F(GatedStreamTest, ABodyTheClientDoesNotTakeFailsTheResponseForGood) {
  // Nobody reads the client end: the send buffer fills and the wait for it
  // times out. cpp-httplib ignores a failed body write, so flush() must say
  // the response is broken, or the connection would be kept with half a
  // response in it.
  auto s = stream(std::chrono::milliseconds(100));
  const std::string body(8 << 20, 'x');
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  ASSERT_EQ(s.write(head.data(), head.size()), static_cast<ssize_t>(head.size()));
  EXPECT_EQ(s.write(body.data(), body.size()), -1);
  EXPECT_FALSE(s.flush());
  EXPECT_EQ(s.write("more", 4), -1);
}

TEST_F(GatedStreamTest, AContinueGoesOutAtOnceAndTheFinalHeadIsStillHeld) {
  auto s = stream();
  const std::string cont = "HTTP/1.1 100 Continue\r\n\r\n";
  ASSERT_EQ(s.write(cont.data(), cont.size()), static_cast<ssize_t>(cont.size()));
  EXPECT_EQ(readable_now(), cont);
  ASSERT_EQ(s.write(kHead.data(), kHead.size()), static_cast<ssize_t>(kHead.size()));
  EXPECT_EQ(readable_now(), "");
  ASSERT_EQ(s.write("{\"ok\":true}", 11), 11);
  EXPECT_EQ(readable_now(), kHead + "{\"ok\":true}");
  EXPECT_TRUE(s.flush());
}

TEST_F(GatedStreamTest, AddressesAreTheConnectionsLookedUpOnce) {
  auto s = stream();
  std::string ip;
  int port = 0;
  s.get_remote_ip_and_port(ip, port);
  EXPECT_EQ(ip, "10.0.0.7");
  EXPECT_EQ(port, 41000);
  s.get_local_ip_and_port(ip, port);
  EXPECT_EQ(ip, "10.0.0.1");
  EXPECT_EQ(port, 8080);
}

}  // namespace
}  // namespace parley::http
