// Runs the `parley` binary (PARLEY_BIN) as a child process for end-to-end tests.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

extern char** environ;

namespace parley::testing {

struct Child {
  pid_t pid = -1;
  int out = -1;  // stdout
  int err = -1;  // stderr
};

inline Child spawn(const std::vector<std::string>& args,
                   const std::vector<std::string>& env_extra) {
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

inline std::string read_all(int fd) {
  std::string s;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  return s;
}

// Runs a command to completion: {exit code, stdout, stderr}.
inline std::tuple<int, std::string, std::string> run(const std::vector<std::string>& args,
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

// Whether a sanitizer build's `parley` (docs/SANITIZERS.md) reported
// something on stderr: ASan, LSan, UBSan or TSan.
inline bool has_sanitizer_report(const std::string& log) {
  for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                             "runtime error: ", "WARNING: ThreadSanitizer"})
    if (log.find(marker) != std::string::npos) return true;
  return false;
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
    kill(child_.pid, SIGCONT);  // a frozen server, too, hears it
    log_ += read_all(child_.err);
    int status = 0;
    waitpid(child_.pid, &status, 0);
    close(child_.out);
    close(child_.err);
    child_.pid = -1;
    // 128 + the signal for a process a signal ended (a crash shows as 134, 139 …).
    exit_code_ = WIFEXITED(status)     ? WEXITSTATUS(status)
                 : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                       : -1;
    return exit_code_;
  }
  // SIGSTOP and SIGCONT: the process is frozen, its sockets stay open (as
  // a machine swapping, or a paused VM).
  void freeze() { kill(child_.pid, SIGSTOP); }
  void thaw() { kill(child_.pid, SIGCONT); }
  // SIGKILL: nothing is flushed or stopped.
  void kill_hard() {
    kill(child_.pid, SIGKILL);
    int status = 0;
    waitpid(child_.pid, &status, 0);
    close(child_.out);
    close(child_.err);
    child_.pid = -1;
  }
  // Stops the server; when the test failed, prints what it wrote to stderr
  // (and how it ended), so a crash in CI can be read in the test's output.
  // A sanitizer's report fails the test: most tests never look at the exit
  // code, and a leak is only reported as the server exits.
  ~Server() {
    if (child_.pid > 0) terminate();
    if (has_sanitizer_report(log_)) ADD_FAILURE() << "the server's sanitizer reported (log below)";
    if (::testing::Test::HasFailure())
      std::fprintf(stderr, "---- parley server log (exit %d) ----\n%s---- end of log ----\n",
                   exit_code_, log_.c_str());
  }
  int port() const { return port_; }
  const std::string& log() const { return log_; }
  const std::vector<std::string>& env() const { return env_; }

 private:
  std::vector<std::string> env_;
  Child child_;
  std::string log_;
  int port_ = 0;
  int exit_code_ = 0;  // of terminate(); 0 until then
};

}  // namespace parley::testing
