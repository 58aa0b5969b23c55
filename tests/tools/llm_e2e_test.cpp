// Language models end to end, with the real `parley` binary and a fake
// OpenAI-compatible server on loopback that plays the model: it answers
// each request with tool calls or text chosen from what it was sent, in the
// API's real shape, with usage numbers the test adds up.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;

constexpr const char* kAdmin = "admin-token-llm";

// The model: tool calls from the shopper's words and the state it is shown,
// then a text answer built from the tool results.
class FakeModel {
 public:
  enum class Mode { normal, down, garbage, slow };
  std::atomic<Mode> mode{Mode::normal};
  int64_t input_tokens = 0, output_tokens = 0, calls = 0;
  std::vector<std::string> rewrites_asked;  // what the search rewrite was told
  std::mutex mu;

  Answer operator()(const Recorded& r, size_t nth) {
    switch (mode.load()) {
      case Mode::down:
        return {503, R"({"error":{"message":"overloaded","type":"server_error"}})"};
      case Mode::garbage:
        return {200, "<html>502 Bad Gateway</html>"};
      case Mode::slow:
        return {200, text_answer("too late", 1, 1), {}, std::chrono::milliseconds(2500)};
      case Mode::normal:
        break;
    }
    const json body = json::parse(r.body);
    const json& messages = body["messages"];
    const json& last = messages.back();
    const int64_t in = 1000 + static_cast<int64_t>(nth) * 10, out = 40 + static_cast<int64_t>(nth);
    {
      std::lock_guard lock(mu);
      input_tokens += in;
      output_tokens += out;
      ++calls;
    }
    if (body.value("stream", false)) return stream_answer("How can I help ", "you today?", in, out);
    if (last["role"] == "tool") return {200, text_answer(after_tool(messages), in, out)};
    const std::string said = last["content"].get<std::string>();
    const std::string system = messages[0]["content"].get<std::string>();
    if (system.find("found no products") != std::string::npos) {  // the search rewrite
      std::lock_guard lock(mu);
      rewrites_asked.push_back(said);
      return {200, text_answer(said.find("zorbnik") != std::string::npos
                                   ? "```json\n{\"query\": \"wood screws\"}\n```"
                                   : "{\"query\": \"\"}",
                               in, out)};
    }
    if (said.find("fasten wood") != std::string::npos)
      return {200, tool_answer("search_products", {{"query", "wood screws"}}, in, out)};
    if (said.find("first one") != std::string::npos)
      return {200, tool_answer("add_to_cart", {{"sku", first_in_stock(system)}, {"quantity", 3}},
                               in, out)};
    if (said.find("Rahul") != std::string::npos)
      return {200, tool_answer("create_order",
                               {{"name", "Rahul Sharma"},
                                {"phone", "+91 98765 43210"},
                                {"email", "rahul@example.com"},
                                {"address", "14 Park Street"},
                                {"city", "Kolkata"}},
                               in, out)};
    return {200, text_answer("How can I help? [" + system.substr(0, 40) + "]", in, out)};
  }

  static std::string text_answer(const std::string& text, int64_t in, int64_t out) {
    return json{{"id", "chatcmpl-t"},
                {"object", "chat.completion"},
                {"model", "gpt-4o-mini-2024-07-18"},
                {"choices",
                 {{{"index", 0},
                   {"message", {{"role", "assistant"}, {"content", text}}},
                   {"finish_reason", "stop"}}}},
                {"usage", {{"prompt_tokens", in}, {"completion_tokens", out}}}}
        .dump();
  }

 private:
  static std::string tool_answer(const std::string& name, const json& args, int64_t in,
                                 int64_t out) {
    json call = {{"id", "call_" + name},
                 {"type", "function"},
                 {"function", {{"name", name}, {"arguments", args.dump()}}}};
    return json{
        {"id", "chatcmpl-c"},
        {"object", "chat.completion"},
        {"model", "gpt-4o-mini-2024-07-18"},
        {"choices",
         {{{"index", 0},
           {"message", {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", {call}}}},
           {"finish_reason", "tool_calls"}}}},
        {"usage", {{"prompt_tokens", in}, {"completion_tokens", out}}}}
        .dump();
  }

  static Answer stream_answer(const std::string& a, const std::string& b, int64_t in, int64_t out) {
    auto chunk = [](const json& j) { return "data: " + j.dump() + "\n\n"; };
    std::string body =
        chunk({{"choices", {{{"index", 0}, {"delta", {{"content", a}}}}}}}) +
        chunk({{"choices", {{{"index", 0}, {"delta", {{"content", b}}}}}}}) +
        chunk(
            {{"choices", {{{"index", 0}, {"delta", json::object()}, {"finish_reason", "stop"}}}}}) +
        chunk({{"choices", json::array()},
               {"usage", {{"prompt_tokens", in}, {"completion_tokens", out}}}}) +
        "data: [DONE]\n\n";
    return {200, body, {{"Content-Type", "text/event-stream"}}};
  }

  // The first product of the list the model was shown that is in stock.
  static std::string first_in_stock(const std::string& system) {
    const auto at = system.find("{");
    const json state = json::parse(system.substr(at));
    for (const auto& p : state["last_list_shown"])
      if (p["in_stock"].get<bool>()) return p["sku"];
    return "NONE";
  }

  static std::string after_tool(const json& messages) {
    const json& last = messages.back();
    const json result = json::parse(last["content"].get<std::string>());
    if (result.contains("error")) return "Sorry: " + result["error"].get<std::string>();
    const std::string name = last.value("name", "");
    if (result.contains("results")) {
      std::string list = "Found:";
      for (const auto& p : result["results"]) list += " " + p["name"].get<std::string>() + ";";
      return list;
    }
    if (result.contains("added"))
      return "Added " + std::to_string(result["added"]["quantity"].get<int>()) +
             " to your cart. Total " + result["cart"]["total"].dump() + " EUR.";
    if (result.contains("order_id"))
      return "Order " + result["order_id"].get<std::string>() + " is placed. Total " +
             result["total"].dump() + " EUR.";
    return "Done (" + name + ").";
  }
};

struct Api {
  httplib::Client http;
  explicit Api(int port) : http("127.0.0.1", port) { http.set_read_timeout(20, 0); }
  json chat(const std::string& user, const std::string& text) {
    auto r = http.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                       "application/json");
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 200) << r->body;
    return json::parse(r->body, nullptr, false);
  }
  json get(const std::string& path, int expect = 200) {
    httplib::Headers h = {{"Authorization", std::string("Bearer ") + kAdmin}};
    auto r = http.Get(path.c_str(), h);
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, expect) << path << " " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  std::pair<int, json> put(const std::string& path, const json& body) {
    httplib::Headers h = {{"Authorization", std::string("Bearer ") + kAdmin}};
    auto r = http.Put(path.c_str(), h, body.dump(), "application/json");
    EXPECT_TRUE(r);
    if (!r) return {0, json::object()};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  // The billing view once it counted `calls` model calls.
  json billing_after(int64_t calls) {
    json b;
    for (int i = 0; i < 200; ++i) {
      b = get("/api/v1/analytics/billing");
      if (b["totals"]["calls"] == calls) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return b;
  }
};

std::vector<std::string> llm_env(const FakePlatform& fake, const std::string& timeout_ms) {
  return {"PARLEY_ADMIN_TOKEN=" + std::string(kAdmin), "PARLEY_LLM=openai",
          "OPENAI_API_KEY=sk-test", "OPENAI_BASE_URL=" + fake.base() + "/v1",
          "PARLEY_LLM_TIMEOUT=" + timeout_ms};
}

TEST(LlmE2E, AShopperJourneyToAPlacedOrderDrivenOnlyByTheModelsToolCalls) {
  FakeModel model;
  FakePlatform fake([&](const Recorded& r, size_t n) { return model(r, n); });
  testing::TempDir dir;
  Server server(dir.path(), llm_env(fake, "5000"));
  EXPECT_NE(server.log().find("openai gpt-4o-mini"), std::string::npos) << server.log();
  Api api(server.port());

  json found = api.chat("u1", "Hi, I need something to fasten wood");
  EXPECT_EQ(found["brain"], "openai") << found;
  const std::string list = found["replies"][0]["text"];
  EXPECT_EQ(list.rfind("Found:", 0), 0u) << list;
  EXPECT_FALSE(found["replies"][0]["media"].empty()) << found;

  json added = api.chat("u1", "add 3 of the first one please");
  EXPECT_EQ(added["brain"], "openai") << added;
  EXPECT_EQ(added["replies"][0]["text"].get<std::string>().rfind("Added 3", 0), 0u) << added;

  json placed = api.chat("u1",
                         "Rahul Sharma, +91 98765 43210, rahul@example.com, "
                         "14 Park Street, Kolkata. Yes, place the order.");
  const std::string text = placed["replies"][0]["text"];
  std::smatch m;
  ASSERT_TRUE(std::regex_search(text, m, std::regex("Order (ORD-[0-9A-Z]{16}) is placed"))) << text;
  const std::string order_id = m[1];

  // The order entity exists, with the cart's three lines of the product.
  json order = api.get("/api/v1/orders/" + order_id);
  ASSERT_EQ(order["lines"].size(), 1u) << order;
  EXPECT_EQ(order["lines"][0]["quantity"], 3);
  EXPECT_EQ(order["customer"]["city"], "Kolkata");
  EXPECT_EQ(order["total_cents"], 3 * order["lines"][0]["unit_price_cents"].get<int64_t>());

  // The log reads as the offline brain's would: a search, a list, an item, a checkout, an order.
  json events = api.get("/api/v1/conversations/api:u1/events");
  std::vector<std::string> types;
  for (const auto& e : events["events"]) types.push_back(e["type"]);
  for (const char* t : {"conversation.search_performed", "conversation.products_shown",
                        "cart.item_added", "checkout.started", "checkout.details_provided",
                        "checkout.confirmation_requested", "conversation.order_placed"})
    EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;

  // On the wire: the key, the model, the nine tools, the tool results sent back.
  auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 6u);
  EXPECT_EQ(requests[0].path, "/v1/chat/completions");
  EXPECT_EQ(requests[0].headers["authorization"], "Bearer sk-test");
  const json first = json::parse(requests[0].body);
  EXPECT_EQ(first["model"], "gpt-4o-mini");
  EXPECT_EQ(first["tools"].size(), 9u);
  const json second = json::parse(requests[1].body);
  EXPECT_EQ(second["messages"].back()["role"], "tool");
  EXPECT_EQ(second["messages"].back()["tool_call_id"], "call_search_products");
  // Turn three saw the earlier turns.
  const json fifth = json::parse(requests[4].body);
  EXPECT_GE(fifth["messages"].size(), 6u);

  // Billing equals what the fake model reported, priced as gpt-4o-mini.
  json billing = api.billing_after(model.calls);
  EXPECT_EQ(billing["totals"]["calls"], model.calls) << billing;
  EXPECT_EQ(billing["totals"]["input_tokens"], model.input_tokens);
  EXPECT_EQ(billing["totals"]["output_tokens"], model.output_tokens);
  const double expected_usd =
      (static_cast<double>(model.input_tokens) * 0.15 + model.output_tokens * 0.60) / 1e6;
  EXPECT_NEAR(billing["totals"]["cost_usd"].get<double>(), expected_usd, 2e-6);
  ASSERT_EQ(billing["usage"].size(), 1u);
  EXPECT_EQ(billing["usage"][0]["model"], "gpt-4o-mini-2024-07-18");
  EXPECT_EQ(billing["usage"][0]["pricing_source"], "prefix");
  EXPECT_EQ(billing["usage"][0]["agent"], "responder");
  ASSERT_EQ(billing["by_day"].size(), 1u);
  EXPECT_NEAR(billing["by_day"][0]["cost_usd"].get<double>(), expected_usd, 2e-6);
  json per = api.get("/api/v1/analytics/billing/conversations?conversation_id=api:u1");
  ASSERT_EQ(per["conversations"].size(), 1u) << per;
  EXPECT_EQ(per["conversations"][0]["calls"], model.calls);
  EXPECT_EQ(per["conversations"][0]["input_tokens"], model.input_tokens);
  EXPECT_EQ(per["conversations"][0]["fallbacks"], 0);
}

TEST(LlmE2E, ADownSlowOrGarbledModelLeavesTheOfflineBrainToAnswerInTime) {
  FakeModel model;
  FakePlatform fake([&](const Recorded& r, size_t n) { return model(r, n); });
  testing::TempDir dir;
  Server server(dir.path(), llm_env(fake, "1000"));
  Api api(server.port());

  model.mode = FakeModel::Mode::down;
  json down = api.chat("u2", "I need something to fasten wood");
  EXPECT_EQ(down["brain"], "offline") << down;
  EXPECT_EQ(down["fallback"], "unavailable");
  EXPECT_FALSE(down["replies"].empty());

  model.mode = FakeModel::Mode::garbage;
  json garbled = api.chat("u2", "show me drills");
  EXPECT_EQ(garbled["fallback"], "bad_response") << garbled;
  EXPECT_FALSE(garbled["replies"].empty());

  model.mode = FakeModel::Mode::slow;
  const auto start = std::chrono::steady_clock::now();
  json slow = api.chat("u2", "hello");
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(slow["fallback"], "timeout") << slow;
  EXPECT_FALSE(slow["replies"].empty());
  // PARLEY_LLM_TIMEOUT is 1 s and the model takes 2.5 s: the shopper is not kept waiting for it.
  EXPECT_LT(waited, std::chrono::milliseconds(2000));

  // Every failed call and every fallback is in the log, and in billing.
  json billing;
  for (int i = 0; i < 200; ++i) {
    billing = api.get("/api/v1/analytics/billing");
    if (billing["fallbacks"].size() == 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::set<std::string> reasons;
  for (const auto& f : billing["fallbacks"]) reasons.insert(f["reason"]);
  EXPECT_EQ(reasons, (std::set<std::string>{"unavailable", "bad_response", "timeout"})) << billing;
  EXPECT_EQ(billing["totals"]["failed"], billing["totals"]["calls"]);
  json per = api.get("/api/v1/analytics/billing/conversations?conversation_id=api:u2");
  EXPECT_EQ(per["conversations"][0]["fallbacks"], 3) << per;

  // The shopper can go on once the model is back.
  model.mode = FakeModel::Mode::normal;
  EXPECT_EQ(api.chat("u2", "hello again")["brain"], "openai");
}

TEST(LlmE2E, ASearchThatFindsNothingIsAskedAgainInTheExtractorsWords) {
  FakeModel model;
  FakePlatform fake([&](const Recorded& r, size_t n) { return model(r, n); });
  testing::TempDir dir;
  Server server(dir.path(), llm_env(fake, "5000"));
  Api api(server.port());
  // The offline brain answers shoppers; the extractor agent stays on the model.
  auto [status, body] =
      api.put("/api/v1/admin/config", {{"agents", {{"responder", {{"provider", "offline"}}}}}});
  ASSERT_EQ(status, 200) << body;

  // Found by the shop's own words: the model is not asked.
  json found = api.chat("u5", "show me drills");
  EXPECT_EQ(found["brain"], "offline") << found;
  EXPECT_EQ(model.calls, 0);

  json r = api.chat("u5", "I am looking for a zorbnik");
  EXPECT_EQ(r["brain"], "offline") << r;
  ASSERT_EQ(model.rewrites_asked.size(), 1u) << r;
  EXPECT_NE(model.rewrites_asked[0].find("I am looking for a zorbnik"), std::string::npos);
  EXPECT_NE(model.rewrites_asked[0].find("Hardware"), std::string::npos)  // the categories
      << model.rewrites_asked[0];
  // The list shown is what the rewrite found: wood screws.
  const json shown = api.get("/api/v1/conversations/api:u5")["last_shown"];
  ASSERT_FALSE(shown.empty());
  for (const auto& sku : shown) EXPECT_EQ(sku.get<std::string>().rfind("HW-SCR", 0), 0u) << shown;
  const std::string listed = r["replies"][0]["text"];
  EXPECT_NE(listed.find("crew"), std::string::npos) << listed;

  // A rewrite that names nothing leaves the offline answer: nothing found,
  // and the screws stay the list.
  json none = api.chat("u5", "I need a qwxyzzy");
  EXPECT_EQ(model.rewrites_asked.size(), 2u);
  EXPECT_EQ(api.get("/api/v1/conversations/api:u5")["last_shown"], shown);
  EXPECT_FALSE(none["replies"].empty());

  // Both calls are billed, as the extractor's.
  json billing = api.billing_after(2);
  EXPECT_EQ(billing["totals"]["calls"], 2) << billing;
  ASSERT_EQ(billing["usage"].size(), 1u) << billing;
  EXPECT_EQ(billing["usage"][0]["agent"], "extractor");
}

TEST(LlmE2E, AgentsAndPromptsChangeAtRuntimeAsEventsWithHistory) {
  FakeModel model;
  FakePlatform fake([&](const Recorded& r, size_t n) { return model(r, n); });
  testing::TempDir dir;
  {
    Server server(dir.path(), llm_env(fake, "5000"));
    Api api(server.port());
    json config = api.get("/api/v1/admin/config");
    EXPECT_EQ(config["llm"]["agents"]["responder"]["provider"], "openai") << config;
    EXPECT_EQ(config["llm"]["agents"]["responder"]["source"], "default");

    auto [status, prompt] =
        api.put("/api/v1/admin/prompts/responder", {{"text", "Sell like a pirate. Marker PX-77."}});
    EXPECT_EQ(status, 200) << prompt;
    EXPECT_TRUE(prompt["overridden"]);
    api.chat("u3", "hello");
    const json sent = json::parse(fake.requests().back().body);
    EXPECT_EQ(sent["messages"][0]["content"].get<std::string>().rfind(
                  "Sell like a pirate. Marker PX-77.", 0),
              0u);

    EXPECT_EQ(api.put("/api/v1/admin/config",
                      {{"agents", {{"responder", {{"provider", "anthropic"}, {"model", "x"}}}}}})
                  .first,
              422);
    EXPECT_EQ(api.put("/api/v1/admin/config",
                      {{"agents", {{"closer", {{"provider", "openai"}, {"model", "x"}}}}}})
                  .first,
              422);
    EXPECT_EQ(api.put("/api/v1/admin/prompts/nope", {{"text", "x"}}).first, 404);
    EXPECT_EQ(api.put("/api/v1/admin/config", {{"agents", 3}}).first, 400);
    auto off =
        api.put("/api/v1/admin/config", {{"agents", {{"responder", {{"provider", "offline"}}}}}});
    EXPECT_EQ(off.first, 200) << off.second;
    const size_t before = fake.requests().size();
    EXPECT_EQ(api.chat("u3", "I need something to fasten wood")["brain"], "offline");
    EXPECT_EQ(fake.requests().size(), before);

    json options = api.get("/api/v1/admin/llm/options");
    std::map<std::string, bool> available;
    for (const auto& p : options["providers"]) available[p["name"]] = p["available"];
    EXPECT_TRUE(available["openai"]);
    EXPECT_FALSE(available["anthropic"]);
    EXPECT_EQ(options["agents"], json({"responder", "extractor", "media"}));

    // Only admins.
    httplib::Client anon("127.0.0.1", server.port());
    auto r = anon.Get("/api/v1/admin/config");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(api.put("/api/v1/admin/prompts/responder", {{"text", ""}}).first, 200);
  }
  // After a restart: the same settings, and the prompt's history.
  Server again(dir.path(), llm_env(fake, "5000"));
  Api api(again.port());
  json config = api.get("/api/v1/admin/config");
  EXPECT_EQ(config["llm"]["agents"]["responder"]["provider"], "offline") << config;
  EXPECT_EQ(config["llm"]["agents"]["responder"]["source"], "configured");
  json prompt = api.get("/api/v1/admin/prompts/responder");
  EXPECT_FALSE(prompt["overridden"]);
  ASSERT_EQ(prompt["history"].size(), 2u) << prompt;
  EXPECT_EQ(prompt["history"][0]["text"], "Sell like a pirate. Marker PX-77.");
  EXPECT_EQ(prompt["history"][0]["by"], "admin");
  EXPECT_TRUE(prompt["history"][1]["reset"]);
  EXPECT_EQ(prompt["text"], prompt["default"]);
}

std::vector<std::pair<std::string, json>> sse_events(const std::string& body) {
  std::vector<std::pair<std::string, json>> out;
  std::regex re("event: ([a-z]+)\ndata: ([^\n]*)\n\n");
  for (std::sregex_iterator it(body.begin(), body.end(), re), end; it != end; ++it)
    out.emplace_back((*it)[1], json::parse((*it)[2].str()));
  return out;
}

TEST(LlmE2E, ChatStreamSendsThinkingContentMetaAndDoneForBothBrains) {
  FakeModel model;
  FakePlatform fake([&](const Recorded& r, size_t n) { return model(r, n); });
  testing::TempDir dir;
  Server server(dir.path(), llm_env(fake, "5000"));
  Api api(server.port());

  auto stream = [&](const std::string& text) {
    auto r = api.http.Post("/api/v1/chat/stream", json{{"user_id", "u4"}, {"text", text}}.dump(),
                           "application/json");
    EXPECT_TRUE(r);
    if (!r) return std::vector<std::pair<std::string, json>>{};
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/event-stream");
    return sse_events(r->body);
  };
  auto events = stream("hello");
  ASSERT_GE(events.size(), 5u);
  EXPECT_EQ(events.front().first, "thinking");
  std::string content;
  for (const auto& [name, data] : events)
    if (name == "content") content += data.value("delta", "");
  EXPECT_EQ(content, "How can I help you today?");
  EXPECT_EQ(events[events.size() - 2].first, "meta");
  EXPECT_EQ(events[events.size() - 2].second["brain"], "openai");
  EXPECT_EQ(events[events.size() - 2].second["replies"][0]["text"], content);
  EXPECT_EQ(events.back().first, "done");

  api.put("/api/v1/admin/config", {{"agents", {{"responder", {{"provider", "offline"}}}}}});
  events = stream("I need something to fasten wood");
  ASSERT_GE(events.size(), 4u);
  const auto& meta = events[events.size() - 2];
  EXPECT_EQ(meta.first, "meta");
  EXPECT_EQ(meta.second["brain"], "offline");
  std::string offline;
  for (const auto& [name, data] : events)
    if (name == "content") offline += data.value("delta", "");
  EXPECT_EQ(offline, meta.second["replies"][0]["text"].get<std::string>());

  // A bad body is a plain JSON 400, not a stream.
  auto bad = api.http.Post("/api/v1/chat/stream", "{", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("invalid_json"), std::string::npos);
}

TEST(LlmE2E, AnLlmWithoutItsKeyIsAClearStartupError) {
  testing::TempDir dir;
  auto [code, out, err] = testing::run(
      {PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=0",
                              "PARLEY_LLM=anthropic", "ANTHROPIC_API_KEY=", "ANTHROPIC_BASE_URL="});
  EXPECT_NE(code, 0);
  EXPECT_NE(err.find("PARLEY_LLM=anthropic needs ANTHROPIC_API_KEY"), std::string::npos) << err;
}

}  // namespace
}  // namespace parley
