// Faults of the machine under the real binary (issue 17, fault suite): a full
// disk. Each test states what may be lost: nothing that was acknowledged.
#include <sys/mount.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;
const httplib::Headers kAdmin = {{"Authorization", "Bearer fault-admin"}};

// A filesystem of `mib` MiB at `dir` (tmpfs with a size cap); unmounted on scope exit.
struct SmallDisk {
  std::string dir;
  bool mounted = false;
  SmallDisk(const std::string& at, int mib) : dir(at) {
    std::filesystem::create_directories(dir);
    const std::string size = "size=" + std::to_string(mib) + "m";
    mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, size.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted) ::umount2(dir.c_str(), MNT_DETACH);
  }
};

// The disk fills while shoppers chat: appends fail with a clear 503, the
// server keeps answering, and after a restart on a larger disk every
// acknowledged message is in its conversation.
TEST(FaultE2E, AFullDiskRefusesWritesAndLosesNothingAcknowledged) {
  testing::TempDir dir;
  SmallDisk disk(dir.sub("small"), 24);
  if (!disk.mounted) GTEST_SKIP() << "mounting a tmpfs needs root (CAP_SYS_ADMIN)";
  const std::vector<std::string> env = {"PARLEY_ADMIN_TOKEN=fault-admin", "PARLEY_NUDGES=0",
                                        "PARLEY_INBOUND_PER_SECOND=0"};
  std::vector<std::pair<std::string, std::string>> acknowledged;  // user, text
  int refused = 0;
  {
    Server server(disk.dir, env);
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(20, 0);
    const std::string filler(15000, 'x');
    for (int i = 0; i < 4000 && refused < 10; ++i) {
      const std::string user = "disk" + std::to_string(i % 50);
      const std::string text = "message " + std::to_string(i) + " " + filler;
      auto r = c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                      "application/json");
      ASSERT_TRUE(r) << "the server stopped answering after " << i << " messages";
      if (r->status == 200) {
        acknowledged.emplace_back(user, "message " + std::to_string(i) + " ");
      } else {
        EXPECT_EQ(r->status, 503) << r->body;
        EXPECT_NE(r->body.find("storage_unavailable"), std::string::npos) << r->body;
        ++refused;
      }
    }
    ASSERT_GT(refused, 0) << "the disk never filled";
    EXPECT_EQ(c.Get("/healthz")->status, 200) << "still serving";
    server.kill_hard();
  }
  ASSERT_GT(acknowledged.size(), 10u);
  // A larger disk: the same files, copied.
  const std::string big = dir.sub("big");
  std::filesystem::copy(disk.dir, big, std::filesystem::copy_options::recursive);
  Server again(big, env);
  httplib::Client c("127.0.0.1", again.port());
  std::map<std::string, std::string> transcripts;
  for (const auto& [user, text] : acknowledged) {
    if (!transcripts.count(user)) {
      auto r = c.Get(("/api/v1/conversations/api:" + user + "?limit=10000").c_str(), kAdmin);
      ASSERT_EQ(r->status, 200) << user << ": " << r->body;
      transcripts[user] = r->body;
    }
    EXPECT_NE(transcripts[user].find(text), std::string::npos) << user << " lost '" << text << "'";
  }
  RecordProperty("acknowledged", std::to_string(acknowledged.size()));
  RecordProperty("refused", std::to_string(refused));
}

// SIGKILL while shoppers chat from several connections: every chat that was
// answered 200 is in its conversation after a restart (the process loses only
// what it had not acknowledged).
TEST(FaultE2E, SigkillDuringChatLoadLosesNothingAcknowledged) {
  testing::TempDir dir;
  const std::vector<std::string> env = {"PARLEY_ADMIN_TOKEN=fault-admin", "PARLEY_NUDGES=0",
                                        "PARLEY_INBOUND_PER_SECOND=0",
                                        "PARLEY_INBOUND_PER_USER_PER_MINUTE=0"};
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> acknowledged;
  {
    Server server(dir.path(), env);
    std::atomic<bool> stop{false};
    std::vector<std::thread> shoppers;
    for (int t = 0; t < 8; ++t)
      shoppers.emplace_back([&, t] {
        httplib::Client c("127.0.0.1", server.port());
        c.set_read_timeout(5, 0);
        for (int i = 0; i < 2000 && !stop; ++i) {
          const std::string user = "k" + std::to_string(t) + "-" + std::to_string(i % 7);
          const std::string text = "note " + std::to_string(t) + "/" + std::to_string(i) + " ok";
          auto r = c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                          "application/json");
          if (!r) return;  // killed
          if (r->status == 200) {
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.emplace_back(user, text);
          }
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    server.kill_hard();
    stop = true;
    for (auto& s : shoppers) s.join();
  }
  ASSERT_GT(acknowledged.size(), 50u) << "too little load to mean anything";
  Server again(dir.path(), env);
  httplib::Client c("127.0.0.1", again.port());
  std::map<std::string, std::string> transcripts;
  for (const auto& [user, text] : acknowledged) {
    if (!transcripts.count(user)) {
      auto r = c.Get(("/api/v1/conversations/api:" + user + "?limit=10000").c_str(), kAdmin);
      ASSERT_EQ(r->status, 200) << user;
      transcripts[user] = r->body;
    }
    EXPECT_NE(transcripts[user].find(text), std::string::npos) << user << " lost '" << text << "'";
  }
  RecordProperty("acknowledged", std::to_string(acknowledged.size()));
}

}  // namespace
}  // namespace parley
