#include "assistant/details_extractor.hpp"

#include <nlohmann/json.hpp>

#include "assistant/call_record.hpp"

namespace parley::assistant {

namespace {

using Clock = std::chrono::steady_clock;

std::string field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) return "";
  std::string v = it->get<std::string>();
  const size_t first = v.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  v = v.substr(first, v.find_last_not_of(" \t") - first + 1);
  if (v.size() > kMaxDetailBytes || v.find_first_of("\r\n") != std::string::npos) return "";
  return v;
}

}  // namespace

domain::Customer extracted_details(const std::string& answer) {
  domain::Customer c;
  if (answer.size() > 8 * kMaxDetailBytes) return c;
  const size_t open = answer.find('{');
  const size_t close = answer.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return c;
  auto j = nlohmann::json::parse(answer.substr(open, close - open + 1), nullptr, false);
  if (!j.is_object()) return c;
  c.name = field(j, "name");
  c.phone = field(j, "phone");
  c.email = field(j, "email");
  c.address = field(j, "address");
  c.city = field(j, "city");
  return c;
}

ModelDetailsExtractor::ModelDetailsExtractor(
    const LlmSettings& settings,
    std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
    std::chrono::milliseconds timeout)
    : settings_(settings), providers_(std::move(providers)), timeout_(timeout) {}

bool ModelDetailsExtractor::active() const {
  return providers_.count(settings_.agent("extractor").provider) > 0;
}

brain::DetailsExtraction ModelDetailsExtractor::extract(const std::string& text,
                                                        const std::string& language,
                                                        brain::DetailsFor what,
                                                        const std::string& conversation_id,
                                                        int64_t at_us) const {
  brain::DetailsExtraction out;
  const auto agent = settings_.agent("extractor");
  auto it = providers_.find(agent.provider);
  if (it == providers_.end()) return out;
  llm::CompletionRequest req;
  req.model = agent.model;
  req.system = settings_.prompt("extractor");
  req.max_tokens = 200;
  req.temperature = 0;
  const std::string fields =
      what == brain::DetailsFor::delivery
          ? "Fields: name, phone, email, address (street and number), city — the delivery "
            "details of a shop's customer, as strings."
          : "Fields: name, phone, email — of the contact person of a business lead a sales "
            "team member describes, as strings (not the company's name).";
  req.messages.push_back(
      {llm::Message::Role::user,
       fields + "\nLanguage: " + (language.empty() ? std::string("unknown") : language) +
           "\nThe message: " + text});
  const auto started = Clock::now();
  auto result = it->second->complete(req, started + timeout_);
  auto call = call_record(it->second->name(), agent.model, "extractor", conversation_id, started,
                          at_us, result);
  if (result) {
    out.details = extracted_details(result.value().text);
    if (out.details.empty()) call.outcome = "no_answer";
  }
  out.calls.push_back(call);
  return out;
}

}  // namespace parley::assistant
