// POST /api/v1/chat/stream: the chat turn as Server-Sent Events, for either
// brain. The body is checked first (a bad one is a plain 400 JSON error);
// then the stream, on the server's thread:
//   event: thinking  {"step":"understanding" | "calling openai" | <tool name>}
//   event: content   {"delta":"…","reply":n}   text as it is written; a model
//                    streams its reply as it comes, the offline brain sends
//                    each reply whole. {"reset":true}: drop what was shown
//                    (the model's turn was dropped; the offline replies follow)
//   event: meta      the /api/v1/chat answer: conversation_id, replies, brain,
//                    fallback?, duplicate — after the turn is durable
//   event: error     {"status","code","message"} when the turn failed
//   event: done      {}
#include <nlohmann/json.hpp>

#include "http/api.hpp"

namespace parley::http {

using nlohmann::json;

namespace {

std::string sse(const char* event, const json& data) {
  return std::string("event: ") + event +
         "\ndata: " + data.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

void run_stream(ApiContext& ctx, const actors::ChatTurn& turn, const ChunkWriter& write) {
  write(sse("thinking", {{"step", "understanding"}}));
  bool streamed = false;
  brain::TurnObserver observer{[&](const std::string& step) {
                                 write(sse("thinking", {{"step", step}}));
                               },
                               [&](const std::string& delta) {
                                 streamed = true;
                                 write(sse("content", {{"delta", delta}, {"reply", 0}}));
                               }};
  auto result = ctx.engine.chat(turn, ctx.request_timeout, observer);
  if (!result.ok()) {
    const HttpResponse failed = chat_failure(result.error);
    json error = json::parse(failed.body, nullptr, false);
    json data = error.is_object() && error.contains("error") ? error["error"] : json::object();
    data["status"] = failed.status;
    write(sse("error", data));
    write(sse("done", json::object()));
    return;
  }
  const auto& r = result.value;
  const bool model_answered = !r.brain.empty() && r.brain != "offline";
  if (!(streamed && model_answered)) {
    if (streamed) write(sse("content", {{"reset", true}}));
    for (size_t i = 0; i < r.replies.size(); ++i)
      write(sse("content", {{"delta", r.replies[i].text}, {"reply", i}}));
  }
  write(sse("meta", chat_result_json(r)));
  write(sse("done", json::object()));
}

}  // namespace

HttpResponse handle_chat_stream(ApiContext& ctx, const HttpRequest& req) {
  actors::ChatTurn turn;
  if (auto e = read_chat_request(ctx, req, &turn)) return *e;
  HttpResponse out;
  out.content_type = "text/event-stream";
  out.headers.emplace_back("Cache-Control", "no-cache");
  out.headers.emplace_back("X-Accel-Buffering", "no");
  ApiContext* c = &ctx;
  out.stream = [c, turn](const ChunkWriter& write) { run_stream(*c, turn, write); };
  return out;
}

}  // namespace parley::http
