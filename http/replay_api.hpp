// The console's replay (issue 21, point 8): `POST /api/v1/admin/replay`
// (admin) {"since":"YYYY-MM-DD","brain"?,"model"?,"prompt"?,"conversations"?:[…]}
// -> the report of `parley replay --json` (tools/replay_report.hpp). The run
// is the composition root's (tools/replay_runner.hpp: a child process); here
// the body is checked and the outcome mapped to its answer: 400 for a bad
// body, 409 replay_running, 422 replay_refused (a day or a brain the replay
// cannot use), 504 replay_timeout, 500 replay_failed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct ReplayAsk {
  std::string since;  // YYYY-MM-DD
  std::string brain;  // "" (the shop's setting), "offline" or a provider preset
  std::string model;
  std::string prompt;  // "" none: the shop's
  std::vector<std::string> conversations;
};

struct ReplayAnswer {
  enum class Kind { report, refused, busy, timeout, failed };
  Kind kind = Kind::failed;
  std::string report;  // Kind::report: the JSON report
  std::string error;   // what went wrong, in words
};

inline constexpr size_t kMaxReplayConversations = 50;

struct ReplayApiContext {
  Authorizer auth;
  std::function<ReplayAnswer(const ReplayAsk&)> run;  // unset: 503 replay_unavailable
};

void register_replay_api(Router& router, ReplayApiContext& ctx);

}  // namespace parley::http
