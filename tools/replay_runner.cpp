#include "tools/replay_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fstream>

extern char** environ;

namespace parley::tools {

namespace {

using Clock = std::chrono::steady_clock;

// Reads both pipes until the child closes them or the deadline passes.
bool drain(int out_fd, int err_fd, Clock::time_point deadline, std::string* out, std::string* err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open = 2;
  char buf[65536];
  while (open > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    if (::poll(fds, 2, static_cast<int>(std::min<int64_t>(left, 1000))) < 0 && errno != EINTR)
      return false;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::string* to = i == 0 ? out : err;
      const size_t cap = i == 0 ? ReplayRunner::kMaxReportBytes : 64 * 1024;
      if (to->size() < cap) to->append(buf, std::min<size_t>(n, cap - to->size()));
    }
  }
  return true;
}

}  // namespace

ReplayRunner::ReplayRunner(std::string binary, std::string scratch, std::chrono::seconds deadline)
    : binary_(std::move(binary)), scratch_(std::move(scratch)), deadline_(deadline) {}

ReplayAnswer ReplayRunner::run(const ReplayAsk& ask) {
  std::unique_lock lock(running_, std::try_to_lock);
  if (!lock.owns_lock()) return {ReplayAnswer::Kind::busy, "", "a replay is running"};
  std::vector<std::string> args = {binary_, "replay", "--since", ask.since, "--json"};
  if (!ask.brain.empty()) args.insert(args.end(), {"--brain", ask.brain});
  if (!ask.model.empty()) args.insert(args.end(), {"--model", ask.model});
  for (const auto& c : ask.conversations) args.insert(args.end(), {"--conversation", c});
  std::string prompt_file;
  if (!ask.prompt.empty()) {
    static std::atomic<unsigned> n{0};
    prompt_file = scratch_ + "/replay-prompt-" + std::to_string(::getpid()) + "-" +
                  std::to_string(++n) + ".txt";
    const int fd = ::open(prompt_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ::write(fd, ask.prompt.data(), ask.prompt.size()) !=
                      static_cast<ssize_t>(ask.prompt.size())) {
      if (fd >= 0) ::close(fd);
      ::unlink(prompt_file.c_str());
      return {ReplayAnswer::Kind::failed, "", "cannot write the prompt for the replay"};
    }
    ::close(fd);
    args.insert(args.end(), {"--prompt", prompt_file});
  }
  auto answer = run_child(args);
  if (!prompt_file.empty()) ::unlink(prompt_file.c_str());
  return answer;
}

ReplayAnswer ReplayRunner::run_child(const std::vector<std::string>& args) {
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return {ReplayAnswer::Kind::failed, "", "pipe failed"};
  if (::pipe2(err, O_CLOEXEC) != 0) {
    ::close(out[0]);
    ::close(out[1]);
    return {ReplayAnswer::Kind::failed, "", "pipe failed"};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, binary_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ::close(err[1]);
  ReplayAnswer answer;
  if (spawned != 0) {
    ::close(out[0]);
    ::close(err[0]);
    return {ReplayAnswer::Kind::failed, "", "cannot start the replay"};
  }
  std::string stdout_text, stderr_text;
  const bool done = drain(out[0], err[0], Clock::now() + deadline_, &stdout_text, &stderr_text);
  ::close(out[0]);
  ::close(err[0]);
  if (!done) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!done) return {ReplayAnswer::Kind::timeout, "", "the replay took longer than allowed"};
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 0) return {ReplayAnswer::Kind::report, std::move(stdout_text), ""};
  // 2: the arguments (a day, a brain); anything else: the log or the model.
  while (!stderr_text.empty() && (stderr_text.back() == '\n' || stderr_text.back() == '\r'))
    stderr_text.pop_back();
  if (stderr_text.rfind("parley: ", 0) == 0) stderr_text.erase(0, 8);
  return {code == 2 ? ReplayAnswer::Kind::refused : ReplayAnswer::Kind::failed, "",
          stderr_text.empty() ? "the replay failed" : stderr_text};
}

}  // namespace parley::tools
