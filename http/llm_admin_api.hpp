// The shop's language-model configuration over HTTP (role admin):
//   GET  /api/v1/admin/config              the agents' providers and models, the timeout
//   PUT  /api/v1/admin/config              {"agents":{"responder":{"provider","model"}}}
//   GET  /api/v1/admin/prompts             the prompts and whether each is overridden
//   GET  /api/v1/admin/prompts/{slug}      the text, the default and every change
//   PUT  /api/v1/admin/prompts/{slug}      {"text":"…"}; "" returns to the default
//   GET  /api/v1/admin/llm/options         providers (available?), models, agents, prompts
// Every change is an event on the ("llm_config","shop") stream.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "assistant/llm_settings.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct LlmAdminContext {
  assistant::LlmSettings& settings;
  const Authorizer& auth;
  std::function<int64_t()> now_us;
  std::chrono::milliseconds llm_timeout{15000};
  std::map<std::string, std::string> base_urls;  // provider -> the base URL in use
};

void register_llm_admin_api(Router& router, LlmAdminContext& ctx);

}  // namespace parley::http
