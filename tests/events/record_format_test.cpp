#include "events/record_format.hpp"

#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"

#include <gtest/gtest.h>

namespace parley::events {
namespace {

NewEvent sample() {
  NewEvent e;
  e.type = "conversation.message_received";
  e.schema_version = 3;
  e.timestamp_us = 1'795'000'000'123'456;
  e.causation_id = "wamid.HBgM";
  e.payload = R"({"text":"привет"})";
  return e;
}

TEST(RecordFormat, RoundTripsEveryEnvelopeField) {
  auto bytes = encode_record({"conversation", "whatsapp:+91"}, 42, sample());
  auto e = RecordView(7, bytes).decode();
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  EXPECT_EQ(e->entity_type, "conversation");
  EXPECT_EQ(e->entity_id, "whatsapp:+91");
  EXPECT_EQ(e->seq, 42u);
  EXPECT_EQ(e->position, 7u);
  EXPECT_EQ(e->type, "conversation.message_received");
  EXPECT_EQ(e->schema_version, 3u);
  EXPECT_EQ(e->timestamp_us, 1'795'000'000'123'456);
  EXPECT_EQ(e->causation_id, "wamid.HBgM");
  EXPECT_EQ(e->payload, R"({"text":"привет"})");
}

TEST(RecordFormat, TypeIsReadFromTheHeaderAlone) {
  auto bytes = encode_record({"lead", "1"}, 1, sample());
  // Corrupt everything after the type: type() still answers, decode() fails.
  auto type_end = 1 + 1 + sample().type.size();
  std::string damaged = bytes.substr(0, type_end) + "\xff\xff";
  EXPECT_EQ(RecordView(1, damaged).type(), "conversation.message_received");
  EXPECT_EQ(RecordView(1, damaged).decode().status().code(), StoreErrc::corruption);
}

TEST(RecordFormat, UnknownFormatIsCorruption) {
  auto bytes = encode_record({"lead", "1"}, 1, sample());
  bytes[0] = 9;
  EXPECT_TRUE(RecordView(1, bytes).type().empty());
  EXPECT_EQ(RecordView(1, bytes).decode().status().code(), StoreErrc::corruption);
  EXPECT_EQ(RecordView(1, "").decode().status().code(), StoreErrc::corruption);
}

}  // namespace
}  // namespace parley::events

namespace parley::events {
namespace {

// fuzz/event_record (10-minute run): "seq":2.2e38 was cast to uint64_t,
// undefined behaviour; numbers of the wrong shape are a bad envelope.
TEST(EnvelopeJson, AFloatWhereAnIntegerBelongsIsABadEnvelope) {
  const auto envelope = [](const nlohmann::json& seq) {
    return nlohmann::json{{"entity_type", "conversation"},
                          {"entity_id", "api:u1"},
                          {"seq", seq},
                          {"position", 7},
                          {"type", "conversation.message_received"},
                          {"timestamp", "2026-11-22T10:00:00.000000Z"},
                          {"payload", {{"text", "hola"}}}};
  };
  auto ok = envelope_from_json(envelope(3));
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ(ok->seq, 3u);
  EXPECT_EQ(ok->position, 7u);
  for (const nlohmann::json& bad :
       {nlohmann::json(2.2e38), nlohmann::json(1.5), nlohmann::json(-1)})
    EXPECT_EQ(envelope_from_json(envelope(bad)).status().code(), StoreErrc::invalid_argument)
        << bad;
  auto j = envelope(3);
  j["schema_version"] = 1e300;
  EXPECT_EQ(envelope_from_json(j).status().code(), StoreErrc::invalid_argument);
}

}  // namespace
}  // namespace parley::events
