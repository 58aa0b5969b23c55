// `parley replay` with the real binary (issue 21, point 8): conversations are
// recorded with a fake model on loopback; replayed with a changed prompt, the
// report names exactly the turns the prompt changes; replayed as they were,
// none; and the log is not written to.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;

// The model answers every message with words of its own; asked about the
// opening hours, it shouts when its prompt says so. Nothing else depends on
// the prompt, so only those turns may change.
Answer model(const Recorded& r, size_t) {
  const json body = json::parse(r.body);
  const json& messages = body["messages"];
  std::string system, said;
  for (const auto& m : messages) {
    if (m["role"] == "system" && m["content"].is_string())
      system += m["content"].get<std::string>();
    if (m["role"] == "user" && m["content"].is_string()) said = m["content"].get<std::string>();
  }
  std::string text = "Happy to help with that.";
  if (said.find("hours") != std::string::npos)
    text = system.find("CAPITALS") != std::string::npos ? "WE OPEN AT NINE." : "We open at nine.";
  return {200, json{{"id", "chatcmpl-r"},
                    {"object", "chat.completion"},
                    {"model", "gpt-4o-mini-2024-07-18"},
                    {"choices",
                     {{{"index", 0},
                       {"message", {{"role", "assistant"}, {"content", text}}},
                       {"finish_reason", "stop"}}}},
                    {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 5}}}}
                   .dump()};
}

std::vector<std::string> env(const std::string& dir, const FakePlatform& fake) {
  return {"PARLEY_DATA_DIR=" + dir, "PARLEY_LLM=openai", "OPENAI_API_KEY=sk-test",
          "OPENAI_BASE_URL=" + fake.base() + "/v1", "PARLEY_LLM_TIMEOUT=5000"};
}

json replay(const std::string& dir, const FakePlatform& fake, std::vector<std::string> extra) {
  std::vector<std::string> args = {PARLEY_BIN, "replay",  "--since",     "2020-01-01", "--brain",
                                   "openai",   "--model", "gpt-4o-mini", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto [code, out, err] = testing::run(args, env(dir, fake));
  EXPECT_EQ(code, 0) << err;
  const json report = json::parse(out, nullptr, false);
  EXPECT_TRUE(report.is_object()) << out << err;
  return report;
}

// (conversation, turn) of every turn the report says differs.
std::vector<std::pair<std::string, int>> differing(const json& report) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& c : report["conversations"])
    for (const auto& d : c["diffs"]) out.emplace_back(c["conversation_id"], d["turn"].get<int>());
  return out;
}

std::string stats(const std::string& dir) {
  auto [code, out, err] = testing::run({PARLEY_BIN, "events", "stats"}, {"PARLEY_DATA_DIR=" + dir});
  EXPECT_EQ(code, 0) << err;
  return out;
}

TEST(ReplayE2E, AChangedPromptIsReportedAtExactlyTheTurnsItChanges) {
  FakePlatform fake(model);
  testing::TempDir dir;
  {
    std::vector<std::string> server_env = env(dir.path(), fake);
    server_env.erase(server_env.begin());  // Server sets the data directory
    Server server(dir.path(), server_env);
    httplib::Client c("127.0.0.1", server.port());
    const std::vector<std::pair<std::string, std::string>> talk = {
        {"ana", "hi there"},         {"ana", "what are your opening hours?"},
        {"ana", "thanks a lot"},     {"ben", "hello"},
        {"ben", "hours on sunday?"}, {"cai", "good morning"}};
    for (const auto& [user, text] : talk) {
      auto r = c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                      "application/json");
      ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    }
    ASSERT_EQ(server.terminate(), 0);
  }
  const std::string before = stats(dir.path());

  const json same = replay(dir.path(), fake, {});
  EXPECT_EQ(same["turns"], 6);
  EXPECT_EQ(same["differing_turns"], 0) << same.dump(2);

  const std::string prompt = dir.path() + "/prompt.txt";
  std::ofstream(prompt) << "You are the shop's assistant. Answer in CAPITALS.";
  const json changed = replay(dir.path(), fake, {"--prompt", prompt});
  const std::vector<std::pair<std::string, int>> expected = {{"api:ana", 2}, {"api:ben", 2}};
  EXPECT_EQ(differing(changed), expected) << changed.dump(2);
  EXPECT_EQ(changed["conversations_differing"], 2);
  const json& diff = changed["conversations"][0]["diffs"][0];
  EXPECT_EQ(diff["replies"]["recorded"], json::array({"We open at nine."}));
  EXPECT_EQ(diff["replies"]["candidate"], json::array({"WE OPEN AT NINE."}));
  EXPECT_FALSE(diff.contains("cart")) << "only what differs is listed";

  EXPECT_EQ(stats(dir.path()), before) << "a replay writes nothing to the log";
  auto [code, out, err] = testing::run({PARLEY_BIN, "replay", "--since", "yesterday"},
                                       {"PARLEY_DATA_DIR=" + dir.path()});
  EXPECT_EQ(code, 2) << out << err;
  // A candidate that cannot be asked is said, not replaced by the offline brain.
  auto [keyless, keyless_out, keyless_err] =
      testing::run({PARLEY_BIN, "replay", "--since", "2020-01-01", "--brain", "openai", "--model",
                    "gpt-4o-mini"},
                   {"PARLEY_DATA_DIR=" + dir.path()});
  EXPECT_EQ(keyless, 2) << keyless_out;
  EXPECT_NE(keyless_err.find("no such provider is available"), std::string::npos) << keyless_err;
}

// The console's route runs the same replay while the server serves: the
// changed prompt's turns, the same refusals as the command line, and roles.
TEST(ReplayE2E, TheServerRunsTheReplayForTheConsole) {
  FakePlatform fake(model);
  testing::TempDir dir;
  std::vector<std::string> server_env = env(dir.path(), fake);
  server_env.erase(server_env.begin());
  server_env.push_back("PARLEY_ADMIN_TOKEN=admin-replay");
  Server server(dir.path(), server_env);
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(130, 0);
  for (const auto& [user, text] : std::vector<std::pair<std::string, std::string>>{
           {"ana", "hi there"}, {"ana", "what are your opening hours?"}, {"ben", "hello"}}) {
    auto r =
        c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(), "application/json");
    ASSERT_TRUE(r && r->status == 200);
  }
  const httplib::Headers admin = {{"Authorization", "Bearer admin-replay"}};
  auto post = [&](const json& body, const httplib::Headers& h) {
    return c.Post("/api/v1/admin/replay", h, body.dump(), "application/json");
  };
  auto r = post({{"since", "2020-01-01"},
                 {"brain", "openai"},
                 {"model", "gpt-4o-mini"},
                 {"prompt", "You are the shop's assistant. Answer in CAPITALS."}},
                admin);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json report = json::parse(r->body);
  EXPECT_EQ(report["turns"], 3);
  const std::vector<std::pair<std::string, int>> expected = {{"api:ana", 2}};
  EXPECT_EQ(differing(report), expected) << report.dump(2);

  auto only_ben =
      post({{"since", "2020-01-01"}, {"brain", "offline"}, {"conversations", {"api:ben"}}}, admin);
  ASSERT_EQ(only_ben->status, 200) << only_ben->body;
  EXPECT_EQ(json::parse(only_ben->body)["turns"], 1);

  EXPECT_EQ(post({{"since", "yesterday"}}, admin)->status, 400);
  EXPECT_EQ(post({{"since", "2020-01-01"}, {"brain", "claude"}}, admin)->status, 400);
  auto gemini =
      post({{"since", "2020-01-01"}, {"brain", "gemini"}, {"model", "gemini-2.0-flash"}}, admin);
  EXPECT_EQ(gemini->status, 422) << "no key for it on this server, though openai has one";
  EXPECT_NE(gemini->body.find("no such provider is available"), std::string::npos) << gemini->body;
  EXPECT_EQ(post({{"since", "2020-01-01"}}, {})->status, 401);
}

}  // namespace
}  // namespace parley
