#include "assistant/call_record.hpp"

namespace parley::assistant {

domain::llm_usage::Call call_record(const std::string& provider, const std::string& model,
                                    const std::string& agent, const std::string& conversation_id,
                                    std::chrono::steady_clock::time_point started, int64_t at_us,
                                    const llm::Result& result) {
  domain::llm_usage::Call call;
  call.provider = provider;
  call.model = model;
  call.agent = agent;
  call.conversation_id = conversation_id;
  call.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  call.at_us = at_us;
  if (!result) {
    call.outcome = llm::to_string(result.error().code);
    call.attempts = result.error().attempts;
    return call;
  }
  const llm::Completion& c = result.value();
  if (!c.model.empty()) call.model = c.model;
  call.input_tokens = c.usage.input_tokens;
  call.output_tokens = c.usage.output_tokens;
  call.attempts = c.attempts;
  return call;
}

}  // namespace parley::assistant
