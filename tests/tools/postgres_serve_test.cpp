// `parley serve` on PostgreSQL (PARLEY_STORE=postgres, issue 23): the log and
// the customer keys live in the database, so a server with an empty data
// directory (and the shared master key file) carries on the conversations;
// a second server on the same database is refused at start.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "events/postgres_event_store.hpp"
#include "tests/support/chat.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/pg_cluster.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using testing::chat_replies;
using testing::Server;
using testing::TempDir;

struct Counts {
  size_t received = 0;
  size_t sent = 0;
  std::vector<uint64_t> seqs_of_received;
};

Counts count_log(const std::string& url) {
  events::PostgresEventStore::Options o;
  o.url = url;
  auto store = events::PostgresEventStore::open(o);
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  Counts c;
  if (!store.ok()) return c;
  std::vector<events::EventEnvelope> all;
  EXPECT_TRUE((*store)->read_all(1, SIZE_MAX, &all).ok());
  for (const auto& e : all) {
    if (e.type == "conversation.message_received") {
      ++c.received;
      c.seqs_of_received.push_back(e.seq);
    }
    if (e.type == "conversation.message_sent") ++c.sent;
  }
  return c;
}

TEST(PostgresServe, AServerWithAnEmptyDataDirectoryCarriesOnTheConversationFromTheDatabase) {
  std::string error;
  auto* pg = testing::PgCluster::shared(&error);
  ASSERT_NE(pg, nullptr) << error;
  const std::string url = pg->fresh_database();
  TempDir shared, first_dir, second_dir, third_dir;
  const std::vector<std::string> env = {"PARLEY_STORE=postgres", "PARLEY_PG_URL=" + url,
                                        "PARLEY_MASTER_KEY_FILE=" + shared.sub("master.key"),
                                        "PARLEY_NODE_ID=node-1"};
  auto cluster_status = [&] {
    auto [code, out, err] = testing::run({PARLEY_BIN, "cluster", "status"},
                                         {"PARLEY_DATA_DIR=" + second_dir.path(), env[0], env[1]});
    EXPECT_EQ(code, 0) << err;
    return out;
  };
  {
    Server first(first_dir.path(), env);
    httplib::Client c("127.0.0.1", first.port());
    EXPECT_NE(chat_replies(c, "ana", "hi"), "");

    // Another server on the same database while the first runs: refused.
    auto [code, out, err] = testing::run(
        {PARLEY_BIN, "serve"},
        {"PARLEY_DATA_DIR=" + second_dir.path(), "PARLEY_HTTP_PORT=0", env[0], env[1], env[2]});
    EXPECT_EQ(code, 1);
    EXPECT_NE(err.find("another Parley server runs on this database"), std::string::npos) << err;
    // The server is a live member of the cluster, owning every entity.
    const auto status = cluster_status();
    EXPECT_NE(status.find("1 live of 1 members"), std::string::npos) << status;
    EXPECT_NE(status.find("node-1"), std::string::npos) << status;
    EXPECT_NE(status.find("100.0%"), std::string::npos) << status;
    EXPECT_EQ(first.terminate(), 0);
    // A clean stop leaves at once (a killed one would drop out when its lease ended).
    EXPECT_NE(cluster_status().find("0 live of 0 members"), std::string::npos);
  }
  const auto before = count_log(url);
  EXPECT_EQ(before.received, 1u);
  {  // the command-line tools read the same log (without the server's lock)
    auto [code, out, err] =
        testing::run({PARLEY_BIN, "events", "stats"},
                     {"PARLEY_DATA_DIR=" + second_dir.path(), env[0], env[1], env[2]});
    EXPECT_EQ(code, 0) << err;
    EXPECT_NE(out.find("conversation.message_received"), std::string::npos) << out;
  }
  EXPECT_GE(before.sent, 1u);
  {
    Server again(third_dir.path(), env);  // nothing local: views fold from the database
    httplib::Client c("127.0.0.1", again.port());
    EXPECT_NE(chat_replies(c, "ana", "show me hammers"), "");
    EXPECT_EQ(again.terminate(), 0);
  }
  const auto after = count_log(url);
  EXPECT_EQ(after.received, 2u);
  EXPECT_GT(after.sent, before.sent);
  // One conversation, its second message right after the first's replies.
  ASSERT_EQ(after.seqs_of_received.size(), 2u);
  EXPECT_GT(after.seqs_of_received[1], after.seqs_of_received[0]);
}

TEST(PostgresServe, AnOfflineImportIsRefusedRatherThanWrittenToALocalLog) {
  TempDir dir;
  const std::string csv = dir.sub("catalog.csv");
  std::FILE* f = std::fopen(csv.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("sku,name,price\nA1,Hammer,10\n", f);
  std::fclose(f);
  auto [code, out, err] = testing::run(
      {PARLEY_BIN, "catalog", "import", csv},
      {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_STORE=postgres", "PARLEY_PG_URL=host=/nowhere"});
  EXPECT_NE(code, 0);
  EXPECT_NE(err.find("import through the running server"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir.sub("events")));
}

TEST(PostgresServe, ClusterModeNeedsPostgresAndAnAddressOtherNodesCanReach) {
  TempDir dir;
  auto [code, out, err] =
      testing::run({PARLEY_BIN, "serve"},
                   {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=0", "PARLEY_CLUSTER=1"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_CLUSTER=1 needs the log in PostgreSQL"), std::string::npos) << err;
  std::tie(code, out, err) =
      testing::run({PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=0",
                                           "PARLEY_STORE=postgres", "PARLEY_PG_URL=host=/nowhere",
                                           "PARLEY_CLUSTER=1", "PARLEY_CLUSTER_HOST=0.0.0.0"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_CLUSTER_HOST must be this node's own address"), std::string::npos)
      << err;
}

// A lone server answers every conversation and runs the outbox: beside a
// cluster's nodes both would reply, so each refuses to start beside the other.
TEST(PostgresServe, ALoneServerAndAClusterNodeRefuseEachOther) {
  std::string error;
  auto* pg = testing::PgCluster::shared(&error);
  ASSERT_NE(pg, nullptr) << error;
  const std::string url = pg->fresh_database();
  TempDir shared, first_dir, second_dir;
  const std::vector<std::string> base = {"PARLEY_STORE=postgres", "PARLEY_PG_URL=" + url,
                                         "PARLEY_MASTER_KEY_FILE=" + shared.sub("master.key")};
  auto with = [&](std::vector<std::string> env, const std::string& dir) {
    env.insert(env.end(), base.begin(), base.end());
    env.push_back("PARLEY_DATA_DIR=" + dir);
    env.push_back("PARLEY_HTTP_PORT=0");
    return env;
  };
  {
    Server lone(first_dir.path(), base);
    auto [code, out, err] =
        testing::run({PARLEY_BIN, "serve"}, with({"PARLEY_CLUSTER=1"}, second_dir.path()));
    EXPECT_EQ(code, 1);
    EXPECT_NE(err.find("another Parley server runs on this database, not in cluster mode"),
              std::string::npos)
        << err;
    EXPECT_EQ(lone.terminate(), 0);
  }
  {
    std::vector<std::string> node = base;
    node.push_back("PARLEY_CLUSTER=1");
    Server member(first_dir.path(), node);
    auto [code, out, err] = testing::run({PARLEY_BIN, "serve"}, with({}, second_dir.path()));
    EXPECT_EQ(code, 1);
    EXPECT_NE(err.find("start every one with PARLEY_CLUSTER=1"), std::string::npos) << err;
    EXPECT_EQ(member.terminate(), 0);
  }
}

TEST(PostgresServe, PostgresWithoutAUrlIsRefusedAtStart) {
  TempDir dir;
  auto [code, out, err] = testing::run(
      {PARLEY_BIN, "serve"},
      {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=0", "PARLEY_STORE=postgres"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_STORE=postgres needs PARLEY_PG_URL"), std::string::npos) << err;
}

}  // namespace
}  // namespace parley
