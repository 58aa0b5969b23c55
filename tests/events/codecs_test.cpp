// The event codecs against stored payloads they did not write: a corrupt
// payload is a Corruption status, never an exception or a made-up value.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"
#include "events/envelope_json.hpp"
#include "events/knowledge_codec.hpp"
#include "events/lead_codec.hpp"
#include "events/llm_codec.hpp"
#include "events/llm_config_codec.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"
#include "events/team_codec.hpp"

namespace parley::events {
namespace {

EventEnvelope envelope(const std::string& type, const std::string& payload) {
  EventEnvelope e;
  e.entity_type = "llm_config";
  e.entity_id = "shop";
  e.seq = 1;
  e.position = 1;
  e.type = type;
  e.timestamp_us = 1795000000000000;
  e.payload = payload;
  return e;
}

// Found by fuzz/event_codecs (uncaught json type_error): the LLM codecs read
// with json::value(), which throws on a member of another type, and had no
// try/catch, so one bad event in the log threw out of decode().
TEST(Codecs, LlmEventsOfTheWrongShapeAreCorruption) {
  for (const auto& [type, payload] : std::vector<std::pair<std::string, std::string>>{
           {llm_config_codec::types::kAgentConfigured, R"({"agent":5})"},
           {llm_config_codec::types::kPromptChanged, R"({"slug":"shop","text":[]})"}}) {
    auto e = llm_config_codec::decode(envelope(type, payload));
    EXPECT_EQ(e.status().code(), StoreErrc::corruption) << payload;
  }
  EXPECT_EQ(
      llm_codec::decode_call(envelope(llm_codec::types::kUsage, R"({"model":5})")).status().code(),
      StoreErrc::corruption);
  EXPECT_EQ(llm_codec::decode_call(envelope(llm_codec::types::kUsage, R"({"attempts":"1"})"))
                .status()
                .code(),
            StoreErrc::corruption);
  EXPECT_EQ(llm_codec::decode_fallback(envelope(llm_codec::types::kFallback, R"({"reason":{}})"))
                .status()
                .code(),
            StoreErrc::corruption);
}

TEST(Codecs, AModelsTurnEventsRoundTripWithTheirTimeAndCause) {
  domain::llm_usage::Call call;
  call.provider = "openai";
  call.model = "gpt-4o-mini";
  call.input_tokens = 12;
  call.at_us = 1795000000000001;
  const NewEvent stored = llm_codec::encode(call, "api:u1#1");
  EXPECT_EQ(stored.type, llm_codec::types::kUsage);
  EXPECT_EQ(stored.timestamp_us, call.at_us);
  EXPECT_EQ(stored.causation_id, "api:u1#1");
  EventEnvelope env = envelope(stored.type, stored.payload);
  env.timestamp_us = stored.timestamp_us;
  auto back = llm_codec::decode_call(env);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->model, "gpt-4o-mini");
  EXPECT_EQ(back->input_tokens, 12);
  EXPECT_EQ(back->at_us, call.at_us);
  EXPECT_EQ(llm_codec::decode_fallback(env).status().code(), StoreErrc::not_found);
  const NewEvent fallback = llm_codec::encode(
      domain::llm_usage::Fallback{"api:u1", "openai", "m", "timeout", "", 7}, "c");
  EXPECT_EQ(fallback.type, llm_codec::types::kFallback);
  EXPECT_EQ(llm_codec::decode_fallback(envelope(fallback.type, fallback.payload))->reason,
            "timeout");
}

// Found by fuzz/event_codecs (UBSan: 1.79509e+20 is outside the range of
// representable values of type 'long', in nlohmann's from_json): an integer
// member holding a float was converted with static_cast. The log never holds
// floats there; such a payload is corrupt, not a number to guess at.
TEST(Codecs, AFloatWhereAnIntegerBelongsIsCorruption) {
  const std::vector<std::pair<std::string, std::string>> stored = {
      {"lead.appointment_rescheduled", R"({"appointment_id":"a1","when_us":1.79508640000e20})"},
      {"cart.quantity_changed", R"({"sku":"A-1","quantity":1e300})"},
      {"conversation.nudge_scheduled", R"({"nudge_id":"n","number":1,"due_us":-9e30})"},
      {"order.paid", R"({"provider":"stripe","amount_cents":6470.5,"currency":"EUR"})"},
      {"catalog.stock_changed", R"({"sku":"A-1","stock":1e19})"},
      {"delivery.part_sent", R"({"part":0,"parts":2,"attempts":4e9})"},
      {"user.token_issued", R"({"token_id":"t","expires_us":1e100})"},
      {"sequence.saved", R"({"steps":[{"day":1e10,"text":"hi"}]})"},
      {"llm.usage", R"({"input_tokens":1e20})"}};
  for (const auto& [type, payload] : stored) {
    const auto env = envelope(type, payload);
    StoreErrc code = StoreErrc::ok;
    if (auto e = conversation_codec::decode(env); !e.status().is_not_found())
      code = e.status().code();
    if (auto e = lead_codec::decode(env); !e.status().is_not_found()) code = e.status().code();
    if (auto e = order_codec::decode(env); !e.status().is_not_found()) code = e.status().code();
    if (auto e = product_codec::decode(env); !e.status().is_not_found()) code = e.status().code();
    if (auto e = delivery_codec::decode(env); !e.status().is_not_found()) code = e.status().code();
    if (auto e = team_codec::decode_user(env); !e.status().is_not_found()) code = e.status().code();
    if (auto e = team_codec::decode_sequence(env); !e.status().is_not_found())
      code = e.status().code();
    if (auto e = llm_codec::decode_call(env); !e.status().is_not_found()) code = e.status().code();
    EXPECT_EQ(code, StoreErrc::corruption) << type << " " << payload;
  }
  const auto snapshot = R"({"id":"c","channel":"api","user_id":"u","received":1,"sent":1,
    "last_received_at_us":1e25,"last_sent_at_us":0,"last_received_id":""})";
  EXPECT_EQ(
      conversation_codec::decode_state(snapshot, conversation_codec::kStateSchema).status().code(),
      StoreErrc::corruption);
}

}  // namespace
}  // namespace parley::events

namespace parley::events {
namespace {

template <class Event, size_t... I>
std::vector<Event> one_of_each(std::index_sequence<I...>) {
  return {Event(std::in_place_index<I>)...};
}

// Every alternative of `Event` has one schema in its codec: its own stored
// type, recognised by `is_mine`, and a payload that decodes to what encodes
// the same again; a type of the family no schema names is NotFound.
template <class Event, class Encode, class Decode, class IsMine>
void expect_one_schema_each(const std::string& entity_type, Encode encode, Decode decode,
                            IsMine is_mine) {
  const auto events = one_of_each<Event>(std::make_index_sequence<std::variant_size_v<Event>>());
  std::set<std::string> types;
  for (const auto& e : events) {
    const NewEvent stored = encode(e);
    EXPECT_TRUE(types.insert(stored.type).second) << "two events stored as " << stored.type;
    EXPECT_TRUE(is_mine(stored.type)) << stored.type;
    EventEnvelope env = envelope(stored.type, stored.payload);
    env.entity_type = entity_type;
    auto back = decode(env);
    ASSERT_TRUE(back.ok()) << stored.type << ": " << back.status().to_string();
    EXPECT_EQ(back->index(), e.index()) << stored.type;
    EXPECT_EQ(encode(*back).payload, stored.payload) << stored.type;
  }
  EXPECT_EQ(decode(envelope(entity_type + ".unheard_of", "{}")).status().code(),
            StoreErrc::not_found);
}

// The one UTC formatter of the tree (API dates, invoices, mail headers, team answers).
TEST(Timestamps, UtcTimesAreFormattedToTheSecondAndRoundTripWithMicroseconds) {
  const int64_t at = int64_t{1795341600} * 1000000 + 123456;  // 2026-11-22T10:00:00.123456Z
  EXPECT_EQ(format_utc(at, "%Y-%m-%dT%H:%M:%SZ"), "2026-11-22T10:00:00Z");
  EXPECT_EQ(format_utc(at, "%Y-%m-%d %H:%M UTC"), "2026-11-22 10:00 UTC");
  EXPECT_EQ(format_utc(-1, "%Y-%m-%dT%H:%M:%SZ"), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_timestamp(at), "2026-11-22T10:00:00.123456Z");
  int64_t back = 0;
  ASSERT_TRUE(parse_timestamp(format_timestamp(at), &back));
  EXPECT_EQ(back, at);
}

TEST(Codecs, EveryConversationEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::conversation::Event>(
      "conversation", [](const auto& e) { return conversation_codec::encode(e); },
      conversation_codec::decode, conversation_codec::is_conversation_event);
}

TEST(Codecs, EveryLeadEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::lead::Event>(
      "lead", [](const auto& e) { return lead_codec::encode(e); }, lead_codec::decode,
      lead_codec::is_lead_event);
}

TEST(Codecs, EveryProductEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::product::Event>(
      "catalog", [](const auto& e) { return product_codec::encode(e, 1, "test"); },
      product_codec::decode, product_codec::is_product_event);
}

TEST(Codecs, EveryKnowledgeEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::knowledge::Event>(
      "knowledge", [](const auto& e) { return knowledge_codec::encode(e); },
      knowledge_codec::decode, knowledge_codec::is_knowledge_event);
}

TEST(Codecs, AKnowledgeDocumentRoundTripsWithEveryFieldAndItsTime) {
  domain::knowledge::Document d{"Returns",   domain::knowledge::Format::markdown,
                                "es",        domain::knowledge::Purpose::sales_script,
                                "objection", "# Devoluciones\nTreinta días."};
  const auto stored = knowledge_codec::encode(domain::knowledge::DocumentUploaded{d, "ana", 77});
  EXPECT_EQ(stored.timestamp_us, 77);
  auto env = envelope(stored.type, stored.payload);
  env.timestamp_us = stored.timestamp_us;
  auto back = knowledge_codec::decode(env);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& up = std::get<domain::knowledge::DocumentUploaded>(*back);
  EXPECT_EQ(up.document, d);
  EXPECT_EQ(up.by, "ana");
  EXPECT_EQ(up.at_us, 77);
  EXPECT_EQ(
      knowledge_codec::decode(
          envelope(stored.type, R"({"title":"t","format":"pdf?","language":"en","body":"x"})"))
          .status()
          .code(),
      StoreErrc::corruption);
}

TEST(Codecs, EveryDeliveryEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::delivery::Event>(
      "delivery", [](const auto& e) { return delivery_codec::encode(e); }, delivery_codec::decode,
      delivery_codec::is_delivery_event);
}

TEST(Codecs, EveryTeamEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::user::Event>(
      "user", [](const auto& e) { return team_codec::encode(e); }, team_codec::decode_user,
      team_codec::is_user_event);
  expect_one_schema_each<domain::sequence::Event>(
      "sequence", [](const auto& e) { return team_codec::encode(e); }, team_codec::decode_sequence,
      team_codec::is_sequence_event);
}

TEST(Codecs, EveryLlmConfigEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::llm_config::Event>(
      "llm_config", [](const auto& e) { return llm_config_codec::encode(e); },
      llm_config_codec::decode,
      [](const std::string& t) {
        return t == llm_config_codec::types::kAgentConfigured ||
               t == llm_config_codec::types::kPromptChanged;
      });
}

TEST(Codecs, EveryOrderEventHasItsOwnTypeAndRoundTrips) {
  expect_one_schema_each<domain::order::Event>(
      "order", [](const auto& e) { return order_codec::encode(e, "test"); }, order_codec::decode,
      [](const std::string& t) { return order_codec::is_order_event(t); });
}

}  // namespace
}  // namespace parley::events
