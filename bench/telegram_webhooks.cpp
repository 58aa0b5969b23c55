// Telegram webhooks end to end: `parley serve` between a load generator and a
// fake Telegram sink, all on loopback.
//
//   parley_telegram_webhooks PARLEY_BIN [seconds=15] [connections=64]
//
// Each webhook is a new Update from a new chat ("hola": one reply). The sink
// answers sendMessage like Telegram and notes when each chat's reply arrived.
// Reported: webhooks/s accepted (answered 200), end-to-end p50/p99 from the
// webhook's send to the reply's arrival at the sink, and lost = accepted −
// delivered after the outbox drained. WAL sync on; outbox pacing off (the
// real Telegram allows ~30 messages/s per bot, so the sink stands in for
// "unlimited").
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Sink {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mu;
  std::unordered_map<int64_t, Clock::time_point> arrived;  // chat -> first reply
  std::atomic<uint64_t> messages{0};

  Sink() {
    server.new_task_queue = [] { return new httplib::ThreadPool(96); };
    server.set_tcp_nodelay(true);
    server.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      const auto now = Clock::now();
      if (req.path.find("/sendMessage") != std::string::npos) {
        auto chat = json::parse(req.body, nullptr, false).value("chat_id", int64_t{0});
        std::lock_guard lock(mu);
        arrived.emplace(chat, now);
      }
      const auto n = ++messages;
      res.set_content(R"({"ok":true,"result":{"message_id":)" + std::to_string(n) + "}}",
                      "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Sink() {
    server.stop();
    thread.join();
  }
};

pid_t spawn_server(const std::string& bin, const std::vector<std::string>& env_extra, int* err_fd) {
  int err[2];
  if (pipe(err) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&fa, err[0]);
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  env.insert(env.end(), env_extra.begin(), env_extra.end());
  std::vector<char*> argv = {const_cast<char*>(bin.c_str()), const_cast<char*>("serve"), nullptr};
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  pid_t pid = -1;
  posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(err[1]);
  *err_fd = err[0];
  return pid;
}

int read_port(int fd) {
  std::string log;
  std::regex re("serving on http://127\\.0\\.0\\.1:(\\d+)");
  std::smatch m;
  char c;
  while (read(fd, &c, 1) == 1) {
    log.push_back(c);
    if (c == '\n' && std::regex_search(log, m, re)) return std::stoi(m[1]);
  }
  std::fprintf(stderr, "%s", log.c_str());
  return 0;
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PARLEY_BIN [seconds] [connections]\n", argv[0]);
    return 2;
  }
  const std::string bin = argv[1];
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 15;
  const int connections = argc > 3 ? std::atoi(argv[3]) : 64;
  char tmpl[] = "/tmp/parley-webhook-bench-XXXXXX";
  const std::string data = mkdtemp(tmpl);

  Sink sink;
  int err_fd = -1;
  pid_t server = spawn_server(
      bin,
      {"PARLEY_DATA_DIR=" + data, "PARLEY_HTTP_PORT=0", "TELEGRAM_BOT_TOKEN=BENCH",
       "TELEGRAM_WEBHOOK_SECRET=bench-secret",
       "TELEGRAM_API_BASE=http://127.0.0.1:" + std::to_string(sink.port), "PARLEY_OUTBOX_PACING=0",
       "PARLEY_TYPING_DELAY_MS=60000", "PARLEY_INBOUND_PER_SECOND=0"},
      &err_fd);
  const int port = read_port(err_fd);
  if (port == 0) return 1;
  std::thread drain_log([err_fd] {
    char buf[4096];
    while (read(err_fd, buf, sizeof buf) > 0) {
    }
  });

  std::mutex mu;
  std::unordered_map<int64_t, Clock::time_point> sent;  // chat -> webhook send
  std::atomic<uint64_t> accepted{0}, failed{0};
  std::atomic<int64_t> next_chat{1};
  std::atomic<bool> go{true};
  const auto start = Clock::now();
  std::vector<std::thread> clients;
  for (int i = 0; i < connections; ++i)
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      c.set_tcp_nodelay(true);
      while (go) {
        const int64_t chat = next_chat++;
        const std::string body = json{
            {"update_id", chat},
            {"message",
             {{"message_id", 1},
              {"date", 1700000000},
              {"chat", {{"id", chat}, {"type", "private"}}},
              {"text", "hola"}}}}.dump();
        const auto t0 = Clock::now();
        {
          std::lock_guard lock(mu);
          sent.emplace(chat, t0);
        }
        auto r = c.Post("/webhooks/telegram", {{"X-Telegram-Bot-Api-Secret-Token", "bench-secret"}},
                        body, "application/json");
        if (r && r->status == 200)
          ++accepted;
        else
          ++failed;
      }
    });
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  go = false;
  for (auto& t : clients) t.join();
  const double load_s = std::chrono::duration<double>(Clock::now() - start).count();

  // Let the outbox drain.
  for (int i = 0; i < 600; ++i) {
    {
      std::lock_guard lock(sink.mu);
      if (sink.arrived.size() >= accepted) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::vector<double> e2e;
  size_t delivered = 0;
  {
    std::lock_guard a(mu), b(sink.mu);
    for (const auto& [chat, t] : sink.arrived) {
      auto s = sent.find(chat);
      if (s == sent.end()) continue;
      ++delivered;
      e2e.push_back(std::chrono::duration<double, std::milli>(t - s->second).count());
    }
  }
  kill(server, SIGTERM);
  int status = 0;
  waitpid(server, &status, 0);
  drain_log.join();
  std::string rm = "rm -rf '" + data + "'";
  if (std::system(rm.c_str()) != 0) std::fprintf(stderr, "could not remove %s\n", data.c_str());

  std::printf("connections %d, %.1f s of load\n", connections, load_s);
  std::printf("webhooks accepted %llu (%.0f/s), failed %llu\n",
              static_cast<unsigned long long>(accepted.load()), accepted / load_s,
              static_cast<unsigned long long>(failed.load()));
  std::printf("replies delivered %zu, lost %lld\n", delivered,
              static_cast<long long>(accepted.load()) - static_cast<long long>(delivered));
  std::printf("end to end (webhook sent -> reply at the sink): p50 %.2f ms, p99 %.2f ms\n",
              percentile(e2e, 0.50), percentile(e2e, 0.99));
  return 0;
}
