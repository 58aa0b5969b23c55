// Language models as the server runs them: a provider for each preset
// (llm/provider.hpp) this server has a key or base URL for, and for the
// local servers (ollama, llamacpp) at their default URLs; the shop's LLM
// settings (folded from the log), the shop assistant the engine asks before
// a shopper's turn, the rewriter it asks when a search finds nothing, and
// the admin routes that change agents and prompts.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "assistant/details_extractor.hpp"
#include "assistant/llm_settings.hpp"
#include "assistant/media_reader.hpp"
#include "assistant/search_rewriter.hpp"
#include "assistant/shop_assistant.hpp"
#include "http/llm_admin_api.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

class ServeLlm {
 public:
  // `knowledge`: the source the offline brain quotes from, for the model's
  // search_knowledge tool (one knowledge view for both brains).
  ServeLlm(const Settings& settings, events::EventStore& store, events::GroupCommitWriter& writer,
           assistant::CatalogSource catalog, assistant::KnowledgeSource knowledge);

  events::Status load();
  // nullptr when no provider is available: every turn is the offline brain's.
  // (The local servers always are: an advisor whose responder is offline is inactive.)
  std::shared_ptr<const brain::TurnAdvisor> advisor() const { return assistant_; }
  // nullptr when no provider is available: searches are never rewritten.
  std::shared_ptr<const brain::SearchRewriter> rewriter() const { return rewriter_; }
  // nullptr when no provider is available: voice notes and photos are unread.
  std::shared_ptr<const brain::MediaReader> media_reader() const { return media_reader_; }
  // nullptr when no provider is available: checkout details are the rules' alone.
  std::shared_ptr<const brain::DetailsExtractor> extractor() const { return extractor_; }
  void register_routes(http::Router& router, const http::Authorizer& auth);
  // One line for the start-up log: who answers shoppers.
  std::string describe() const;

 private:
  const Settings& settings_;
  std::unique_ptr<assistant::LlmSettings> llm_settings_;
  std::map<std::string, std::shared_ptr<const llm::Provider>> providers_;
  std::shared_ptr<assistant::ShopAssistant> assistant_;
  std::shared_ptr<assistant::ModelSearchRewriter> rewriter_;
  std::shared_ptr<assistant::ModelMediaReader> media_reader_;
  std::shared_ptr<assistant::ModelDetailsExtractor> extractor_;
  std::unique_ptr<http::LlmAdminContext> admin_;
};

}  // namespace parley::tools
