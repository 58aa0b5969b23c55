// The prompts the shop's agents start from, by slug. A shop overrides any of
// them at runtime (PUT /api/v1/admin/prompts/{slug}, recorded as events in
// domain/llm_config.hpp); an empty override returns to the default.
#pragma once

#include <string>
#include <vector>

namespace parley::assistant {

struct PromptInfo {
  std::string slug;
  std::string agent;  // the agent that uses it
  std::string purpose;
  std::string default_text;
};

const std::vector<PromptInfo>& prompts();
// nullptr for an unknown slug.
const PromptInfo* find_prompt(const std::string& slug);

}  // namespace parley::assistant
