// The cluster's once-only work (cluster/duty.hpp): one node holds it; when
// that node stops the next takes it; a node whose session the database ended
// is told it lost the duty.
#include "cluster/duty.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <thread>

#include "tests/support/pg_cluster.hpp"

namespace parley::cluster {
namespace {

using namespace std::chrono_literals;

std::string fresh_database() {
  std::string error;
  auto* pg = ::parley::testing::PgCluster::shared(&error);
  EXPECT_NE(pg, nullptr) << error;
  return pg ? pg->fresh_database() : "";
}

template <class Pred>
bool eventually(Pred p, std::chrono::milliseconds limit = 5s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (p()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return p();
}

struct Node {
  explicit Node(const std::string& url)
      : duty(
            url, 50ms, [this] { ++acquired; }, [this] { ++lost; }) {}
  std::atomic<int> acquired{0}, lost{0};
  Duty duty;
};

TEST(Duty, OneNodeHoldsItAndTheNextTakesItWhenThatOneStops) {
  const auto url = fresh_database();
  Node a(url), b(url);
  a.duty.start();
  ASSERT_TRUE(eventually([&] { return a.duty.held(); }));
  b.duty.start();
  std::this_thread::sleep_for(300ms);  // six tries
  EXPECT_FALSE(b.duty.held());
  EXPECT_EQ(b.acquired.load(), 0);
  a.duty.stop();
  ASSERT_TRUE(eventually([&] { return b.duty.held(); }));
  EXPECT_EQ(a.acquired.load(), 1);
  EXPECT_EQ(b.acquired.load(), 1);
  EXPECT_EQ(a.lost.load() + b.lost.load(), 0);
}

TEST(Duty, HeldIsTrueOnlyOnceTheDutiesWereStarted) {
  // CI once saw held() before `acquired` had run (the flag was set first).
  const auto url = fresh_database();
  std::atomic<int> started{0};
  Duty duty(
      url, 10ms,
      [&] {
        std::this_thread::sleep_for(200ms);  // starting the duties takes a while
        ++started;
      },
      [] {});
  duty.start();
  ASSERT_TRUE(eventually([&] { return duty.held(); }));
  EXPECT_EQ(started.load(), 1);
}

TEST(Duty, ANodeWhoseSessionEndedIsToldItLostTheDutyAndAnotherTakesIt) {
  const auto url = fresh_database();
  Node a(url), b(url);
  a.duty.start();
  ASSERT_TRUE(eventually([&] { return a.duty.held(); }));
  b.duty.start();
  // The database ends a's session (as when its network was cut long enough).
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c,
                       "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = "
                       "'advisory' AND classid = 23 AND objid = 25 AND granted");
  EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  ASSERT_TRUE(eventually([&] { return a.lost.load() == 1; }));
  EXPECT_FALSE(a.duty.held());
  ASSERT_TRUE(eventually([&] { return b.duty.held(); }));
}

}  // namespace
}  // namespace parley::cluster
