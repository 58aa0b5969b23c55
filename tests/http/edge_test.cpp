// The edge against a real listening socket on loopback.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "actors/engine.hpp"
#include "events/memory_event_store.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "projections/catalog_view.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A connection from `source` (any 127.x.y.z address is this machine).
int connect_from(const char* source, int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// A TCP connection to the edge on loopback; -1 if it failed.
int connect_to(int port) {
  return connect_from("127.0.0.1", port);
}

class Edge : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = std::make_unique<actors::Engine>(store_, writer_, actors::EngineOptions{});
    ctx_ = std::make_unique<ApiContext>(
        ApiContext{*engine_, store_, 5000ms, [] { return int64_t{1795000000000000}; },
                   [] { return std::string("req-test"); }, &accepting_});
    ctx_->auth = &auth_;
    register_api(router_, *ctx_, [this] {
      return render_prometheus(*metrics_,
                               {writer_.stats(), engine_->stats(), store_.last_position()});
    });
    metrics_ = std::make_unique<HttpMetrics>(router_.patterns());
    ServerOptions o;
    o.port = 0;
    o.threads = 16;
    o.max_body = kMaxBody;
    server_ = std::make_unique<HttpServer>(o, router_, *metrics_);
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(10, 0);
    client_->set_default_headers({{"Authorization", "Bearer edge-admin"}});
  }
  void TearDown() override {
    server_->stop();
    engine_->shutdown();
    writer_.stop();
  }
  httplib::Result post_chat(const std::string& body) {
    return client_->Post("/api/v1/chat", body, "application/json");
  }
  static std::string error_code(const httplib::Result& r) {
    auto j = json::parse(r->body, nullptr, false);
    EXPECT_TRUE(j.is_object()) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    return j.is_object() ? j["error"]["code"].get<std::string>() : "";
  }
  // Sends raw bytes on a fresh connection; returns what came back.
  std::string raw(const std::string& bytes) {
    int fd = connect_to(server_->port());
    EXPECT_GE(fd, 0);
    EXPECT_EQ(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(bytes.size()));
    shutdown(fd, SHUT_WR);
    std::string out;
    char buf[4096];
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
      out.append(buf, static_cast<size_t>(n));
    close(fd);
    return out;
  }
  void expect_still_serving() {
    auto r = post_chat(R"({"user_id":"alive","text":"ping"})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }

  static constexpr size_t kMaxBody = 1 << 20;
  events::MemoryEventStore store_;
  events::GroupCommitWriter writer_{store_};
  std::unique_ptr<actors::Engine> engine_;
  std::atomic<bool> accepting_{true};
  Authorizer auth_{"edge-admin"};
  std::unique_ptr<ApiContext> ctx_;
  Router router_;
  std::unique_ptr<HttpMetrics> metrics_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(Edge, ReadinessReportsProjectionLag) {
  projections::CatalogView catalog(store_);
  ctx_->projections = {{"catalog", [&catalog] { return catalog.checkpoint(); }}};
  for (int i = 0; i < 3; ++i) post_chat(R"({"user_id":"u","text":"hola"})");
  auto r = client_->Get("/readyz");
  EXPECT_EQ(r->status, 200);  // 6 events behind is within the allowed lag
  EXPECT_EQ(json::parse(r->body)["projections"]["catalog"]["lag"], 6);
  ASSERT_TRUE(catalog.catch_up().ok());
  EXPECT_EQ(json::parse(client_->Get("/readyz")->body)["projections"]["catalog"]["lag"], 0);

  events::AppendRequest bulk{{"bulk", "b"}, 0, {}, {}};
  for (uint64_t i = 0; i <= kReadyLag; ++i) bulk.events.push_back({"bulk.tick", 1, 1, "", "{}"});
  ASSERT_TRUE(store_.append(bulk).status.ok());
  r = client_->Get("/readyz");
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(error_code(r), "projections_behind");
  EXPECT_EQ(json::parse(r->body)["projections"]["catalog"]["lag"], kReadyLag + 1);
  ASSERT_TRUE(catalog.catch_up().ok());
  EXPECT_EQ(client_->Get("/readyz")->status, 200);
  ctx_->projections.clear();
}

TEST_F(Edge, HealthAndReadiness) {
  auto h = client_->Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(json::parse(h->body)["status"], "ok");
  auto r = client_->Get("/readyz");
  EXPECT_EQ(r->status, 200);
  accepting_ = false;
  r = client_->Get("/readyz");
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(error_code(r), "shutting_down");
}

TEST_F(Edge, ChatRecordsTheMessageAndTheReply) {
  auto r = post_chat(R"({"user_id":"u1","text":"hola","channel":"api"})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto body = json::parse(r->body);
  EXPECT_EQ(body["conversation_id"], "api:u1");
  ASSERT_EQ(body["replies"].size(), 1u);
  EXPECT_FALSE(body["replies"][0]["text"].get<std::string>().empty());

  auto conv = client_->Get("/api/v1/conversations/api:u1");
  ASSERT_EQ(conv->status, 200);
  auto view = json::parse(conv->body);
  EXPECT_EQ(view["channel"], "api");
  EXPECT_EQ(view["handoff"], false);
  ASSERT_EQ(view["messages"].size(), 2u);
  EXPECT_EQ(view["messages"][0]["direction"], "in");
  EXPECT_EQ(view["messages"][0]["text"], "hola");
  EXPECT_EQ(view["messages"][1]["direction"], "out");
  EXPECT_EQ(view["messages"][1]["text"], body["replies"][0]["text"]);

  auto evs = client_->Get("/api/v1/conversations/api:u1/events");
  ASSERT_EQ(evs->status, 200);
  auto list = json::parse(evs->body)["events"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["type"], "conversation.message_received");
  EXPECT_EQ(list[0]["causation_id"], "req-test");
  EXPECT_EQ(list[0]["seq"], 1);
  EXPECT_EQ(list[0]["timestamp"], "2026-11-18T11:06:40.000000Z");
  EXPECT_EQ(list[1]["causation_id"], "api:u1#1");
  auto page = client_->Get("/api/v1/conversations/api:u1/events?from_seq=2&limit=1");
  EXPECT_EQ(json::parse(page->body)["events"][0]["seq"], 2);
}

TEST_F(Edge, RedeliveredMessageIdIsAnsweredWithoutRecording) {
  auto a = post_chat(R"({"user_id":"u1","text":"hola","message_id":"m-1"})");
  auto b = post_chat(R"({"user_id":"u1","text":"hola","message_id":"m-1"})");
  ASSERT_EQ(b->status, 200);
  EXPECT_EQ(json::parse(b->body)["duplicate"], true);
  EXPECT_EQ(json::parse(a->body)["replies"], json::parse(b->body)["replies"]);
  EXPECT_EQ(store_.last_position(), 2u);
}

TEST_F(Edge, BadBodiesAre400WithTheReason) {
  EXPECT_EQ(error_code(post_chat("{not json")), "invalid_json");
  EXPECT_EQ(error_code(post_chat("[1,2]")), "invalid_json");
  EXPECT_EQ(error_code(post_chat("")), "invalid_json");
  EXPECT_EQ(error_code(post_chat(R"({"text":"x"})")), "missing_field");
  EXPECT_EQ(error_code(post_chat(R"({"user_id":"u","text":5})")), "invalid_field");
  EXPECT_EQ(error_code(post_chat(R"({"user_id":"","text":"x"})")), "invalid_field");
  EXPECT_EQ(error_code(post_chat(R"({"user_id":"u","text":"x","channel":"a b"})")),
            "invalid_field");
  EXPECT_EQ(post_chat("{not json")->status, 400);
  EXPECT_EQ(store_.last_position(), 0u);
  expect_still_serving();
}

TEST_F(Edge, RefusedTextIs422) {
  auto r = post_chat(R"({"user_id":"u","text":"  "})");
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(error_code(r), "empty_text");
}

// Issue 17, item 2: the cap is checked before any understanding.
TEST_F(Edge, TextOverTheCapIs422AndRecordsNothing) {
  const std::string text(domain::conversation::kMaxTextBytes + 1, 'a');
  auto r = post_chat(json{{"user_id", "u"}, {"text", text}}.dump());
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(error_code(r), "text_too_long");
  r = post_chat(json{{"user_id", "u"}, {"text", text.substr(1)}}.dump());
  EXPECT_EQ(r->status, 200) << "the cap itself is allowed";
  EXPECT_EQ(store_.last_position(), 2u);
}

// Issue 17, item 4: conversations are personal data.
TEST_F(Edge, ConversationsNeedARole) {
  ASSERT_EQ(post_chat(R"({"user_id":"u1","text":"hola"})")->status, 200);
  httplib::Client anonymous("127.0.0.1", server_->port());
  auto r = anonymous.Get("/api/v1/conversations/api:u1");
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(error_code(r), "unauthorized");
  EXPECT_EQ(anonymous.Get("/api/v1/conversations/api:u1/events")->status, 401);
  EXPECT_EQ(client_->Get("/api/v1/conversations/api:u1")->status, 200);
}

// Issue 17, item 3: without a token the REST chat is the api channel.
TEST_F(Edge, WithoutATokenTheChannelIsAlwaysApi) {
  httplib::Client anonymous("127.0.0.1", server_->port());
  auto r = anonymous.Post("/api/v1/chat", R"({"user_id":"7","text":"hola","channel":"telegram"})",
                          "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "api:7");
  r = post_chat(R"({"user_id":"7","text":"hola","channel":"telegram"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "telegram:7") << "the admin may";
  auto evs = client_->Get("/api/v1/conversations/telegram:7/events");
  EXPECT_EQ(json::parse(evs->body)["events"][0]["payload"]["via"], "api");
}

// Issue 17, item 12: such ids failed in the store and answered 503 "retry".
TEST_F(Edge, IdsWithControlCharactersOrOverTheLimitAre400) {
  for (const std::string& id :
       {std::string("a%00b"), std::string(300, 'a'), std::string("x%01y")}) {
    auto r = client_->Get(("/api/v1/conversations/" + id).c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << id;
    EXPECT_EQ(error_code(r), "invalid_id");
    r = client_->Get(("/api/v1/orders/" + id).c_str());
    EXPECT_EQ(r->status, 400) << id;
  }
  EXPECT_EQ(client_->Get(("/api/v1/conversations/" + std::string(200, 'a')).c_str())->status, 404);
  expect_still_serving();
}

// Probe: path ids were percent-decoded twice (cpp-httplib, then the router),
// so "%2541" named "A", and an id with an encoded "/" matched no route.
TEST_F(Edge, PathIdsAreDecodedOnce) {
  ASSERT_EQ(post_chat(R"({"user_id":"a%41","text":"hola"})")->status, 200);
  ASSERT_EQ(post_chat(R"({"user_id":"b/c","text":"hola"})")->status, 200);
  ASSERT_EQ(post_chat(R"({"user_id":"aA","text":"hola"})")->status, 200);
  auto r = client_->Get("/api/v1/conversations/api:a%2541");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "api:a%41");
  r = client_->Get("/api/v1/conversations/api:b%2Fc");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "api:b/c");
}

TEST_F(Edge, UnknownRoutesAndConversationsAre404) {
  auto r = client_->Get("/nope");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(error_code(r), "not_found");
  r = client_->Get("/api/v1/conversations/api:nobody");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(error_code(r), "not_found");
  r = client_->Get("/api/v1/conversations/api:nobody/events");
  EXPECT_EQ(r->status, 404);
}

TEST_F(Edge, WrongMethodIs405WithAllow) {
  auto r = client_->Delete("/api/v1/chat");
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
  EXPECT_EQ(error_code(r), "method_not_allowed");
  r = client_->Get("/api/v1/chat");
  EXPECT_EQ(r->status, 405);
}

TEST_F(Edge, BadQueryParametersAre400) {
  post_chat(R"({"user_id":"u1","text":"hola"})");
  auto r = client_->Get("/api/v1/conversations/api:u1/events?limit=abc");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_code(r), "invalid_parameter");
  EXPECT_EQ(client_->Get("/api/v1/conversations/api:u1/events?limit=0")->status, 400);
  EXPECT_EQ(client_->Get("/api/v1/conversations/api:u1?limit=-1")->status, 400);
}

TEST_F(Edge, BodyOverTheLimitIs413) {
  auto r = post_chat(std::string(kMaxBody + 1, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(error_code(r), "payload_too_large");
  // Form-encoded (the default of many clients) is treated the same.
  r = client_->Post("/api/v1/chat", std::string(kMaxBody + 1, 'x'),
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 413);
  // Chunked, with no length announced.
  size_t sent = 0;
  r = client_->Post(
      "/api/v1/chat",
      [&](size_t, httplib::DataSink& sink) {
        std::string chunk(64 * 1024, 'y');
        sink.write(chunk.data(), chunk.size());
        if ((sent += chunk.size()) > 2 * kMaxBody) sink.done();
        return true;
      },
      "application/json");
  // The server answers 413 and closes; a client still writing its chunks at
  // that moment may see the connection reset instead of the answer (1 run in
  // ~20 under ctest -j2). Either way nothing is stored and the edge serves on.
  if (r) {
    EXPECT_EQ(r->status, 413);
  }
  EXPECT_EQ(store_.last_position(), 0u);
  expect_still_serving();
}

// Issue 17, item 11: an endless chunked body was read in full (6 GiB in 8 s).
TEST_F(Edge, AnEndlessChunkedBodyIsCutOffAtTheLimit) {
  int fd = connect_to(server_->port());
  ASSERT_GE(fd, 0);
  const std::string head =
      "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'z') + "\r\n";
  timeval tv{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  size_t sent = 0;
  constexpr size_t kBudget = 64u << 20;  // the test's own bound
  while (sent < kBudget) {
    const ssize_t n = send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
    if (n <= 0) break;  // the server stopped reading and closed
    sent += static_cast<size_t>(n);
  }
  EXPECT_LT(sent, 16 * kMaxBody) << "the server kept reading past its limit";
  std::string answer;
  char buf[4096];
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
    answer.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_NE(answer.find(" 413 "), std::string::npos) << answer.substr(0, 200);
  EXPECT_EQ(store_.last_position(), 0u);
  expect_still_serving();
}

// A socket to the edge that sends `bytes` and then nothing more.
int open_slow(int port, const std::string& bytes) {
  int fd = connect_to(port);
  if (fd >= 0 && !bytes.empty()) send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  return fd;
}

// Issue 17, item 7: ~128 sockets that sent one header line every 2 s (or
// nothing) held every cpp-httplib thread, and /healthz stopped answering.
TEST_F(Edge, SlowClientsDoNotStopOthersBeingServed) {
  std::vector<int> slow;
  for (int i = 0; i < 200; ++i)  // far more than the 16 workers of this server
    slow.push_back(open_slow(server_->port(), i % 2 ? "GET /healthz HTTP/1.1\r\nX-Slow: " : ""));
  for (int round = 0; round < 3; ++round) {
    for (int fd : slow) send(fd, "a", 1, MSG_NOSIGNAL);  // still "sending its headers"
    httplib::Client other("127.0.0.1", server_->port());
    other.set_connection_timeout(2, 0);
    other.set_read_timeout(2, 0);
    auto r = other.Get("/healthz");
    ASSERT_TRUE(r) << "round " << round << ": /healthz did not answer";
    EXPECT_EQ(r->status, 200);
  }
  expect_still_serving();
  for (int fd : slow) close(fd);
}

TEST(EdgeGate, AHeadNotSentInTimeIsClosedAndEachAddressIsCapped) {
  Router router;
  router.add("GET", "/healthz", [](const HttpRequest&) { return json_ok(R"({"status":"ok"})"); });
  HttpMetrics metrics(router.patterns());
  ServerOptions o;
  o.port = 0;
  o.threads = 4;
  o.head_timeout = std::chrono::milliseconds(300);
  o.max_connections_per_address = 8;
  HttpServer server(o, router, metrics);
  std::string error;
  ASSERT_TRUE(server.start(&error)) << error;
  // A head that never ends is closed after its 300 ms.
  int fd = open_slow(server.port(), "GET /healthz HTTP/1.1\r\nX-Slow: a");
  timeval tv{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char c;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(recv(fd, &c, 1, 0), 0) << "closed by the server";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  close(fd);
  // The ninth connection from one address is closed at once.
  std::vector<int> held;
  for (int i = 0; i < 8; ++i) held.push_back(open_slow(server.port(), ""));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  fd = open_slow(server.port(), "");
  EXPECT_EQ(recv(fd, &c, 1, 0), 0) << "refused: over the per-address cap";
  close(fd);
  EXPECT_NE(server.gate_metrics().find("parley_http_connections_refused_total 1"),
            std::string::npos)
      << server.gate_metrics();
  for (int h : held) close(h);
  server.stop();
}

// All that comes back on `fd` within `seconds`.
std::string read_all(int fd, int seconds) {
  timeval tv{seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
  return out;
}

struct SmallServer {
  Router router;
  std::unique_ptr<HttpMetrics> metrics;
  std::unique_ptr<HttpServer> server;
  explicit SmallServer(ServerOptions o) {
    router.add("GET", "/healthz", [](const HttpRequest&) { return json_ok(R"({"status":"ok"})"); });
    router.add("GET", "/slow", [](const HttpRequest&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(800));
      return json_ok("{}");
    });
    router.add("POST", "/echo", [](const HttpRequest& r) { return json_ok(r.body); });
    metrics = std::make_unique<HttpMetrics>(router.patterns());
    o.port = 0;
    server = std::make_unique<HttpServer>(o, router, *metrics);
    std::string error;
    EXPECT_TRUE(server->start(&error)) << error;
  }
};

// Probe F2: a queued connection's head deadline passed while it waited for a
// worker; the sweep closed it and its fd, reused, was served to a stranger.
TEST(EdgeGate, AConnectionWaitingForAWorkerIsNeverClosedBehindTheQueue) {
  ServerOptions o;
  o.threads = 1;
  o.head_timeout = std::chrono::milliseconds(300);
  SmallServer s(o);
  int busy = connect_to(s.server->port());
  const std::string slow = "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n";
  send(busy, slow.data(), slow.size(), MSG_NOSIGNAL);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int queued = connect_to(s.server->port());
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  send(queued, get.data(), get.size(), MSG_NOSIGNAL);
  const auto answer = read_all(queued, 3);
  EXPECT_NE(answer.find("200 OK"), std::string::npos)
      << "queued past its head deadline: " << answer;
  close(busy);
  close(queued);
}

// Probe F1: 130 connections trickling their bodies held every worker.
TEST(EdgeGate, OneAddressTricklingBodiesCannotHoldEveryWorker) {
  ServerOptions o;
  o.threads = 4;
  o.max_serving_per_address = 2;
  o.request_read_timeout = std::chrono::milliseconds(3000);
  SmallServer s(o);
  std::vector<int> slow;
  for (int i = 0; i < 6; ++i) {
    int fd = connect_from("127.0.0.1", s.server->port());
    const std::string head =
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n{";
    send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int other = connect_from("127.0.0.2", s.server->port());
  ASSERT_GE(other, 0);
  const auto start = std::chrono::steady_clock::now();
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  send(other, get.data(), get.size(), MSG_NOSIGNAL);
  const auto answer = read_all(other, 5);
  EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
  for (int fd : slow) close(fd);
  close(other);
}

// Probe F4: bodies the two parsers of a proxy chain would frame differently.
TEST(EdgeGate, AmbiguousFramingIs400AndTheConnectionCloses) {
  SmallServer s(ServerOptions{});
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string& framing :
       {std::string("Content-Length: 2\r\nContent-Length: 40\r\n"),
        std::string("Content-Length: abc\r\n"),
        std::string("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"),
        std::string("Transfer-Encoding: gzip, chunked\r\n")}) {
    int fd = connect_to(s.server->port());
    const std::string request =
        "POST /echo HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n{}" + smuggled;
    send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    const auto answer = read_all(fd, 3);
    close(fd);
    EXPECT_NE(answer.find("400 Bad Request"), std::string::npos) << framing << answer;
    EXPECT_NE(answer.find("bad_framing"), std::string::npos) << framing;
    EXPECT_EQ(answer.find("200 OK"), std::string::npos) << "the smuggled request ran: " << framing;
  }
  // A body refused unread (413) closes the connection: what follows is not a request.
  int fd = connect_to(s.server->port());
  const std::string big = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n";
  send(fd, (big + smuggled).data(), big.size() + smuggled.size(), MSG_NOSIGNAL);
  const auto answer = read_all(fd, 3);
  close(fd);
  EXPECT_NE(answer.find("413"), std::string::npos) << answer;
  EXPECT_EQ(answer.find("200 OK"), std::string::npos) << answer;
}

// Issue 22: a request is read through a buffer, so bytes of the next request
// can arrive with it. Two requests sent in one write are both answered, in
// order, and the second one's head is checked like any other.
TEST(EdgeGate, PipelinedRequestsInOneWriteAreEachAnswered) {
  SmallServer s(ServerOptions{});
  int fd = connect_to(s.server->port());
  const std::string two =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 9\r\n\r\n{\"n\":\"1\"}"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 9\r\nConnection: close\r\n\r\n{\"n\":\"2\"}";
  ASSERT_EQ(send(fd, two.data(), two.size(), MSG_NOSIGNAL), static_cast<ssize_t>(two.size()));
  const auto answer = read_all(fd, 3);
  close(fd);
  const auto first = answer.find(R"({"n":"1"})");
  const auto second = answer.find(R"({"n":"2"})");
  ASSERT_NE(first, std::string::npos) << answer;
  ASSERT_NE(second, std::string::npos) << answer;
  EXPECT_LT(first, second);
}

TEST(EdgeGate, APipelinedRequestWithAmbiguousFramingIs400) {
  SmallServer s(ServerOptions{});
  int fd = connect_to(s.server->port());
  const std::string good = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string bad =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}";
  const std::string both = good + bad;
  ASSERT_EQ(send(fd, both.data(), both.size(), MSG_NOSIGNAL), static_cast<ssize_t>(both.size()));
  const auto answer = read_all(fd, 3);
  close(fd);
  EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
  EXPECT_NE(answer.find("bad_framing"), std::string::npos) << answer;
}

// Probe F9: with SO_REUSEPORT a second server shared the port, and the chats.
TEST(EdgeGate, ASecondServerCannotTakeTheSamePort) {
  SmallServer first(ServerOptions{});
  Router router;
  HttpMetrics metrics(router.patterns());
  ServerOptions o;
  o.port = first.server->port();
  HttpServer second(o, router, metrics);
  std::string error;
  EXPECT_FALSE(second.start(&error));
  EXPECT_NE(error.find("cannot listen"), std::string::npos) << error;
}

TEST_F(Edge, OneMebibyteOfGarbageIs400AndChangesNothing) {
  std::string garbage(kMaxBody, '\0');
  std::mt19937 rng(7);
  for (auto& c : garbage) c = static_cast<char>(rng());
  auto r = client_->Post("/api/v1/chat", garbage, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_code(r), "invalid_json");
  // A form-encoded body above cpp-httplib's own 8 KiB form limit reaches us too.
  r = client_->Post("/api/v1/chat", garbage, "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(store_.last_position(), 0u);
  expect_still_serving();
}

TEST_F(Edge, MalformedRequestsDoNotStopTheServer) {
  // cpp-httplib either answers 400 or just closes; either way it carries on.
  auto reply = raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(reply.empty() || reply.rfind("HTTP/1.1 400", 0) == 0) << reply;
  raw(std::string(10000, '\xff'));
  raw("POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"user");  // short
  expect_still_serving();
}

TEST_F(Edge, MetricsCountRoutesAppendsAndActors) {
  post_chat(R"({"user_id":"u1","text":"hola"})");
  client_->Get("/nope");
  auto m = client_->Get("/metrics");
  ASSERT_EQ(m->status, 200);
  const auto& text = m->body;
  EXPECT_NE(text.find("parley_http_requests_total{route=\"/api/v1/chat\",status=\"200\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("parley_http_requests_total{route=\"unmatched\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          "parley_http_request_duration_seconds_bucket{route=\"/api/v1/chat\",le=\"+Inf\"} 1"),
      std::string::npos);
  EXPECT_NE(text.find("parley_appends_total 1"), std::string::npos);
  EXPECT_NE(text.find("parley_events_appended_total 2"), std::string::npos);
  EXPECT_NE(text.find("parley_append_batch_size_count 1"), std::string::npos);
  EXPECT_NE(text.find("parley_live_actors 1"), std::string::npos);
  EXPECT_NE(text.find("parley_log_position 2"), std::string::npos);
}

TEST_F(Edge, ConcurrentClientsAllGetAnswers) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < 25; ++i) {
        auto r = c.Post("/api/v1/chat",
                        json{{"user_id", "u" + std::to_string(t % 3)}, {"text", "m"}}.dump(),
                        "application/json");
        if (r && r->status == 200) ++ok;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 200);
  EXPECT_EQ(store_.last_position(), 400u);
}

}  // namespace
}  // namespace parley::http
