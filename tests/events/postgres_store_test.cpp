// The EventStore contract on PostgreSQL (issue 23), each test on a fresh
// database of one throwaway server (tests/support/pg_cluster.hpp); and what a
// shared log adds: two nodes' stores on one database never share a position,
// a stale node gets a conflict, state is the database's, not the process's.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <future>
#include <memory>
#include <thread>

#include "events/pg_client.hpp"
#include "events/postgres_event_store.hpp"
#include "tests/events/store_contract.hpp"
#include "tests/support/events.hpp"
#include "tests/support/pg_cluster.hpp"

namespace parley::events {
namespace {

using testing::ev;
using testing::req;

std::unique_ptr<PostgresEventStore> open_store(const std::string& url) {
  PostgresEventStore::Options o;
  o.url = url;
  auto s = PostgresEventStore::open(o);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? std::move(s).value() : nullptr;
}

std::string fresh_database();

// A server's store on a fresh database: the only writer, holding the lock.
PostgresEventStore::Options server_options() {
  PostgresEventStore::Options o;
  o.url = fresh_database();
  o.exclusive = true;
  return o;
}

std::string fresh_database() {
  std::string error;
  auto* pg = ::parley::testing::PgCluster::shared(&error);
  EXPECT_NE(pg, nullptr) << error;
  return pg ? pg->fresh_database() : "";
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(StoreFactory{
                             "postgres",
                             [](const std::string&) -> std::unique_ptr<EventStore> {
                               return open_store(fresh_database());
                             }}),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(PostgresEventStore, TwoNodesOnOneDatabaseNeverShareAPositionAndEachStreamStaysGapFree) {
  const auto url = fresh_database();
  auto a = open_store(url);
  auto b = open_store(url);
  ASSERT_TRUE(a && b);
  constexpr int kPerNode = 150;
  auto node = [&](EventStore& store, const std::string& name) {
    for (int i = 0; i < kPerNode; ++i) {
      // Each node its own stream, and both the shared one (expecting what it
      // last saw: a conflict means the other node wrote in between).
      ASSERT_TRUE(store.append(req("c", name, static_cast<uint64_t>(i), {ev("own")})).status.ok());
      for (;;) {
        const auto head = store.stream_head({"c", "shared"});
        ASSERT_TRUE(head.ok());
        const auto r = store.append(req("c", "shared", *head, {ev(name)}));
        if (r.status.ok()) break;
        ASSERT_EQ(r.status.code(), StoreErrc::conflict) << r.status.to_string();
      }
    }
  };
  std::thread ta([&] { node(*a, "a"); });
  std::thread tb([&] { node(*b, "b"); });
  ta.join();
  tb.join();
  std::vector<EventEnvelope> log;
  ASSERT_TRUE(a->read_all(1, SIZE_MAX, &log).ok());
  ASSERT_EQ(log.size(), size_t{4 * kPerNode});
  for (size_t i = 0; i < log.size(); ++i) EXPECT_EQ(log[i].position, i + 1);
  std::vector<EventEnvelope> shared;
  ASSERT_TRUE(b->read_stream({"c", "shared"}, 1, SIZE_MAX, &shared).ok());
  ASSERT_EQ(shared.size(), size_t{2 * kPerNode});
  for (size_t i = 0; i < shared.size(); ++i) EXPECT_EQ(shared[i].seq, i + 1);
  EXPECT_EQ(a->last_position(), b->last_position());
}

TEST(PostgresEventStore, AStaleNodeGetsAConflictAndWritesNothing) {
  const auto url = fresh_database();
  auto a = open_store(url);
  auto b = open_store(url);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->append(req("conversation", "x", 0, {ev("one")})).status.ok());
  // b decided on an empty stream, as if it had not seen a's append.
  const auto stale = b->append(req("conversation", "x", 0, {ev("stale")}));
  EXPECT_EQ(stale.status.code(), StoreErrc::conflict);
  EXPECT_EQ(stale.stream_head, 1u);
  EXPECT_EQ(b->last_position(), 1u);
}

// A node that froze between an append's two round trips holds the log
// head's row lock, and every other node's appends wait for it. Its session
// is ended after `stalled_transaction` and the others go on; before, they
// waited for as long as it stayed frozen.
TEST(PostgresEventStore, ATransactionAFrozenNodeLeftOpenIsEndedAndTheOthersAppend) {
  using namespace std::chrono_literals;
  PostgresEventStore::Options o;
  o.url = fresh_database();
  o.shared = true;
  o.stalled_transaction = 300ms;
  auto other = PostgresEventStore::open(o);
  ASSERT_TRUE(other.ok()) << other.status().to_string();
  // The frozen node: a connection made as a node's appends' connection is,
  // stopped with the head locked.
  auto frozen = pg::Pool::open(o.url, 1, PostgresEventStore::appends_session(o));
  ASSERT_TRUE(frozen.ok()) << frozen.status().to_string();
  auto c = frozen.value()->get();
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  ASSERT_TRUE(c.value()->exec("BEGIN").ok());
  ASSERT_TRUE(c.value()->exec("SELECT position FROM parley_log_head FOR UPDATE").ok());

  auto append = std::async(std::launch::async, [&] {
    return other.value()->append(req("conversation", "x", 0, {ev("one")}));
  });
  const bool in_time = append.wait_for(5s) == std::future_status::ready;
  EXPECT_TRUE(in_time) << "the other node's append waited for the frozen one";
  if (!in_time) c.value()->exec("ROLLBACK");  // let it finish
  EXPECT_TRUE(append.get().status.ok());
  EXPECT_FALSE(c.value()->exec("SELECT 1").ok());  // the frozen node's session was ended
}

TEST(PostgresEventStore, StateIsTheDatabasesAcrossAReopen) {
  const auto url = fresh_database();
  {
    auto s = open_store(url);
    ASSERT_TRUE(s);
    auto r = req("c", "a", 0, {ev("a1"), ev("a2")});
    r.dedupe = DedupeClaim{"key", "first"};
    ASSERT_TRUE(s->append(r).status.ok());
    ASSERT_TRUE(s->save_snapshot({"c", "a"}, {2, 1, "st"}).ok());
    ASSERT_TRUE(s->put_key("owner/x", "secret").ok());
  }
  auto s = open_store(url);  // the schema is there already: opened, not created again
  ASSERT_TRUE(s);
  EXPECT_EQ(s->last_position(), 2u);
  EXPECT_EQ(*s->stream_head({"c", "a"}), 2u);
  EXPECT_EQ(*s->find_dedupe("key"), "first");
  EXPECT_EQ(s->load_snapshot({"c", "a"})->state, "st");
  EXPECT_EQ(*s->get_key("owner/x"), "secret");
  ASSERT_TRUE(s->erase_keys({"owner/x"}).ok());
  EXPECT_TRUE(s->get_key("owner/x").status().is_not_found());
  EXPECT_EQ(s->append(req("c", "a", 2, {ev("a3")})).first_position, 3u);
}

// Two nodes making the same new customer's key at once (privacy/customer_keys):
// the first name stored wins on both, so a later forget finds the only key.
TEST(PostgresEventStore, TwoNodesPuttingTheSameNameIfAbsentAgreeOnTheFirst) {
  const auto url = fresh_database();
  auto a = open_store(url);
  auto b = open_store(url);
  ASSERT_TRUE(a && b);
  std::vector<std::string> seen_a, seen_b;
  std::thread ta([&] {
    for (int i = 0; i < 50; ++i)
      seen_a.push_back(*a->put_key_if_absent("owner/" + std::to_string(i), "from-a"));
  });
  std::thread tb([&] {
    for (int i = 0; i < 50; ++i)
      seen_b.push_back(*b->put_key_if_absent("owner/" + std::to_string(i), "from-b"));
  });
  ta.join();
  tb.join();
  EXPECT_EQ(seen_a, seen_b);  // whoever came first, both hold the same value
  for (int i = 0; i < 50; ++i)
    EXPECT_EQ(*a->get_key("owner/" + std::to_string(i)), seen_a[static_cast<size_t>(i)]);
  EXPECT_EQ(*a->put_key_if_absent("owner/0", "later"), seen_a[0]);  // never replaced
}

TEST(PostgresEventStore, ANewerSchemaThanTheBuildKnowsIsRefused) {
  const auto url = fresh_database();
  ASSERT_TRUE(open_store(url));
  PGconn* c = PQconnectdb(url.c_str());  // as a newer build would leave it
  PGresult* r = PQexec(c, "INSERT INTO parley_schema VALUES (99)");
  ASSERT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  PostgresEventStore::Options o;
  o.url = url;
  auto s = PostgresEventStore::open(o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().to_string().find("version 99"), std::string::npos) << s.status().to_string();
}

TEST(PostgresEventStore, AnExclusiveStoreKeepsASecondServerOffUntilItCloses) {
  auto o = server_options();
  auto first = PostgresEventStore::open(o);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  auto second = PostgresEventStore::open(o);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().to_string().find("another Parley server"), std::string::npos);
  o.exclusive = false;  // a reader (the command-line tools) is not kept off
  auto reader = PostgresEventStore::open(o);
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE((*reader)->append(req("c", "a", 0, {ev("one"), ev("two")})).status.ok());
  first = Status::NotFound();  // closed: its lock goes with its session
  o.exclusive = true;
  auto next = PostgresEventStore::open(o);
  ASSERT_TRUE(next.ok());
  // The only writer now: it knows the log's end without asking, from its
  // open and from its own appends.
  EXPECT_EQ((*next)->last_position(), 2u);
  ASSERT_TRUE((*next)->append(req("c", "a", 2, {ev("three")})).status.ok());
  EXPECT_EQ((*next)->last_position(), 3u);
}

TEST(PostgresEventStore, ABatchNamingMoreStreamsThanOneStatementTakesLands) {
  auto s = open_store(fresh_database());
  ASSERT_TRUE(s);
  // 2 parameters a stream in the heads lookup: 33,000 streams are over
  // PostgreSQL's 65,535 parameters for one statement.
  std::vector<AppendRequest> batch;
  for (int i = 0; i < 33000; ++i) batch.push_back(req("c", "s" + std::to_string(i), 0, {ev("e")}));
  const auto results = s->append_batch(batch);
  ASSERT_EQ(results.size(), batch.size());
  for (const auto& r : results) ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  EXPECT_EQ(s->last_position(), 33000u);
}

TEST(PostgresEventStore, AServerWhoseLockWasLostCannotAppendOnceAnotherHoldsIt) {
  auto o = server_options();
  auto first = PostgresEventStore::open(o);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  ASSERT_TRUE((*first)->append(req("c", "a", 0, {ev("one")})).status.ok());
  // Its session ends behind its back (a restart of PostgreSQL, a dropped
  // connection, an administrator), and a second server starts meanwhile.
  PGconn* admin = PQconnectdb(o.url.c_str());
  PQclear(
      PQexec(admin, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"));
  PQfinish(admin);
  auto second = PostgresEventStore::open(o);
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  // Its next append finds the connection gone; the one after connects again
  // and finds the lock taken.
  EXPECT_FALSE((*first)->append(req("c", "a", 1, {ev("two")})).status.ok());
  const auto r = (*first)->append(req("c", "a", 1, {ev("two")}));
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.to_string().find("another Parley server"), std::string::npos)
      << r.status.to_string();
  EXPECT_TRUE((*second)->append(req("c", "a", 1, {ev("two")})).status.ok());
}

TEST(PostgresEventStore, AServerLearnsTheLogsEndFromAnyBatchEvenADuplicate) {
  auto o = server_options();
  auto server = PostgresEventStore::open(o);
  ASSERT_TRUE(server.ok());
  // Events it did not write itself (a commit whose answer it lost looks the
  // same): a claim lands with them.
  auto other = open_store(o.url);
  auto claim = req("c", "a", 0, {ev("one"), ev("two")});
  claim.dedupe = DedupeClaim{"msg:1", "done"};
  ASSERT_TRUE(other->append(claim).status.ok());
  // The redelivery is a duplicate and writes nothing; the server still
  // learns where the log ends, or its views would wait for it.
  EXPECT_EQ((*server)->append(claim).status.code(), StoreErrc::duplicate);
  EXPECT_EQ((*server)->last_position(), 2u);
}

TEST(PostgresEventStore, AnUnreachableServerIsAClearError) {
  PostgresEventStore::Options o;
  o.url = "host=/nonexistent-dir port=1 user=postgres dbname=none connect_timeout=2";
  auto s = PostgresEventStore::open(o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().to_string().find("cannot connect to PostgreSQL"), std::string::npos);
}

}  // namespace
}  // namespace parley::events
