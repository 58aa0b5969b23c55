#include "assistant/model_turn.hpp"

#include <algorithm>

#include "assistant/cite_markers.hpp"
#include "assistant/tool_executor.hpp"
#include "llm/shop_tools.hpp"

namespace parley::assistant {

namespace conv = domain::conversation;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

// The first id the reply names that the tool really returned: a made-up or
// misremembered id is never recorded as a source.
std::string returned_cite(const std::vector<std::string>& named,
                          const std::vector<std::string>& returned) {
  for (const auto& id : named)
    if (std::find(returned.begin(), returned.end(), id) != returned.end()) return id;
  return "";
}

const char* language_name(const std::string& code) {
  if (code == "es") return "Spanish";
  if (code == "ru") return "Russian";
  if (code == "id") return "Indonesian";
  if (code == "hi") return "Hindi or Hinglish, as the shopper writes";
  return "English";
}

}  // namespace

std::string conversation_context(const conv::State& s, const brain::Catalog& catalog) {
  json shown = json::array();
  for (size_t i = 0; i < s.last_shown.size(); ++i) {
    const auto* p = catalog.find(s.last_shown[i]);
    shown.push_back({{"position", i + 1},
                     {"sku", s.last_shown[i]},
                     {"name", p ? p->name : std::string()},
                     {"in_stock", p && p->stock > 0}});
  }
  json customer = json::object();
  if (!s.customer.name.empty()) customer["name"] = s.customer.name;
  if (!s.customer.phone.empty()) customer["phone"] = s.customer.phone;
  if (!s.customer.email.empty()) customer["email"] = s.customer.email;
  if (!s.customer.address.empty()) customer["address"] = s.customer.address;
  if (!s.customer.city.empty()) customer["city"] = s.customer.city;
  json j = {{"stage", domain::to_string(s.stage)},
            {"last_list_shown", shown},
            {"cart", cart_json(s)},
            {"saved_delivery_details", customer},
            {"orders", s.orders}};
  return "Reply in " + std::string(language_name(s.language)) +
         ".\nThe conversation so far (JSON): " +
         j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::shared_ptr<brain::TurnAdvice> run_model_turn(
    const llm::Provider& provider, const ModelTurnSettings& settings, const conv::State& state,
    const brain::AdviceRequest& request, const brain::Catalog& catalog,
    const brain::TurnObserver& observer, Clock::time_point deadline,
    const brain::Knowledge* knowledge) {
  auto advice = std::make_shared<brain::TurnAdvice>();
  advice->brain = provider.name();
  advice->model = settings.model;
  advice->based_on_received = state.received;
  auto fail = [&](const std::string& reason, const std::string& detail) {
    advice->usable = false;
    advice->fallback = {
        request.conversation_id, provider.name(), settings.model, reason, detail, request.at_us};
    return advice;
  };

  llm::CompletionRequest req;
  req.model = settings.model;
  req.system = settings.system_prompt + "\n\n" + conversation_context(state, catalog);
  req.tools = llm::shop_tools();
  req.max_tokens = settings.max_tokens;
  for (const auto& m : request.history)
    req.messages.push_back(
        {m.from_shopper ? llm::Message::Role::user : llm::Message::Role::assistant, m.text});
  req.messages.push_back({llm::Message::Role::user, request.text});

  ToolExecutor tools(state, catalog, request.at_us, request.order_id, knowledge);
  std::string reply;
  MarkerHoldback shown(observer.on_text);
  llm::TextSink on_text;
  if (observer.on_text) {
    on_text = [&](std::string_view delta) {
      if (!delta.empty()) shown.write(delta);
    };
  }
  for (int round = 0; round < settings.max_rounds; ++round) {
    if (Clock::now() >= deadline) return fail("deadline", "no time left for another call");
    if (observer.on_thinking) observer.on_thinking("calling " + provider.name());
    const auto started = Clock::now();
    if (on_text && !reply.empty()) observer.on_text("\n\n");
    auto result = provider.complete(req, deadline, on_text);
    domain::llm_usage::Call call;
    call.provider = provider.name();
    call.model = settings.model;
    call.agent = settings.agent;
    call.conversation_id = request.conversation_id;
    call.latency_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    call.at_us = request.at_us;
    if (!result) {
      call.outcome = llm::to_string(result.error().code);
      call.attempts = result.error().attempts;
      advice->calls.push_back(call);
      return fail(call.outcome, result.error().message);
    }
    const llm::Completion& c = result.value();
    if (!c.model.empty()) call.model = c.model;
    call.input_tokens = c.usage.input_tokens;
    call.output_tokens = c.usage.output_tokens;
    call.attempts = c.attempts;
    advice->calls.push_back(call);
    if (!c.text.empty()) reply += (reply.empty() ? "" : "\n\n") + c.text;
    if (on_text) shown.end_call(c.tool_calls.empty());
    if (c.tool_calls.empty()) {
      if (reply.empty()) return fail("no_answer", "the model answered with neither text nor tools");
      CitedText said = strip_cite_markers(reply);
      if (said.text.empty()) return fail("no_answer", "the model answered with a citation only");
      advice->usable = true;
      advice->commands = tools.commands();
      advice->order = tools.order();
      brain::PolicyReply out{std::move(said.text), tools.media()};
      out.cited = returned_cite(said.ids, tools.knowledge_cites());
      advice->replies.push_back(std::move(out));
      return advice;
    }
    llm::Message said{llm::Message::Role::assistant, c.text};
    said.tool_calls = c.tool_calls;
    req.messages.push_back(std::move(said));
    for (const auto& tc : c.tool_calls) {
      if (observer.on_thinking) observer.on_thinking(tc.name);
      ToolResult r = tools.run(tc);
      llm::Message answer{llm::Message::Role::tool, r.content};
      answer.tool_call_id = tc.id;
      answer.tool_name = tc.name;
      answer.tool_error = r.error;
      req.messages.push_back(std::move(answer));
    }
  }
  return fail("too_many_rounds",
              "no answer after " + std::to_string(settings.max_rounds) + " model calls");
}

}  // namespace parley::assistant
