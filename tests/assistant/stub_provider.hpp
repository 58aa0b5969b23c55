// A provider that answers every call with `answer` and keeps what it was
// asked: the agents' tests see their requests without HTTP.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "llm/provider.hpp"

namespace parley::assistant::testing {

class StubProvider final : public llm::Provider {
 public:
  explicit StubProvider(std::string name) : name_(std::move(name)) {}
  const std::string& name() const override { return name_; }
  llm::Result complete(const llm::CompletionRequest& r, std::chrono::steady_clock::time_point,
                       const llm::TextSink&) const override {
    std::lock_guard lock(mu_);
    completions.push_back(r);
    return answer;
  }
  llm::Result transcribe(const llm::TranscriptionRequest& r,
                         std::chrono::steady_clock::time_point) const override {
    std::lock_guard lock(mu_);
    transcriptions.push_back(r);
    return answer;
  }
  mutable std::vector<llm::CompletionRequest> completions;
  mutable std::vector<llm::TranscriptionRequest> transcriptions;
  llm::Result answer = llm::Completion{"black leather ankle boots", {}, {12, 5}, "stop", "", 1};

 private:
  std::string name_;
  mutable std::mutex mu_;
};

}  // namespace parley::assistant::testing
