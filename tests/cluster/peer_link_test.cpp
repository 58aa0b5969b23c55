// Two nodes' links on loopback (issue 23): a request reaches the peer's
// gateway and its answer comes back over CAF's middleman; a peer that is not
// there is unreachable (nothing was sent), one whose queue is full is busy.
#include "cluster/peer_link.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace parley::cluster {
namespace {

using namespace std::chrono_literals;

// A socket listening on a free loopback port that never accepts; -1 if none.
int loopback_listener(int backlog, sockaddr_in* addr) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr->sin_port = 0;
  socklen_t len = sizeof *addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(addr), len) != 0 || listen(fd, backlog) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(addr), &len) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

TEST(PeerLink, ARequestIsServedByThePeerAndItsAnswerComesBack) {
  PeerLink server([](const std::string& r, std::chrono::milliseconds) { return "served:" + r; }, 2,
                  8);
  std::string error;
  const auto port = server.listen("127.0.0.1", 0, &error);
  ASSERT_NE(port, 0) << error;
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  const auto answer = client.call("127.0.0.1:" + std::to_string(port), "hello", 5s);
  ASSERT_EQ(answer.kind, PeerAnswer::Kind::answered) << answer.why;
  EXPECT_EQ(answer.bytes, "served:hello");
  // A name is tried at every address it gives ("localhost" may give ::1
  // first, where nothing listens).
  EXPECT_EQ(client.call("localhost:" + std::to_string(port), "by name", 5s).bytes,
            "served:by name");
  // Bytes of any value travel unchanged.
  const std::string binary("\0\xff\n{", 4);
  EXPECT_EQ(client.call("127.0.0.1:" + std::to_string(port), binary, 5s).bytes, "served:" + binary);
}

TEST(PeerLink, APeerThatIsNotThereIsUnreachableAndOneThatLeftToo) {
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  uint16_t port = 0;
  {
    PeerLink server([](const std::string& r, std::chrono::milliseconds) { return r; }, 1, 4);
    std::string error;
    port = server.listen("127.0.0.1", 0, &error);
    ASSERT_NE(port, 0) << error;
    ASSERT_EQ(client.call("127.0.0.1:" + std::to_string(port), "x", 5s).kind,
              PeerAnswer::Kind::answered);
  }  // the peer stops: its connection closes
  // The client may not have heard of the close yet: then the request is sent
  // on the dead connection and is lost. Either way the next call connects
  // again, is refused, and says so at once.
  const auto first = client.call("127.0.0.1:" + std::to_string(port), "x", 1s);
  EXPECT_TRUE(first.kind == PeerAnswer::Kind::unreachable || first.kind == PeerAnswer::Kind::lost)
      << first.why;
  const auto started = std::chrono::steady_clock::now();
  const auto answer = client.call("127.0.0.1:" + std::to_string(port), "x", 5s);
  EXPECT_EQ(answer.kind, PeerAnswer::Kind::unreachable) << answer.why;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);  // not the whole timeout
  EXPECT_EQ(client.call("nonsense", "x", 1s).kind, PeerAnswer::Kind::unreachable);
}

// A machine that is gone does not refuse: its connection is given up after
// a second, not when the kernel gives up (minutes). Here a listener whose
// accept queue is full drops the handshake, as a silent machine would.
TEST(PeerLink, APeerThatNeverAnswersTheHandshakeIsUnreachableWithinASecond) {
  sockaddr_in addr{};
  const int listener = loopback_listener(0, &addr);
  ASSERT_GE(listener, 0);
  std::vector<int> fillers;  // never accepted: the queue stays full
  for (int i = 0; i < 4; ++i) {
    fillers.push_back(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    connect(fillers.back(), reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  }
  std::this_thread::sleep_for(100ms);
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  const auto started = std::chrono::steady_clock::now();
  const auto answer = client.call("127.0.0.1:" + std::to_string(ntohs(addr.sin_port)), "x", 10s);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(answer.kind, PeerAnswer::Kind::unreachable) << answer.why;
  EXPECT_GE(took, 900ms);  // it did wait for the handshake
  EXPECT_LT(took, 3s);
  for (int fd : fillers) close(fd);
  close(listener);
}

// A node that hangs (stopped, swapping) still completes TCP handshakes: its
// kernel does; CAF's own handshake then never comes. The middleman gives up
// on it at its next heartbeat tick (1 s; with a 3 s interval the calls took
// 3 s), so a caller holds its HTTP thread for a second, not for ever.
TEST(PeerLink, APeerThatAcceptsButNeverSpeaksIsUnreachableWithinASecond) {
  sockaddr_in addr{};
  const int listener = loopback_listener(16, &addr);  // room in the queue: the kernel accepts
  ASSERT_GE(listener, 0);
  const auto peer = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  for (int i = 0; i < 2; ++i) {  // the second call, too, is not stuck behind the first
    const auto started = std::chrono::steady_clock::now();
    const auto answer = client.call(peer, "x", 10s);
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(answer.kind, PeerAnswer::Kind::unreachable) << answer.why;
    EXPECT_LT(took, 3s);
  }
  close(listener);
}

// A woken node (it was frozen) does not serve what its callers gave up on;
// a hostile or broken sender's times cannot overflow the deadline.
TEST(PeerLink, TimeInTransitBeyondTheClocksSlackIsCountedAsSpent) {
  const int64_t now = 1'800'000'000'000;  // ms since 1970, in 2027
  EXPECT_EQ(time_left_on_arrival(2700, now - 5, now), 2700);
  EXPECT_EQ(time_left_on_arrival(2700, now - 2000, now), 2700);  // within the slack
  EXPECT_EQ(time_left_on_arrival(2700, now - 3000, now), 1700);
  EXPECT_EQ(time_left_on_arrival(2700, now - 60'000, now), 0);    // woke a minute later
  EXPECT_EQ(time_left_on_arrival(2700, now + 9'000, now), 2700);  // the sender's clock is ahead
  EXPECT_EQ(time_left_on_arrival(2700, 0, now), 2700);            // unknown
  for (int64_t sent : {INT64_MIN, int64_t{-1}, INT64_MAX})
    EXPECT_EQ(time_left_on_arrival(2700, sent, now), 2700) << sent;
  EXPECT_EQ(time_left_on_arrival(INT64_MAX, now, now), 3'600'000);
  EXPECT_EQ(time_left_on_arrival(INT64_MIN, now, now), 0);
  EXPECT_EQ(time_left_on_arrival(INT64_MAX, 1, INT64_MAX), 0);
}

// A request that waited in the queue hears how much of its caller's time is
// left, so the peer can decline what its caller no longer waits for.
TEST(PeerLink, TheServedRequestHearsTheTimeItsCallerHasLeft) {
  std::atomic<int64_t> heard{-1};
  PeerLink server(
      [&](const std::string& r, std::chrono::milliseconds left) {
        heard = left.count();
        return r;
      },
      1, 4);
  std::string error;
  const auto port = server.listen("127.0.0.1", 0, &error);
  ASSERT_NE(port, 0) << error;
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  ASSERT_EQ(client.call("127.0.0.1:" + std::to_string(port), "x", 3s).kind,
            PeerAnswer::Kind::answered);
  // Nine tenths of the caller's 3 s: the peer's answer, a timeout too, is back in time.
  EXPECT_GT(heard.load(), 2000);
  EXPECT_LE(heard.load(), 2700);
}

TEST(PeerLink, APeerWithAFullQueueAnswersBusyAtOnce) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> started{0};
  PeerLink server(
      [&](const std::string& r, std::chrono::milliseconds) {
        ++started;
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return release; });
        return r;
      },
      1, 1);
  std::string error;
  const auto port = server.listen("127.0.0.1", 0, &error);
  ASSERT_NE(port, 0) << error;
  const auto peer = "127.0.0.1:" + std::to_string(port);
  PeerLink client([](const std::string&, std::chrono::milliseconds) { return std::string(); }, 1,
                  1);
  // One is being served, one waits in the queue: the third is refused.
  std::thread first([&] { EXPECT_EQ(client.call(peer, "1", 10s).bytes, "1"); });
  while (started.load() == 0) std::this_thread::sleep_for(1ms);
  std::thread second([&] { EXPECT_EQ(client.call(peer, "2", 10s).bytes, "2"); });
  while (server.queued() == 0) std::this_thread::sleep_for(1ms);
  const auto third = client.call(peer, "3", 10s);
  EXPECT_EQ(third.kind, PeerAnswer::Kind::busy) << third.why;
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  first.join();
  second.join();
}

}  // namespace
}  // namespace parley::cluster
