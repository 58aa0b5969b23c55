// The shopper fixture of the journey and conversation tests: a whole engine
// with the demo catalog behind POST /api/v1/chat on loopback, and helpers to
// say something, read the conversation back and check a placed order.
// PARLEY_JOURNEY_TRACE=1 prints every exchange.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "actors/engine.hpp"
#include "actors/product_commands.hpp"
#include "events/memory_event_store.hpp"
#include "http/api.hpp"
#include "http/product_api.hpp"
#include "http/server.hpp"
#include "projections/catalog_view.hpp"

namespace parley::testing {

using nlohmann::json;
using namespace std::chrono_literals;

class Journey : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {}
  void SetUp() override {
    std::ifstream in(PARLEY_DEMO_CATALOG);
    std::string csv((std::istreambuf_iterator<char>(in)), {});
    ASSERT_EQ(commands_.import(domain::parse_catalog_csv(csv), "test").changed, 320u);
    ASSERT_TRUE(catalog_.catch_up().ok());
    actors::EngineOptions o;
    o.conversations.catalog = [this] { return catalog_.snapshot(); };
    engine_ = std::make_unique<actors::Engine>(store_, writer_, o);
    ctx_ = std::make_unique<http::ApiContext>(http::ApiContext{
        *engine_, store_, 5000ms, [] { return int64_t{1795341600000000}; },  // 2026-11-22
        [] { return std::string("req-test"); }, nullptr});
    ctx_->auth = &auth_;
    http::register_api(router_, *ctx_, [] { return std::string(); });
    http::register_product_api(router_, product_ctx_);
    metrics_ = std::make_unique<http::HttpMetrics>(router_.patterns());
    http::ServerOptions so;
    so.port = 0;
    so.threads = 4;
    server_ = std::make_unique<http::HttpServer>(so, router_, *metrics_);
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_default_headers({{"Authorization", "Bearer journey-admin"}});
  }
  void TearDown() override {
    server_->stop();
    engine_->shutdown();
    writer_.stop();
  }

  // Sends one message; returns the replies' texts joined.
  std::string say(const std::string& user, const std::string& text) {
    auto r = client_->Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                           "application/json");
    EXPECT_TRUE(r);
    if (!r) return "";
    EXPECT_EQ(r->status, 200) << r->body;
    auto body = json::parse(r->body);
    std::string all;
    for (const auto& reply : body["replies"]) all += reply["text"].get<std::string>() + "\n";
    if (std::getenv("PARLEY_JOURNEY_TRACE")) std::printf("> %s\n< %s", text.c_str(), all.c_str());
    last_media_ = 0;
    for (const auto& reply : body["replies"])
      last_media_ += reply.value("media", json::array()).size();
    return all;
  }
  json view(const std::string& user) {
    return json::parse(client_->Get(("/api/v1/conversations/api:" + user).c_str())->body);
  }
  std::string shown(const std::string& user, size_t i) {
    auto v = view(user)["last_shown"];
    EXPECT_GT(v.size(), i) << "nothing was shown";
    return v.size() > i ? v[i].get<std::string>() : "";
  }
  json order(const std::string& id) {
    auto r = client_->Get(("/api/v1/orders/" + id).c_str());
    EXPECT_EQ(r->status, 200) << r->body;
    return json::parse(r->body);
  }
  int64_t price_cents(const std::string& sku) {
    return catalog_.snapshot()->index.find(sku)->price_cents;
  }
  std::vector<events::EventEnvelope> envelopes(const std::string& type, const std::string& id) {
    std::vector<events::EventEnvelope> envs;
    store_.read_stream({type, id}, 1, SIZE_MAX, &envs);
    return envs;
  }
  std::vector<std::string> event_types(const std::string& type, const std::string& id) {
    const auto envs = envelopes(type, id);
    std::vector<std::string> out;
    for (const auto& e : envs) out.push_back(e.type);
    return out;
  }

  // Asserts the conversation ended with one placed order holding `sku` x qty.
  std::string expect_order(const std::string& user, const std::string& sku, int64_t qty) {
    auto v = view(user);
    EXPECT_EQ(v["stage"], "closing");
    EXPECT_TRUE(v["cart"]["lines"].empty()) << "the cart empties when the order is placed";
    EXPECT_FALSE(v["orders"].empty());
    if (v["orders"].empty()) return "";
    const std::string id = v["orders"].back();
    auto o = order(id);
    EXPECT_EQ(o["status"], "placed");
    EXPECT_EQ(o["conversation_id"], "api:" + user);
    EXPECT_EQ(o["lines"].size(), 1u);
    EXPECT_EQ(o["lines"][0]["sku"], sku);
    EXPECT_EQ(o["lines"][0]["quantity"], qty);
    EXPECT_EQ(o["total_cents"], qty * price_cents(sku));
    // The stock is taken with the placement, in one append (issue 17, item 15).
    EXPECT_EQ(event_types("order", id),
              (std::vector<std::string>{"order.placed", "order.stock_reserved"}));
    EXPECT_EQ(event_types("product", sku).back(), "catalog.stock_changed");
    auto conv = event_types("conversation", "api:" + user);
    EXPECT_NE(std::find(conv.begin(), conv.end(), "conversation.order_placed"), conv.end());
    EXPECT_NE(std::find(conv.begin(), conv.end(), "checkout.confirmation_requested"), conv.end());
    return id;
  }

  events::MemoryEventStore store_;
  events::GroupCommitWriter writer_{store_};
  actors::ProductCommands commands_{store_, writer_, [] { return int64_t{1}; }};
  projections::CatalogView catalog_{store_};
  http::ProductApiContext product_ctx_{commands_, catalog_, http::Authorizer("t")};
  std::unique_ptr<actors::Engine> engine_;
  http::Authorizer auth_{"journey-admin"};
  std::unique_ptr<http::ApiContext> ctx_;
  http::Router router_;
  std::unique_ptr<http::HttpMetrics> metrics_;
  std::unique_ptr<http::HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
  size_t last_media_ = 0;
};

}  // namespace parley::testing
