// Kills a child that appends under load at a random moment, reopens the store
// and checks the log's invariants: every acknowledged append is present, no
// stream has a gap, no global position repeats or is missing, and the stream
// index agrees with the global log. Runs several rounds on one store, so a
// round also starts from the state a crash left behind.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "events/rocks_event_store.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

namespace parley::events {
namespace {

struct Ack {
  std::string entity;
  uint64_t first_seq, last_seq, first_pos, last_pos;
};

// Runs the child for `run_for`, then SIGKILLs it; returns its complete ack lines.
std::vector<Ack> run_and_kill(const std::string& dir, int entities, uint64_t seed,
                              std::chrono::milliseconds run_for) {
  int pipefd[2];
  EXPECT_EQ(pipe(pipefd), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipefd[0]);
  std::string n = std::to_string(entities), s = std::to_string(seed);
  const char* argv[] = {PARLEY_CRASH_CHILD, dir.c_str(), n.c_str(), s.c_str(), nullptr};
  pid_t pid = 0;
  EXPECT_EQ(
      posix_spawn(&pid, PARLEY_CRASH_CHILD, &actions, nullptr, const_cast<char**>(argv), environ),
      0);
  posix_spawn_file_actions_destroy(&actions);
  close(pipefd[1]);
  fcntl(pipefd[0], F_SETFL, O_NONBLOCK);

  std::string out;
  char buf[65536];
  bool ready = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  auto kill_at = deadline;
  while (std::chrono::steady_clock::now() < kill_at) {
    ssize_t r = read(pipefd[0], buf, sizeof buf);
    if (r > 0) out.append(buf, static_cast<size_t>(r));
    if (!ready && out.find("ready\n") != std::string::npos) {
      ready = true;
      kill_at = std::chrono::steady_clock::now() + run_for;
    }
    if (r <= 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(ready) << "child never became ready";
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child exited by itself";
  for (ssize_t r; (r = read(pipefd[0], buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<size_t>(r));
  close(pipefd[0]);

  std::vector<Ack> acks;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (lines.eof()) break;  // a torn last line is not an acknowledgement
    std::istringstream f(line);
    std::string tag;
    Ack a;
    if (f >> tag >> a.entity >> a.first_seq >> a.last_seq >> a.first_pos >> a.last_pos &&
        tag == "ack")
      acks.push_back(a);
  }
  return acks;
}

TEST(CrashRecovery, AcknowledgedAppendsSurviveSigkill) {
  testing::TempDir dir;
  const std::string db = dir.sub("db");
  std::mt19937_64 rng(std::random_device{}());
  constexpr int kRounds = 5, kEntities = 64;
  uint64_t total_acks = 0;

  for (int round = 0; round < kRounds; ++round) {
    auto run_for = std::chrono::milliseconds(50 + rng() % 400);
    auto acks = run_and_kill(db, kEntities, rng(), run_for);
    total_acks += acks.size();
    ASSERT_FALSE(acks.empty()) << "round " << round << ": nothing was acknowledged";

    RocksEventStore::Options o;
    o.path = db;
    auto opened = RocksEventStore::open(o);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    auto& store = **opened;

    // Global log: positions 1..N, each once, in order; remember who holds each.
    std::map<uint64_t, std::pair<std::string, uint64_t>> at;  // position -> (entity, seq)
    uint64_t expect_pos = 1;
    ASSERT_TRUE(store
                    .scan_all(1,
                              [&](const RecordView& r) {
                                EXPECT_EQ(r.position(), expect_pos)
                                    << "gap or repeat in global log";
                                expect_pos = r.position() + 1;
                                auto e = r.decode();
                                EXPECT_TRUE(e.ok());
                                if (e.ok()) at[r.position()] = {e->entity_id, e->seq};
                                return true;
                              })
                    .ok());
    EXPECT_EQ(store.last_position(), expect_pos - 1);

    // Streams: seqs 1..head without gaps, and the index agrees with the log.
    size_t indexed = 0;
    for (int i = 0; i < kEntities; ++i) {
      std::string id = "e" + std::to_string(i);
      std::vector<EventEnvelope> s;
      ASSERT_TRUE(store.read_stream({"crash", id}, 1, SIZE_MAX, &s).ok());
      for (size_t k = 0; k < s.size(); ++k) {
        ASSERT_EQ(s[k].seq, k + 1) << id << " has a gap";
        ASSERT_EQ(at[s[k].position], std::make_pair(id, s[k].seq)) << id << " index disagrees";
      }
      indexed += s.size();
    }
    EXPECT_EQ(indexed, at.size()) << "events in the log that no stream indexes";

    // Every acknowledged append is there, at the place it was acknowledged with.
    for (const auto& a : acks) {
      for (uint64_t seq = a.first_seq, pos = a.first_pos; seq <= a.last_seq; ++seq, ++pos) {
        auto it = at.find(pos);
        ASSERT_NE(it, at.end()) << "acknowledged position " << pos << " lost";
        ASSERT_EQ(it->second, std::make_pair(a.entity, seq));
      }
    }
  }
  RecordProperty("acknowledged_appends", std::to_string(total_acks));
}

}  // namespace
}  // namespace parley::events
