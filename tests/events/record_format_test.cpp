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
namespace {}  // namespace
}  // namespace parley::events
