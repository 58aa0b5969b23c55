// The cluster's members in PostgreSQL (cluster/membership.hpp): a node is
// live while its lease runs, drops out when it stops renewing, leaves at once
// on a clean stop; a database of schema 1 gains the table at open.
#include "cluster/membership.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <thread>

#include "cluster/ring.hpp"
#include "events/postgres_event_store.hpp"
#include "tests/support/pg_cluster.hpp"

namespace parley::cluster {
namespace {

using namespace std::chrono_literals;

std::string database_with_schema() {
  std::string error;
  auto* pg = ::parley::testing::PgCluster::shared(&error);
  EXPECT_NE(pg, nullptr) << error;
  if (!pg) return "";
  const auto url = pg->fresh_database();
  events::PostgresEventStore::Options o;
  o.url = url;
  EXPECT_TRUE(events::PostgresEventStore::open(o).ok());
  return url;
}

// The live members' ids, sorted.
std::vector<std::string> live_ids(Membership& members) {
  std::vector<std::string> ids;
  auto all = members.members();
  EXPECT_TRUE(all.ok()) << all.status().to_string();
  if (all.ok())
    for (const auto& m : *all)
      if (m.live) ids.push_back(m.node_id);
  return ids;
}

void sql(const std::string& url, const char* statement) {
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c, statement);
  EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
}

TEST(Membership, ANodeIsLiveWhileItRenewsAndDropsOutWhenItStops) {
  auto m = Membership::open(database_with_schema());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  auto& members = **m;
  ASSERT_TRUE(members.renew("node-a", "http://10.0.0.1:8080", "10.0.0.1:4300", 600ms, 10).ok());
  ASSERT_TRUE(members.renew("node-b", "http://10.0.0.2:8080", "10.0.0.2:4300", 5000ms, 12).ok());
  EXPECT_EQ(live_ids(members), (std::vector<std::string>{"node-a", "node-b"}));
  std::this_thread::sleep_for(900ms);  // node-a stops renewing: killed, or cut off
  ASSERT_TRUE(members.renew("node-b", "http://10.0.0.2:8080", "10.0.0.2:4301", 5000ms, 15).ok());
  EXPECT_EQ(live_ids(members), (std::vector<std::string>{"node-b"}));
  const auto all = *members.members();
  ASSERT_EQ(all.size(), 2u);  // still listed, as not live
  EXPECT_FALSE(all[0].live);
  EXPECT_LT(all[0].lease_left_ms, 0);
  EXPECT_EQ(all[1].folded, 15u);
  EXPECT_EQ(all[1].peer, "10.0.0.2:4301");  // a renewal carries where peers reach it now
  EXPECT_GT(all[1].lease_left_ms, 3000);
  // The ring is built from the live ones only: node-b owns everything.
  EXPECT_EQ(Ring(live_ids(members)).owner("conversation/api:ana"), "node-b");
  ASSERT_TRUE(members.renew("node-a", "http://10.0.0.1:8080", "", 5000ms, 20).ok());  // back
  EXPECT_EQ(live_ids(members).size(), 2u);
  ASSERT_TRUE(members.leave("node-a").ok());  // a clean stop
  EXPECT_EQ(live_ids(members), (std::vector<std::string>{"node-b"}));
  EXPECT_EQ(members.members()->size(), 1u);
}

TEST(Membership, ADatabaseOfSchemaOneGainsTheMembersTableWithPeersAtOpen) {
  const auto url = database_with_schema();
  // As a build of schema 1 left it.
  sql(url, "DROP TABLE parley_members");
  sql(url, "DELETE FROM parley_schema WHERE version >= 2");
  events::PostgresEventStore::Options o;
  o.url = url;
  ASSERT_TRUE(events::PostgresEventStore::open(o).ok());
  auto m = Membership::open(url);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE((*m)->renew("node-a", "", "127.0.0.1:4300", 1000ms, 0).ok());
  EXPECT_EQ(live_ids(**m).size(), 1u);
  EXPECT_EQ((*m)->members()->at(0).peer, "127.0.0.1:4300");
}

}  // namespace
}  // namespace parley::cluster
