#include "http/replay_api.hpp"

#include <nlohmann/json.hpp>

#include "domain/limits.hpp"
#include "domain/llm_config.hpp"
#include "http/http_types.hpp"

namespace parley::http {

namespace {

using nlohmann::json;

bool day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// The body as a replay to run; "" when it is one, else why not.
std::string read_ask(const json& b, ReplayAsk* ask) {
  if (!b.is_object()) return "the body must be a JSON object";
  auto text = [&](const char* name, std::string* out) {
    auto it = b.find(name);
    if (it == b.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  if (!text("since", &ask->since) || !day(ask->since)) return "'since' must be a day, YYYY-MM-DD";
  if (!text("brain", &ask->brain)) return "'brain' must be a string";
  const auto& providers = domain::llm_config::providers();
  if (!ask->brain.empty() &&
      std::find(providers.begin(), providers.end(), ask->brain) == providers.end())
    return "'brain' must be offline or a provider: openai, anthropic, gemini, xai, openrouter, "
           "groq, ollama, llamacpp";
  if (!text("model", &ask->model) || ask->model.size() > domain::llm_config::kMaxModelBytes)
    return "'model' must be a string of at most 128 bytes";
  if (!text("prompt", &ask->prompt) || ask->prompt.size() > domain::llm_config::kMaxPromptBytes)
    return "'prompt' must be a string of at most 16 KiB";
  if (auto c = b.find("conversations"); c != b.end() && !c->is_null()) {
    if (!c->is_array() || c->size() > kMaxReplayConversations)
      return "'conversations' must be a list of at most 50 conversation ids";
    for (const auto& id : *c) {
      if (!id.is_string() || !domain::valid_id(id.get<std::string>(), domain::kMaxPathIdBytes) ||
          id.get<std::string>()[0] == '-')
        return "each conversation must be an id such as telegram:4242";
      ask->conversations.push_back(id.get<std::string>());
    }
  }
  return "";
}

HttpResponse replay(ReplayApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {domain::user::Role::admin})) return *denied;
  if (!ctx.run) return json_error(503, "replay_unavailable", "this server cannot replay");
  ReplayAsk ask;
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) return json_error(400, "invalid_json", "the body must be JSON");
  if (auto why = read_ask(body, &ask); !why.empty()) return json_error(400, "invalid_field", why);
  auto answer = ctx.run(ask);
  switch (answer.kind) {
    case ReplayAnswer::Kind::report:
      return json_ok(std::move(answer.report));
    case ReplayAnswer::Kind::busy:
      return json_error(409, "replay_running", "a replay is running; try again when it is done");
    case ReplayAnswer::Kind::refused:
      return json_error(422, "replay_refused", answer.error);
    case ReplayAnswer::Kind::timeout:
      return json_error(504, "replay_timeout", answer.error);
    case ReplayAnswer::Kind::failed:
      break;
  }
  return json_error(500, "replay_failed", answer.error);
}

}  // namespace

void register_replay_api(Router& router, ReplayApiContext& ctx) {
  router.add("POST", "/api/v1/admin/replay",
             [&ctx](const HttpRequest& r) { return replay(ctx, r); });
}

}  // namespace parley::http
