// Two nodes' links on loopback (issue 23): a request reaches the peer's
// gateway and its answer comes back over CAF's middleman; a peer that is not
// there is unreachable (nothing was sent), one whose queue is full is busy.
#include "cluster/peer_link.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace parley::cluster {
namespace {

using namespace std::chrono_literals;

TEST(PeerLink, ARequestIsServedByThePeerAndItsAnswerComesBack) {
  PeerLink server([](const std::string& r) { return "served:" + r; }, 2, 8);
  std::string error;
  const auto port = server.listen("127.0.0.1", 0, &error);
  ASSERT_NE(port, 0) << error;
  PeerLink client([](const std::string&) { return std::string(); }, 1, 1);
  const auto answer = client.call("127.0.0.1:" + std::to_string(port), "hello", 5s);
  ASSERT_EQ(answer.kind, PeerAnswer::Kind::answered) << answer.why;
  EXPECT_EQ(answer.bytes, "served:hello");
  // Bytes of any value travel unchanged.
  const std::string binary("\0\xff\n{", 4);
  EXPECT_EQ(client.call("127.0.0.1:" + std::to_string(port), binary, 5s).bytes, "served:" + binary);
}

TEST(PeerLink, APeerThatIsNotThereIsUnreachableAndOneThatLeftToo) {
  PeerLink client([](const std::string&) { return std::string(); }, 1, 1);
  uint16_t port = 0;
  {
    PeerLink server([](const std::string& r) { return r; }, 1, 4);
    std::string error;
    port = server.listen("127.0.0.1", 0, &error);
    ASSERT_NE(port, 0) << error;
    ASSERT_EQ(client.call("127.0.0.1:" + std::to_string(port), "x", 5s).kind,
              PeerAnswer::Kind::answered);
  }  // the peer stops: its connection closes
  const auto started = std::chrono::steady_clock::now();
  const auto answer = client.call("127.0.0.1:" + std::to_string(port), "x", 5s);
  EXPECT_EQ(answer.kind, PeerAnswer::Kind::unreachable) << answer.why;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);  // not the whole timeout
  EXPECT_EQ(client.call("nonsense", "x", 1s).kind, PeerAnswer::Kind::unreachable);
}

TEST(PeerLink, APeerWithAFullQueueAnswersBusyAtOnce) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> started{0};
  PeerLink server(
      [&](const std::string& r) {
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
  PeerLink client([](const std::string&) { return std::string(); }, 1, 1);
  // One is being served, one waits in the queue: the third is refused.
  std::thread first([&] { EXPECT_EQ(client.call(peer, "1", 10s).bytes, "1"); });
  while (started.load() == 0) std::this_thread::sleep_for(1ms);
  std::thread second([&] { EXPECT_EQ(client.call(peer, "2", 10s).bytes, "2"); });
  std::this_thread::sleep_for(300ms);  // the second reaches the queue (loopback: well under 1 ms)
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
