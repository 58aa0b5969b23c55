// One model call as usage records it (domain/llm_usage.hpp), for the agents
// that make single calls (the search rewrite, the media reader, the details
// extractor): who and which model (the provider's own name for it when the
// answer gave one), the tokens, the latency since `started`, the attempts,
// and "ok" or the error kind. A caller that finds nothing usable in an ok
// answer sets its own outcome ("no_answer").
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "domain/llm_usage.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

domain::llm_usage::Call call_record(const std::string& provider, const std::string& model,
                                    const std::string& agent, const std::string& conversation_id,
                                    std::chrono::steady_clock::time_point started, int64_t at_us,
                                    const llm::Result& result);

}  // namespace parley::assistant
