// The `parley` binary end to end: serve, SIGTERM under load, restart, and
// the events tools reading the store while the server runs.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>
#include <tuple>

#include "events/rocks_event_store.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

namespace parley {
namespace {

using nlohmann::json;

struct Child {
  pid_t pid = -1;
  int out = -1;  // stdout
  int err = -1;  // stderr
};

Child spawn(const std::vector<std::string>& args, const std::vector<std::string>& env_extra) {
  int out[2], err[2];
  EXPECT_EQ(pipe(out), 0);
  EXPECT_EQ(pipe(err), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  posix_spawn_file_actions_addclose(&fa, err[0]);
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  env.insert(env.end(), env_extra.begin(), env_extra.end());
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  Child c;
  EXPECT_EQ(posix_spawn(&c.pid, args[0].c_str(), &fa, nullptr, argv.data(), envp.data()), 0);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  close(err[1]);
  c.out = out[0];
  c.err = err[0];
  return c;
}

std::string read_all(int fd) {
  std::string s;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  return s;
}

// Runs a command to completion: {exit code, stdout, stderr}.
std::tuple<int, std::string, std::string> run(const std::vector<std::string>& args,
                                              const std::vector<std::string>& env) {
  auto c = spawn(args, env);
  std::string err;
  std::thread t([&] { err = read_all(c.err); });
  std::string out = read_all(c.out);
  t.join();
  int status = 0;
  waitpid(c.pid, &status, 0);
  close(c.out);
  close(c.err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err};
}

class Server {
 public:
  explicit Server(const std::string& data_dir, std::vector<std::string> extra_env = {})
      : env_{"PARLEY_DATA_DIR=" + data_dir, "PARLEY_HTTP_PORT=0"} {
    env_.insert(env_.end(), extra_env.begin(), extra_env.end());
    child_ = spawn({PARLEY_BIN, "serve"}, env_);
    // The first stderr line names the port.
    std::regex re("serving on http://127\\.0\\.0\\.1:(\\d+)");
    std::smatch m;
    char c;
    // Whole lines only: a partial line would cut the port number short.
    while ((log_.empty() || log_.back() != '\n' || !std::regex_search(log_, m, re)) &&
           read(child_.err, &c, 1) == 1)
      log_.push_back(c);
    EXPECT_TRUE(std::regex_search(log_, m, re)) << log_;
    if (!m.empty()) port_ = std::stoi(m[1]);
  }
  // SIGTERM, then the exit code and the rest of stderr.
  int terminate() {
    kill(child_.pid, SIGTERM);
    log_ += read_all(child_.err);
    int status = 0;
    waitpid(child_.pid, &status, 0);
    close(child_.out);
    close(child_.err);
    child_.pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  ~Server() {
    if (child_.pid > 0) terminate();
  }
  int port() const { return port_; }
  const std::string& log() const { return log_; }
  const std::vector<std::string>& env() const { return env_; }

 private:
  std::vector<std::string> env_;
  Child child_;
  std::string log_;
  int port_ = 0;
};

std::string chat_body(const std::string& user, const std::string& text) {
  return json{{"user_id", user}, {"text", text}}.dump();
}

TEST(Serve, SigtermFinishesInFlightRequestsAndLosesNothing) {
  testing::TempDir dir;
  std::atomic<int> answered{0};
  std::vector<std::string> answered_users;
  std::mutex mu;
  {
    Server server(dir.path());
    ASSERT_GT(server.port(), 0);
    std::atomic<bool> go{true};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t)
      clients.emplace_back([&, t] {
        httplib::Client c("127.0.0.1", server.port());
        for (int i = 0; go; ++i) {
          std::string user = "t" + std::to_string(t) + "-" + std::to_string(i);
          auto r = c.Post("/api/v1/chat", chat_body(user, "hola"), "application/json");
          if (!r) break;  // the server closed the connection
          if (r->status != 200) continue;
          ++answered;
          std::lock_guard lock(mu);
          answered_users.push_back(user);
        }
      });
    for (int i = 0; i < 10000 && answered < 200; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_GE(answered.load(), 200) << "the server did not answer";
    EXPECT_EQ(server.terminate(), 0) << server.log();
    go = false;
    for (auto& t : clients) t.join();
    EXPECT_NE(server.log().find("stopped cleanly"), std::string::npos) << server.log();
  }
  // Every answered chat is in the log with its reply.
  events::RocksEventStore::Options o;
  o.path = dir.sub("events");
  auto store = events::RocksEventStore::open(o);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  for (const auto& user : answered_users) {
    std::vector<events::EventEnvelope> s;
    ASSERT_TRUE((*store)->read_stream({"conversation", "api:" + user}, 1, SIZE_MAX, &s).ok());
    ASSERT_EQ(s.size(), 2u) << user;
  }
}

TEST(Serve, RestartRecoversConversationsAndToolsReadAlongside) {
  testing::TempDir dir;
  const std::string csv = dir.sub("catalog.csv");
  {
    std::ofstream out(csv);
    out << "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "T-1,Brass Hinge,Hardware > Hinges,5.00,EUR,3,,,,A hinge.,https://x/1.jpg\n"
           "T-2,Steel Hinge,Hardware > Hinges,4.00,EUR,0,,,,A hinge.,https://x/2.jpg\n";
  }
  const std::vector<std::string> catalog_env = {"PARLEY_CATALOG=" + csv};
  {
    Server server(dir.path(), catalog_env);
    EXPECT_NE(server.log().find("2 products"), std::string::npos) << server.log();
    httplib::Client c("127.0.0.1", server.port());
    ASSERT_EQ(c.Post("/api/v1/chat", chat_body("u1", "first"), "application/json")->status, 200);
    ASSERT_EQ(server.terminate(), 0);
  }
  Server server(dir.path(), catalog_env);  // the catalog is not imported twice
  httplib::Client c("127.0.0.1", server.port());
  ASSERT_EQ(c.Post("/api/v1/chat", chat_body("u1", "second"), "application/json")->status, 200);
  auto found = json::parse(c.Get("/api/v1/products/search?q=hinge")->body)["results"];
  EXPECT_EQ(found.size(), 2u);
  auto view = json::parse(c.Get("/api/v1/conversations/api:u1")->body);
  ASSERT_EQ(view["messages"].size(), 4u);
  EXPECT_EQ(view["messages"][2]["id"], "api:u1#3");  // numbering continued after restart
  EXPECT_EQ(view["messages"][2]["text"], "second");

  // The events tools read the store while the server holds it.
  auto [code, out, err] =
      run({PARLEY_BIN, "events", "stream", "conversation/api:u1"}, server.env());
  EXPECT_EQ(code, 0) << err;
  std::vector<json> lines;
  std::istringstream is(out);
  for (std::string l; std::getline(is, l);) lines.push_back(json::parse(l));
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[3]["type"], "conversation.message_sent");
  EXPECT_EQ(lines[3]["seq"], 4);

  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stats"}, server.env());
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(out.find("conversation.message_received            2"), std::string::npos) << out;
  EXPECT_NE(out.find("catalog.product_upserted                 2"), std::string::npos) << out;
  EXPECT_NE(out.find("streams       3"), std::string::npos) << out;

  std::tie(code, out, err) = run({PARLEY_BIN, "events", "tail", "-n", "1"}, server.env());
  EXPECT_EQ(code, 0) << err;
  EXPECT_EQ(json::parse(out)["position"], 6);
}

TEST(Cli, CatalogImportReportsBadRowsByLine) {
  testing::TempDir dir;
  const std::string csv = dir.sub("c.csv");
  {
    std::ofstream out(csv);
    out << "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "T-1,Brass Hinge,Hardware > Hinges,5.00,EUR,3,,,,A hinge.,https://x/1.jpg\n"
           "T-2,Steel Hinge,Hardware > Hinges,abc,EUR,0,,,,A hinge.,https://x/2.jpg\n";
  }
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.path()};
  auto [code, out, err] = run({PARLEY_BIN, "catalog", "import", csv}, env);
  EXPECT_EQ(code, 3) << err;  // some rows were bad
  EXPECT_NE(err.find(csv + ":3: T-2: price 'abc'"), std::string::npos) << err;
  EXPECT_NE(err.find("1 products read, 1 added or changed"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "import", csv}, env);
  EXPECT_NE(err.find("0 added or changed, 1 unchanged"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "import", dir.sub("missing.csv")}, env);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("cannot read"), std::string::npos);
}

TEST(Cli, ErrorsAreClear) {
  testing::TempDir dir;
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.sub("none")};
  auto [code, out, err] = run({PARLEY_BIN, "frobnicate"}, env);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("unknown command"), std::string::npos);
  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stats"}, env);
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.find("no event store"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stream", "nonsense"}, env);
  EXPECT_EQ(code, 2);
  std::tie(code, out, err) =
      run({PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=99999"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_HTTP_PORT"), std::string::npos) << err;
}

}  // namespace
}  // namespace parley
