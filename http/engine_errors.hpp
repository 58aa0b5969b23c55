// The one mapping from an engine error to an HTTP answer, for every route
// and webhook. A refusal carries the domain's error code: the few that mean
// "not there" are 404, "not now" 409, every other refusal 422 with the code
// as the error; no answer in time is 504; the log failing 503
// storage_unavailable; the engine down 503 unavailable.
#pragma once

#include <string>

#include "actors/engine.hpp"
#include "http/http_types.hpp"

namespace parley::http {

struct EngineFailure {
  int status = 503;
  std::string code;
  std::string message;
};

EngineFailure describe(const actors::EngineError& e);
HttpResponse engine_failure(const actors::EngineError& e);

}  // namespace parley::http
