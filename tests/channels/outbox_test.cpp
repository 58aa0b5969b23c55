// The outbox against a fake Telegram on loopback: exact wire format, order per
// chat, retries on 500/429/timeouts, dead letters and their retry, and a
// replay that sends what the log says is undelivered and nothing else.
#include "channels/outbox.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/adapters.hpp"
#include "channels/notice_index.hpp"
#include "channels/outbox_feed.hpp"
#include "domain/conversation.hpp"
#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"
#include "events/group_commit_writer.hpp"
#include "events/memory_event_store.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::channels {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
namespace conv = domain::conversation;

int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Answer ok_answer(size_t n) {
  return {200, R"({"ok":true,"result":{"message_id":)" + std::to_string(n) + "}}"};
}

struct Rig {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  FakePlatform platform;
  std::unique_ptr<Outbox> outbox;
  std::unique_ptr<OutboxFeed> feed;
  std::map<std::string, uint64_t> heads;  // conversation stream heads

  explicit Rig(FakePlatform::Responder responder, OutboxOptions options = fast())
      : platform(std::move(responder)) {
    open(options);
  }
  static OutboxOptions fast() {
    OutboxOptions o;
    o.pacing = false;
    o.retry.base_us = 1000;  // 1 ms
    o.retry.max_attempts = 4;
    // The fake answers in milliseconds, but under TSan on a busy machine an
    // answer took over 300 ms: it timed out and was sent again (3 requests
    // where 2 were expected). Only TimeoutsAreRetried wants a short timeout.
    o.http.timeout = std::chrono::seconds(5);
    return o;
  }
  void open(OutboxOptions options) {
    Outbox::Adapters adapters;
    adapters["telegram"] = make_telegram({"TOKEN", "", platform.base()});
    outbox = std::make_unique<Outbox>(adapters, writer, options, now_us);
    feed = std::make_unique<OutboxFeed>(store, *outbox, std::set<std::string>{"telegram"});
  }
  void start() {
    ASSERT_TRUE(feed->catch_up().ok());
    outbox->start();
  }
  void restart(OutboxOptions options = fast()) {
    feed.reset();
    outbox.reset();
    open(options);
    start();
  }
  // A reply as the conversation entity records it.
  std::string reply(const std::string& chat, const std::string& text,
                    std::vector<conv::Media> media = {}) {
    const std::string id = "telegram:" + chat;
    uint64_t& head = heads[id];
    std::vector<events::NewEvent> written;
    if (head == 0) {  // the shopper wrote first, on Telegram: the outbox may answer
      conv::MessageReceived in{conv::text_message("telegram", chat, "hi", "u" + chat), id + "#1",
                               "u" + chat, now_us()};
      written.push_back(events::conversation_codec::encode(in));
    }
    conv::MessageSent m{id + "#" + std::to_string(head + written.size() + 1),
                        "telegram",
                        chat,
                        text,
                        "",
                        now_us(),
                        media};
    written.push_back(events::conversation_codec::encode(m));
    auto r = writer.submit(events::AppendRequest{{"conversation", id}, head, written, std::nullopt})
                 .get();
    EXPECT_TRUE(r.status.ok()) << r.status.to_string();
    head += written.size();
    feed->catch_up();
    return m.message_id;
  }
  std::vector<events::EventEnvelope> deliveries(const std::string& message_id) {
    std::vector<events::EventEnvelope> out;
    store.read_stream({"delivery", message_id}, 1, SIZE_MAX, &out);
    return out;
  }
  bool wait_delivered(uint64_t n) {
    for (int i = 0; i < 1000; ++i) {
      if (outbox->stats().delivered >= n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
};

TEST(Outbox, DeliversTheExactWireFormatAndRecordsIt) {
  Rig rig([](const Recorded&, size_t n) { return ok_answer(n); });
  rig.start();
  auto id = rig.reply("4242", "Hello!", {{"https://img/drill.jpg", "Drill"}});
  ASSERT_TRUE(rig.wait_delivered(1));
  auto reqs = rig.platform.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].path, "/botTOKEN/sendMessage");
  EXPECT_EQ(reqs[0].headers["content-type"], "application/json");
  EXPECT_EQ(json::parse(reqs[0].body), json({{"chat_id", 4242}, {"text", "Hello!"}}));
  EXPECT_EQ(reqs[1].path, "/botTOKEN/sendPhoto");
  EXPECT_EQ(json::parse(reqs[1].body),
            json({{"chat_id", 4242}, {"photo", "https://img/drill.jpg"}, {"caption", "Drill"}}));
  auto d = rig.deliveries(id);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].type, "delivery.part_sent");
  EXPECT_EQ(json::parse(d[1].payload)["platform_message_id"], "2");
  EXPECT_EQ(json::parse(d[1].payload)["parts"], 2);
}

TEST(Outbox, LongRepliesAreSplitAtTheLimit) {
  Rig rig([](const Recorded&, size_t n) { return ok_answer(n); });
  rig.start();
  std::string text;
  while (text.size() < 9000) text += "Lorem ipsum dolor sit amet. ";
  rig.reply("1", text);
  ASSERT_TRUE(rig.wait_delivered(1));
  auto reqs = rig.platform.requests();
  ASSERT_EQ(reqs.size(), 3u);
  std::string joined;
  for (const auto& r : reqs) {
    auto t = json::parse(r.body)["text"].get<std::string>();
    EXPECT_LE(t.size(), 4096u);
    joined += t + " ";
  }
  EXPECT_EQ(joined, text);
}

TEST(Outbox, RetriesServerErrorsAndKeepsEachChatInOrder) {
  std::atomic<int> failures{2};
  Rig rig([&](const Recorded& r, size_t n) {
    if (json::parse(r.body)["text"] == "first" && failures-- > 0) return Answer{500, "oops"};
    return ok_answer(n);
  });
  rig.start();
  auto first = rig.reply("7", "first");
  rig.reply("7", "second");
  rig.reply("8", "other chat");
  ASSERT_TRUE(rig.wait_delivered(3));
  std::vector<std::string> to7;
  for (const auto& r : rig.platform.requests()) {
    auto j = json::parse(r.body);
    if (j["chat_id"] == 7) to7.push_back(j["text"]);
  }
  EXPECT_EQ(to7, (std::vector<std::string>{"first", "first", "first", "second"}));
  auto d = rig.deliveries(first);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(json::parse(d[0].payload)["attempts"], 3);
  EXPECT_EQ(rig.outbox->stats().retries, 2u);
}

TEST(Outbox, HonoursRetryAfter) {
  std::vector<std::chrono::steady_clock::time_point> times;
  std::mutex mu;
  Rig rig([&](const Recorded&, size_t n) {
    std::lock_guard lock(mu);
    times.push_back(std::chrono::steady_clock::now());
    if (n == 1)
      return Answer{429, R"({"ok":false,"error_code":429,"parameters":{"retry_after":1}})"};
    return ok_answer(n);
  });
  rig.start();
  rig.reply("9", "hi");
  ASSERT_TRUE(rig.wait_delivered(1));
  std::lock_guard lock(mu);
  ASSERT_EQ(times.size(), 2u);
  EXPECT_GE(times[1] - times[0], std::chrono::milliseconds(950));
}

TEST(Outbox, TimeoutsAreRetried) {
  auto impatient = Rig::fast();
  impatient.http.timeout = std::chrono::seconds(1);  // still ample for the second answer
  Rig rig(
      [](const Recorded&, size_t n) {
        if (n == 1) return Answer{200, "{}", {}, std::chrono::seconds(2)};  // too late
        return ok_answer(n);
      },
      impatient);
  rig.start();
  auto id = rig.reply("10", "hi");
  ASSERT_TRUE(rig.wait_delivered(1));
  EXPECT_EQ(rig.deliveries(id).size(), 1u);
  EXPECT_EQ(json::parse(rig.deliveries(id)[0].payload)["attempts"], 2);
}

TEST(Outbox, DeadLettersAfterMaxAttemptsAndRetriesOnRequest) {
  std::atomic<bool> healthy{false};
  Rig rig([&](const Recorded&, size_t n) { return healthy ? ok_answer(n) : Answer{503, "down"}; });
  rig.start();
  auto id = rig.reply("11", "hi");
  for (int i = 0; i < 1000 && rig.outbox->stats().dead == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto dead = rig.outbox->list(true, 10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].item.id, id);
  EXPECT_EQ(dead[0].attempts, 4u);
  EXPECT_NE(dead[0].last_error.find("503"), std::string::npos);
  EXPECT_EQ(rig.platform.count(), 4u);
  EXPECT_EQ(rig.deliveries(id).back().type, "delivery.dead_lettered");

  // Still dead after a restart: nothing is sent again on its own.
  rig.restart();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(rig.platform.count(), 4u);
  ASSERT_EQ(rig.outbox->list(true, 10).size(), 1u);

  healthy = true;
  EXPECT_EQ(rig.outbox->retry(id, "ops"), Outbox::RetryAnswer::queued);
  ASSERT_TRUE(rig.wait_delivered(1));
  EXPECT_EQ(rig.outbox->retry(id, "ops"), Outbox::RetryAnswer::not_found);
  auto d = rig.deliveries(id);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1].type, "delivery.retry_requested");
  EXPECT_EQ(d[2].type, "delivery.part_sent");
}

TEST(Outbox, PermanentRefusalsAreDeadAtOnce) {
  Rig rig([](const Recorded&, size_t) {
    return Answer{403, R"({"ok":false,"description":"Forbidden: bot was blocked by the user"})"};
  });
  rig.start();
  rig.reply("12", "hi");
  for (int i = 0; i < 1000 && rig.outbox->stats().dead == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(rig.outbox->stats().dead, 1u);
  EXPECT_EQ(rig.platform.count(), 1u);
}

// Once the outbox sends, the feed does not read its delivery records back:
// the alert's platform id reaches the notice index from the outbox itself,
// with no catch-up after the delivery.
TEST(Outbox, AnAlertsPlatformIdIsKnownAsSoonAsItsDeliveryIsRecorded) {
  Rig rig([](const Recorded&, size_t n) { return ok_answer(40 + n); });
  NoticeIndex notices;
  rig.feed->set_notice_index(&notices);
  rig.start();
  domain::delivery::NotificationQueued alert{
      "telegram:77#3/m0", "telegram", "555", "A shopper asks for a person", "handoff", now_us()};
  auto r = rig.writer
               .submit(events::AppendRequest{
                   {domain::delivery::kNotificationType, alert.id},
                   0,
                   {events::delivery_codec::encode_notification(alert, "telegram:77#3")},
                   std::nullopt})
               .get();
  ASSERT_TRUE(r.status.ok());
  ASSERT_TRUE(rig.feed->catch_up().ok());  // the feed hands the alert to the outbox
  ASSERT_TRUE(rig.wait_delivered(1));
  std::string about;
  for (int i = 0; i < 200 && about.empty(); ++i) {
    about = notices.conversation_of("telegram", "555", "41");
    if (about.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(about, "telegram:77");
  EXPECT_EQ(rig.deliveries(alert.id).size(), 1u);
}

TEST(Outbox, ReplaySendsWhatIsUndeliveredAndNothingElse) {
  std::atomic<bool> healthy{true};
  auto patient = Rig::fast();
  patient.retry.max_attempts = 1000;  // failing, not dead, when the server goes down
  Rig rig(
      [&](const Recorded&, size_t n) {
        return healthy ? ok_answer(n) : Answer{500, ""};
      },
      patient);
  rig.start();
  rig.reply("20", "delivered before the restart");
  ASSERT_TRUE(rig.wait_delivered(1));
  healthy = false;
  rig.reply("21", "pending one");
  rig.reply("22", "pending two");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const size_t before = rig.platform.count();
  healthy = true;
  rig.restart(patient);
  for (int i = 0; i < 1000 && rig.outbox->stats().pending > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::map<std::string, int> ok_texts;
  auto reqs = rig.platform.requests();
  for (size_t i = before; i < reqs.size(); ++i) ++ok_texts[json::parse(reqs[i].body)["text"]];
  EXPECT_EQ(ok_texts.count("delivered before the restart"), 0u);
  EXPECT_GE(ok_texts["pending one"], 1);
  EXPECT_GE(ok_texts["pending two"], 1);
  EXPECT_EQ(rig.outbox->stats().pending, 0u);
}

TEST(Outbox, UnconfiguredChannelsDeadLetterVisibly) {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer(store);
  Outbox::Adapters adapters;
  adapters["telegram"] = make_telegram({"", "", "http://127.0.0.1:9"});  // no bot token
  Outbox outbox(adapters, writer, Rig::fast(), now_us);
  outbox.start();
  outbox.enqueue({"telegram:1#2", "telegram", "1", "telegram:1", "hi", {}, {}, 1});
  for (int i = 0; i < 1000 && outbox.stats().dead == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto dead = outbox.list(true, 10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_NE(dead[0].last_error.find("not configured"), std::string::npos);
}

// A cluster's node without the duty never starts its outbox (issue 23): the
// "typing…" signals of the messages it receives are dropped, not kept to be
// sent stale, all at once, when the node takes the duty.
TEST(Outbox, AnOutboxThatIsNotSendingKeepsNoTypingSignals) {
  Rig rig([](const Recorded&, size_t n) { return ok_answer(n); });
  EXPECT_EQ(rig.outbox->typing_at("telegram", "42", "901", now_us()), 0u);
  rig.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(rig.platform.count(), 0u);
  EXPECT_NE(rig.outbox->typing_at("telegram", "42", "902", now_us()), 0u);  // sending now
  EXPECT_TRUE(rig.platform.wait_for([](const auto& rs) { return rs.size() == 1; }));
}

TEST(Pacing, TokenBucketAndBackoff) {
  TokenBucket b(1.0, 3);  // 1/s, burst 3
  int64_t t = 1'000'000;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(b.wait_us(t), 0);
    b.take(t);
  }
  EXPECT_GT(b.wait_us(t), 900'000);
  EXPECT_EQ(b.wait_us(t + 1'000'000), 0);

  RetryPolicy p;
  p.base_us = 1000;
  p.cap_us = 8000;
  std::mt19937_64 rng(1);
  for (uint32_t a = 1; a <= 6; ++a) {
    const int64_t full = std::min<int64_t>(8000, 1000LL << (a - 1));
    const int64_t d = retry_delay_us(p, a, -1, rng);
    EXPECT_GE(d, full / 2);
    EXPECT_LE(d, full);
  }
  EXPECT_EQ(retry_delay_us(p, 1, 5000, rng), 5'000'000);  // the platform's wait wins
}

}  // namespace
}  // namespace parley::channels
