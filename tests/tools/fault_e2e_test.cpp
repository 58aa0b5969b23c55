// Faults of the machine under the real binary (issue 17, fault suite): a full
// disk. Each test states what may be lost: nothing that was acknowledged.
#include <sys/mount.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace parley
