#include "assistant/search_rewriter.hpp"

#include <nlohmann/json.hpp>

#include "assistant/call_record.hpp"

namespace parley::assistant {

namespace {

using Clock = std::chrono::steady_clock;

// The JSON object of an answer, fenced in ``` or not.
std::string object_text(const std::string& answer) {
  const size_t open = answer.find('{');
  const size_t close = answer.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return answer.substr(open, close - open + 1);
}

}  // namespace

std::string rewritten_query(const std::string& answer) {
  if (answer.size() > 4 * kMaxRewriteBytes) return "";
  auto j = nlohmann::json::parse(object_text(answer), nullptr, false);
  if (!j.is_object()) return "";
  auto q = j.find("query");
  if (q == j.end() || !q->is_string()) return "";
  std::string query = q->get<std::string>();
  if (query.size() > kMaxRewriteBytes || query.find('\n') != std::string::npos) return "";
  const size_t first = query.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return query.substr(first, query.find_last_not_of(" \t\r") - first + 1);
}

ModelSearchRewriter::ModelSearchRewriter(
    const LlmSettings& settings,
    std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
    std::chrono::milliseconds timeout)
    : settings_(settings), providers_(std::move(providers)), timeout_(timeout) {}

bool ModelSearchRewriter::active() const {
  return providers_.count(settings_.agent("extractor").provider) > 0;
}

brain::SearchRewrite ModelSearchRewriter::rewrite(const std::string& text,
                                                  const std::string& language,
                                                  const std::vector<std::string>& categories,
                                                  const std::string& conversation_id,
                                                  int64_t at_us) const {
  brain::SearchRewrite out;
  out.original = text;
  const auto agent = settings_.agent("extractor");
  auto it = providers_.find(agent.provider);
  if (it == providers_.end()) return out;
  llm::CompletionRequest req;
  req.model = agent.model;
  req.system = settings_.prompt("search_rewrite");
  req.max_tokens = 60;
  req.temperature = 0;
  std::string told = "Shopper's language: " + (language.empty() ? "unknown" : language) +
                     "\nThe shop's categories:";
  for (size_t i = 0; i < categories.size() && i < kMaxCategoriesTold; ++i)
    told += (i ? "; " : " ") + categories[i];
  told += "\nThe shopper wrote: " + text;
  req.messages.push_back({llm::Message::Role::user, told});

  const auto started = Clock::now();
  auto result = it->second->complete(req, started + timeout_);
  auto call = call_record(it->second->name(), agent.model, "extractor", conversation_id, started,
                          at_us, result);
  if (result) {
    out.query = rewritten_query(result.value().text);
    if (out.query.empty()) call.outcome = "no_answer";
  }
  out.calls.push_back(call);
  return out;
}

}  // namespace parley::assistant
