// Personal data at rest (issue 17, item 16): what a conversation writes is
// sealed in the log, reads back as written, and reads as erased once the
// customer is forgotten, through the same codecs every reader uses.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "events/conversation_codec.hpp"
#include "events/memory_event_store.hpp"
#include "events/rocks_event_store.hpp"
#include "privacy/personal_fields.hpp"
#include "privacy/sealed_event_store.hpp"
#include "tests/support/events.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::privacy {
namespace {

using events::AppendRequest;
using events::EventEnvelope;
using events::StreamId;
using nlohmann::json;
namespace conv = domain::conversation;
namespace codec = events::conversation_codec;

const KeyBytes kMaster = {{1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                           17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}};
const StreamId kAnna{"conversation", "telegram:1001"};
const StreamId kBoris{"conversation", "telegram:1002"};

events::NewEvent received(const std::string& text) {
  conv::MessageReceived m;
  m.message_id = "m1";
  m.channel = "telegram";
  m.user_id = "1001";
  m.text = text;
  m.kind = "location";
  m.latitude = 40.4168;
  m.longitude = -3.7038;
  return codec::encode(m);
}

events::NewEvent details(const std::string& name, const std::string& address) {
  conv::DetailsProvided d;
  d.details.name = name;
  d.details.address = address;
  d.details.phone = "+34 600 123 456";
  return codec::encode(d);
}

events::NewEvent order_placed(const std::string& name) {
  return testing::ev("order.placed", json{{"order_id", "ORD-1"},
                                          {"conversation_id", kAnna.id},
                                          {"customer", {{"name", name}, {"city", "Madrid"}}},
                                          {"lines", json::array()},
                                          {"total_cents", 500}}
                                         .dump());
}

AppendRequest anna_checks_out() {
  AppendRequest r{kAnna,
                  0,
                  {received("I live at Calle Mayor 5"), details("Anna Petrova", "Calle Mayor 5")},
                  {}};
  r.linked.push_back({{"order", "ORD-1"}, 0, {order_placed("Anna Petrova")}});
  return r;
}

std::vector<EventEnvelope> read(events::EventStore& store, const StreamId& s) {
  std::vector<EventEnvelope> out;
  EXPECT_TRUE(store.read_stream(s, 1, SIZE_MAX, &out).ok());
  return out;
}

std::string all_stored_bytes(events::EventStore& store) {
  std::string bytes;
  store.scan_all(1, [&](const events::RecordView& r) {
    bytes.append(r.bytes());
    return true;
  });
  return bytes;
}

struct Sealed {
  events::MemoryEventStore inner;
  std::unique_ptr<CustomerKeys> keys = std::move(CustomerKeys::open(inner, kMaster)).value();
  SealedEventStore store{inner, *keys};
};

// Issue 22: the latest records are read from memory. What a scan shows must
// be what the store shows: the same envelopes through a second sealed store
// over the same log (which kept nothing), from any position, with linked
// appends at a known and at any seq, refused and duplicate requests between.
TEST(SealedEventStore, AScanCloseBehindTheLogShowsWhatTheStoreHolds) {
  Sealed s;
  std::vector<AppendRequest> batch;
  batch.push_back(anna_checks_out());
  batch.push_back({kBoris, 0, {received("hola")}, {}});
  batch.back().dedupe = events::DedupeClaim{"boris-1", "ok"};
  batch.push_back({kBoris, 7, {received("a conflict: wrong seq")}, {}});
  batch.push_back({{"catalog", "main"}, 0, {testing::ev("catalog.imported", R"({"n":1})")}, {}});
  AppendRequest any{kBoris, 1, {received("with a note")}, {}};
  any.linked.push_back({{"notification", "n1"},
                        events::kAnySeq,
                        {testing::ev("notification.queued", R"({"text":"x"})")}});
  batch.push_back(any);
  auto results = s.store.append_batch(batch);
  ASSERT_TRUE(results[0].status.ok());
  ASSERT_FALSE(results[2].status.ok());
  AppendRequest again{kBoris, events::kAnySeq, {received("hola")}, {}};
  again.dedupe = events::DedupeClaim{"boris-1", "ok"};
  s.store.append(again);  // a duplicate: writes nothing
  s.store.append({kAnna, 2, {received("one more")}, {}});

  SealedEventStore cold{s.inner, *s.keys};
  const uint64_t last = s.inner.last_position();
  ASSERT_GE(last, 7u);
  for (uint64_t from = 1; from <= last + 1; ++from) {
    std::vector<EventEnvelope> warm_events, cold_events;
    ASSERT_TRUE(s.store.read_all(from, SIZE_MAX, &warm_events).ok());
    ASSERT_TRUE(cold.read_all(from, SIZE_MAX, &cold_events).ok());
    ASSERT_EQ(warm_events.size(), last + 1 - from) << from;
    ASSERT_EQ(warm_events.size(), cold_events.size()) << from;
    for (size_t i = 0; i < warm_events.size(); ++i) {
      const auto &a = warm_events[i], &b = cold_events[i];
      EXPECT_EQ(a.position, b.position);
      EXPECT_EQ(a.entity_type + "/" + a.entity_id, b.entity_type + "/" + b.entity_id);
      EXPECT_EQ(a.seq, b.seq) << a.position;
      EXPECT_EQ(a.type, b.type);
      EXPECT_EQ(a.timestamp_us, b.timestamp_us);
      EXPECT_EQ(a.payload, b.payload) << a.position;
    }
  }
  // A scan that stops early stops.
  size_t visited = 0;
  ASSERT_TRUE(s.store.scan_all(1, [&](const events::RecordView&) { return ++visited < 3; }).ok());
  EXPECT_EQ(visited, 3u);
}

TEST(SealedEventStore, WhatWasJustWrittenReadsAsErasedOnceTheCustomerIsForgotten) {
  Sealed s;
  ASSERT_TRUE(s.store.append({kAnna, 0, {received("I live at Calle Mayor 5")}, {}}).status.ok());
  std::vector<EventEnvelope> before;
  ASSERT_TRUE(s.store.read_all(1, SIZE_MAX, &before).ok());
  ASSERT_NE(before.back().payload.find("Calle Mayor"), std::string::npos);
  ASSERT_TRUE(s.store.forget(kAnna).ok());
  std::vector<EventEnvelope> after;
  ASSERT_TRUE(s.store.read_all(1, SIZE_MAX, &after).ok());
  EXPECT_EQ(after.back().payload.find("Calle Mayor"), std::string::npos) << after.back().payload;
  EXPECT_NE(after.back().payload.find(std::string(kErasedText)), std::string::npos);
}

TEST(SealedEventStore, WhatACustomerGaveIsNotInTheStoredBytesButReadsBackAsWritten) {
  Sealed s;
  ASSERT_TRUE(s.store.append(anna_checks_out()).status.ok());

  const std::string raw = all_stored_bytes(s.inner);
  for (const char* plain : {"Calle Mayor", "Anna Petrova", "600 123 456", "40.4168", "Madrid"})
    EXPECT_EQ(raw.find(plain), std::string::npos) << plain;
  EXPECT_NE(raw.find("telegram:1001"), std::string::npos);  // ids stay: docs/SECURITY.md

  auto events = read(s.store, kAnna);
  ASSERT_EQ(events.size(), 2u);
  auto m = codec::decode(events[0]);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  const auto& msg = std::get<conv::MessageReceived>(*m);
  EXPECT_EQ(msg.text, "I live at Calle Mayor 5");
  EXPECT_DOUBLE_EQ(msg.latitude, 40.4168);
  EXPECT_EQ(msg.channel, "telegram");
  auto d = codec::decode(events[1]);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(std::get<conv::DetailsProvided>(*d).details.address, "Calle Mayor 5");
  auto order = json::parse(read(s.store, {"order", "ORD-1"}).at(0).payload);
  EXPECT_EQ(order["customer"]["name"], "Anna Petrova");
  EXPECT_EQ(order["total_cents"], 500);

  std::string scanned;
  s.store.scan_all(1, [&](const events::RecordView& r) {
    scanned += r.decode()->payload;
    return true;
  });
  EXPECT_NE(scanned.find("Anna Petrova"), std::string::npos);
}

TEST(SealedEventStore, AForgottenCustomerReadsAsErasedAndNobodyElseChanges) {
  Sealed s;
  ASSERT_TRUE(s.store.append(anna_checks_out()).status.ok());
  ASSERT_TRUE(s.store.append({kBoris, 0, {received("hola")}, {}}).status.ok());

  ASSERT_TRUE(s.store.forget(kAnna).ok());

  auto events = read(s.store, kAnna);
  ASSERT_EQ(events.size(), 2u);
  const auto msg = std::get<conv::MessageReceived>(*codec::decode(events[0]));
  EXPECT_EQ(msg.text, "[erased]");
  EXPECT_EQ(msg.latitude, 0);
  EXPECT_EQ(msg.message_id, "m1");
  const auto given = std::get<conv::DetailsProvided>(*codec::decode(events[1])).details;
  EXPECT_EQ(given.name, "[erased]");
  EXPECT_EQ(given.phone, "[erased]");
  auto order = json::parse(read(s.store, {"order", "ORD-1"}).at(0).payload);
  EXPECT_EQ(order["customer"]["name"], "[erased]");
  EXPECT_EQ(order["total_cents"], 500);
  EXPECT_EQ(std::get<conv::MessageReceived>(*codec::decode(read(s.store, kBoris).at(0))).text,
            "hola");
  // A new message after forgetting is sealed with a new key and reads back.
  ASSERT_TRUE(s.store.append({kAnna, 2, {received("again")}, {}}).status.ok());
  EXPECT_EQ(std::get<conv::MessageReceived>(*codec::decode(read(s.store, kAnna).at(2))).text,
            "again");
}

TEST(SealedEventStore, ASnapshotIsSealedAndIsGoneWithItsKey) {
  Sealed s;
  ASSERT_TRUE(s.store.append(anna_checks_out()).status.ok());
  ASSERT_TRUE(s.store.save_snapshot(kAnna, {2, 3, "{\"customer\":\"Anna Petrova\"}"}).ok());
  EXPECT_EQ(s.inner.load_snapshot(kAnna)->state.find("Anna"), std::string::npos);
  EXPECT_EQ(s.store.load_snapshot(kAnna)->state, "{\"customer\":\"Anna Petrova\"}");
  ASSERT_TRUE(s.store.forget(kAnna).ok());
  EXPECT_EQ(s.store.load_snapshot(kAnna).status().code(), events::StoreErrc::not_found);
}

// Only the personal members of a type are ever sealed, so only they are
// opened: a token-shaped string anywhere else (a user id, a product's SKU)
// reads as written (the fuzz target `sealing` found one that did not).
TEST(SealedEventStore, TokenShapedTextsOutsidePersonalMembersReadAsWritten) {
  Sealed s;
  const std::string token = "pii:1:s:" + std::string(32, 'a') + ":AAAA";
  auto m = received("see \"" + token + "\"");
  auto p = json::parse(m.payload);
  p["user_id"] = token;
  m.payload = p.dump();
  ASSERT_TRUE(s.store.append({kAnna, 0, {m}, {}}).status.ok());
  const json product = {{"name", "see \"" + token + "\""}, {"sku", token}};
  ASSERT_TRUE(
      s.store.append({{"product", "p1"}, 0, {testing::ev("product.created", product.dump())}, {}})
          .status.ok());
  EXPECT_EQ(json::parse(read(s.store, {"product", "p1"}).at(0).payload), product);
  const auto back = json::parse(read(s.store, kAnna).at(0).payload);
  EXPECT_EQ(back["user_id"], token);
  EXPECT_EQ(back["text"], "see \"" + token + "\"");
}

// The order worker appends to the order's own stream (the invoice mailed to
// the customer's address); those events belong to the placing conversation.
TEST(SealedEventStore, AnOrdersOwnEventsAreSealedForTheConversationThatPlacedIt) {
  Sealed s;
  ASSERT_TRUE(s.store.append(anna_checks_out()).status.ok());
  const std::string mailed = json{{"to", "anna@example.com"}, {"via", "smtp"}}.dump();
  ASSERT_TRUE(
      s.store.append({{"order", "ORD-1"}, 1, {testing::ev("order.invoice_mailed", mailed)}, {}})
          .status.ok());
  EXPECT_EQ(all_stored_bytes(s.inner).find("anna@example.com"), std::string::npos);
  EXPECT_EQ(json::parse(read(s.store, {"order", "ORD-1"}).at(1).payload)["to"], "anna@example.com");
  ASSERT_TRUE(s.store.forget(kAnna).ok());
  EXPECT_EQ(json::parse(read(s.store, {"order", "ORD-1"}).at(1).payload)["to"], "[erased]");
}

// A snapshot queued before a forget may be saved after it: with no key it is
// not saved at all, never in the clear.
TEST(SealedEventStore, NoSnapshotOfACustomerIsSavedWithoutAKey) {
  Sealed s;
  ASSERT_TRUE(s.store.append(anna_checks_out()).status.ok());
  ASSERT_TRUE(s.store.forget(kAnna).ok());
  ASSERT_TRUE(s.store.save_snapshot(kAnna, {2, 3, "{\"customer\":\"Anna Petrova\"}"}).ok());
  EXPECT_EQ(s.inner.load_snapshot(kAnna).status().code(), events::StoreErrc::not_found);
  // Streams that hold no customer keep their snapshots.
  ASSERT_TRUE(s.store.save_snapshot({"product", "p1"}, {1, 1, "{}"}).ok());
  EXPECT_TRUE(s.inner.load_snapshot({"product", "p1"}).ok());
}

// A key that cannot be read (I/O) fails the read: "[unreadable]" folded into
// a state or a view would stay there for good.
TEST(SealedEventStore, AKeyThatCannotBeReadFailsTheReadInsteadOfReadingAsUnreadable) {
  struct FailingKeys final : events::KeyStore {
    events::MemoryEventStore& inner;
    bool fail = false;
    explicit FailingKeys(events::MemoryEventStore& i) : inner(i) {}
    events::Status put_key(const std::string& n, const std::string& v) override {
      return inner.put_key(n, v);
    }
    events::Expected<std::string> get_key(const std::string& n) override {
      if (fail) return events::Status::IoError("disk on fire");
      return inner.get_key(n);
    }
    events::Status erase_keys(const std::vector<std::string>& n) override {
      return inner.erase_keys(n);
    }
  };
  events::MemoryEventStore inner;
  FailingKeys failing(inner);
  ASSERT_TRUE(CustomerKeys::open(failing, kMaster).ok());
  {
    auto keys = std::move(CustomerKeys::open(failing, kMaster)).value();
    SealedEventStore store(inner, *keys);
    ASSERT_TRUE(store.append(anna_checks_out()).status.ok());
  }
  auto keys = std::move(CustomerKeys::open(failing, kMaster)).value();  // nothing cached
  SealedEventStore store(inner, *keys);
  failing.fail = true;
  std::vector<EventEnvelope> out;
  EXPECT_EQ(store.read_stream(kAnna, 1, SIZE_MAX, &out).code(), events::StoreErrc::io_error);
  EXPECT_TRUE(out.empty());
  // A scan opens a record when its reader decodes it, and says so there.
  events::StoreErrc decoded = events::StoreErrc::ok;
  ASSERT_TRUE(store
                  .scan_all(1,
                            [&](const events::RecordView& r) {
                              decoded = r.decode().status().code();
                              return decoded == events::StoreErrc::ok;
                            })
                  .ok());
  EXPECT_EQ(decoded, events::StoreErrc::io_error);
}

// The owner's name and its key go in one batch: a forget whose flush failed
// after the delete landed leaves no key behind, and a repeat finishes it.
TEST(CustomerKeys, AForgetThatFailedHalfwayLeavesNoKeyAndCanBeRepeated) {
  struct FlushFails final : events::KeyStore {
    events::MemoryEventStore inner;
    int failures = 1;
    events::Status put_key(const std::string& n, const std::string& v) override {
      return inner.put_key(n, v);
    }
    events::Expected<std::string> get_key(const std::string& n) override {
      return inner.get_key(n);
    }
    events::Status erase_keys(const std::vector<std::string>& n) override {
      auto st = inner.erase_keys(n);                                       // the batch lands …
      if (failures-- > 0) return events::Status::IoError("flush failed");  // … the flush not
      return st;
    }
  } store;
  auto keys = std::move(CustomerKeys::open(store, kMaster)).value();
  const std::string id = keys->key_for("conversation/a")->id;
  EXPECT_FALSE(keys->forget("conversation/a").ok());
  EXPECT_FALSE(keys->key_by_id(id)->has_value());
  EXPECT_FALSE(keys->existing_key_for("conversation/a")->has_value());
  EXPECT_TRUE(keys->forget("conversation/a").ok());
}

TEST(CustomerKeys, AnotherMasterKeyIsRefusedAtOpen) {
  events::MemoryEventStore inner;
  ASSERT_TRUE(CustomerKeys::open(inner, kMaster).ok());
  KeyBytes other = kMaster;
  other[0] ^= 1;
  auto refused = CustomerKeys::open(inner, other);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().to_string().find("master key"), std::string::npos);
  EXPECT_TRUE(CustomerKeys::open(inner, kMaster).ok());
}

// Shoppers write and read while an admin forgets some of them (under TSan in
// `make check-tsan`): every message reads as written or as erased, never as
// unreadable, and nothing fails.
TEST(SealedEventStore, ConcurrentWritesReadsAndForgetsOnlyEverReadWrittenOrErased) {
  Sealed s;
  constexpr int kOwners = 8, kWriters = 3, kMessages = 150;
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kMessages; ++i) {
        const StreamId stream{"conversation", "c" + std::to_string((w + i) % kOwners)};
        if (!s.store.append({stream, events::kAnySeq, {received("hello " + std::to_string(i))}, {}})
                 .status.ok())
          ++bad;
        std::vector<EventEnvelope> out;
        if (!s.store.read_stream(stream, 1, SIZE_MAX, &out).ok()) ++bad;
        for (const auto& e : out) {
          const std::string text = json::parse(e.payload).value("text", "");
          if (text != "[erased]" && text.rfind("hello ", 0) != 0) ++bad;
        }
      }
    });
  threads.emplace_back([&] {
    for (int i = 0; i < 40; ++i)
      if (!s.store.forget({"conversation", "c" + std::to_string(i % kOwners)}).ok()) ++bad;
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

// Every file of a RocksDB store: no plaintext ever, and after forgetting, no key.
std::string all_file_bytes(const std::string& dir) {
  std::string bytes;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return bytes;
}

TEST(SealedEventStore, OnRocksDbNoFileHoldsThePlaintextAndAForgottenKeyIsGone) {
  testing::TempDir dir;
  events::RocksEventStore::Options o;
  o.path = dir.sub("db");
  auto rocks = events::RocksEventStore::open(o);
  ASSERT_TRUE(rocks.ok());
  auto keys = CustomerKeys::open(**rocks, kMaster);
  ASSERT_TRUE(keys.ok());
  SealedEventStore store(**rocks, **keys);
  ASSERT_TRUE(store.append(anna_checks_out()).status.ok());
  ASSERT_TRUE((*rocks)->flush().ok());
  const std::string key_id = (*(*keys)->existing_key_for(kAnna.to_string()))->id;
  const std::string wrapped_key = *(*rocks)->get_key("key/" + key_id);
  std::string files = all_file_bytes(dir.sub("db"));
  EXPECT_EQ(files.find("Calle Mayor"), std::string::npos);
  EXPECT_EQ(files.find("Anna Petrova"), std::string::npos);
  EXPECT_NE(files.find(wrapped_key), std::string::npos);

  ASSERT_TRUE(store.forget(kAnna).ok());
  files = all_file_bytes(dir.sub("db"));
  EXPECT_EQ(files.find(wrapped_key), std::string::npos);
  auto d = codec::decode(read(store, kAnna).at(1));
  EXPECT_EQ(std::get<conv::DetailsProvided>(*d).details.address, "[erased]");
}

}  // namespace
}  // namespace parley::privacy
