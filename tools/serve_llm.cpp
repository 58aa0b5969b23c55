#include "tools/serve_llm.hpp"

#include <chrono>

namespace parley::tools {

namespace {

int64_t wall_clock_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ServeLlm::ServeLlm(const Settings& settings, events::EventStore& store,
                   events::GroupCommitWriter& writer, assistant::CatalogSource catalog,
                   assistant::KnowledgeSource knowledge)
    : settings_(settings) {
  assistant::LlmDefaults defaults;
  defaults.provider = settings.llm.provider;
  defaults.model = settings.llm.model;
  for (const auto& [name, env] : settings.llm.providers) {
    if (!env.available()) continue;
    llm::ProviderSettings ps;
    ps.name = name;
    ps.base_url = env.base_url;
    ps.api_key = env.api_key;
    if (auto p = llm::make_provider(ps)) {
      providers_[name] = std::move(p);
      defaults.available.insert(name);
    }
  }
  llm_settings_ = std::make_unique<assistant::LlmSettings>(store, writer, defaults);
  if (!providers_.empty()) {
    assistant::AssistantOptions options;
    options.timeout = settings.llm.timeout;
    assistant_ = std::make_shared<assistant::ShopAssistant>(
        *llm_settings_, providers_, std::move(catalog), options, std::move(knowledge));
    rewriter_ = std::make_shared<assistant::ModelSearchRewriter>(*llm_settings_, providers_,
                                                                 settings.llm.timeout);
    media_reader_ = std::make_shared<assistant::ModelMediaReader>(*llm_settings_, providers_,
                                                                  settings.llm.timeout);
    extractor_ = std::make_shared<assistant::ModelDetailsExtractor>(*llm_settings_, providers_,
                                                                    settings.llm.timeout);
  }
}

events::Status ServeLlm::load() {
  return llm_settings_->load();
}

void ServeLlm::register_routes(http::Router& router, const http::Authorizer& auth) {
  admin_ = std::make_unique<http::LlmAdminContext>(
      http::LlmAdminContext{*llm_settings_, auth, wall_clock_us, settings_.llm.timeout, {}});
  for (const auto& [name, env] : settings_.llm.providers)
    admin_->base_urls[name] = env.base_url.empty() ? llm::default_base_url(name) : env.base_url;
  http::register_llm_admin_api(router, *admin_);
}

std::string ServeLlm::describe() const {
  const auto a = llm_settings_->agent("responder");
  if (a.provider == "offline") return "offline brain";
  return a.provider + " " + a.model + " (offline brain as fallback)";
}

}  // namespace parley::tools
