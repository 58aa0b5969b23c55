// The "media" agent: a shopper's voice note written down (an OpenAI-compatible
// /audio/transcriptions with the preset's transcription model, or Gemini's
// audio input with the "transcribe_voice" prompt) and a photo turned into a
// product search (a vision model with the "describe_photo" prompt), within
// PARLEY_LLM_TIMEOUT. The answer is cleaned to one line and capped; "NONE",
// an empty or over-long answer is nothing read. Every call is kept for usage.
// The models are the admin's choice for the agent, else the preset's
// vision_model and transcribe_model (llm/provider.hpp); "" means it cannot.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "assistant/llm_settings.hpp"
#include "brain/media_reading.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

// The model's answer as one line of text, or "" when it is nothing: NONE,
// empty, or longer than `max_bytes`. Quotes and a final full stop go.
std::string cleaned_reading(const std::string& answer, size_t max_bytes);

class ModelMediaReader final : public brain::MediaReader {
 public:
  ModelMediaReader(const LlmSettings& settings,
                   std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
                   std::chrono::milliseconds timeout);

  bool hears() const override;
  bool sees() const override;
  brain::MediaReading read(const brain::MediaFile& file, const std::string& language,
                           const std::string& caption, const std::string& conversation_id,
                           int64_t at_us) const override;

 private:
  struct Choice {
    std::shared_ptr<const llm::Provider> provider;  // nullptr: none
    const llm::ProviderPreset* preset = nullptr;
    std::string model;  // "": this provider cannot do it
  };
  Choice choose(bool voice) const;
  llm::Result ask(const Choice& choice, const brain::MediaFile& file, const std::string& language,
                  const std::string& caption, std::chrono::steady_clock::time_point deadline) const;

  const LlmSettings& settings_;
  std::map<std::string, std::shared_ptr<const llm::Provider>> providers_;
  std::chrono::milliseconds timeout_;
};

}  // namespace parley::assistant
