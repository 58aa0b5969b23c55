// `parley replay` for the console (POST /api/v1/admin/replay): the server
// runs its own binary's replay command as a child process, which reads the
// log as a secondary instance and answers in memory (tools/replay_cli.cpp),
// so the server's actor system, memory and store are never shared with the
// candidate brain. One replay at a time; the child is killed at the deadline;
// its report is read up to a cap.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "http/replay_api.hpp"

namespace parley::tools {

using http::ReplayAnswer;
using http::ReplayAsk;

class ReplayRunner {
 public:
  // `binary`: this server's executable; `scratch`: where a candidate prompt
  // is written for the child (inside PARLEY_DATA_DIR, 0600, removed after).
  ReplayRunner(std::string binary, std::string scratch, std::chrono::seconds deadline);
  ReplayAnswer run(const ReplayAsk& ask);

  static constexpr size_t kMaxReportBytes = 16 * 1024 * 1024;

 private:
  ReplayAnswer run_child(const std::vector<std::string>& args);

  std::string binary_, scratch_;
  std::chrono::seconds deadline_;
  std::mutex running_;
};

}  // namespace parley::tools
