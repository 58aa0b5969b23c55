// The event codecs against stored payloads they did not write: a corrupt
// payload is a Corruption status, never an exception or a made-up value.
#include <gtest/gtest.h>

#include "events/llm_codec.hpp"
#include "events/llm_config_codec.hpp"

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
           {llm_config_codec::kAgentConfigured, R"({"agent":5})"},
           {llm_config_codec::kPromptChanged, R"({"slug":"shop","text":[]})"}}) {
    auto e = llm_config_codec::decode(envelope(type, payload));
    EXPECT_EQ(e.status().code(), StoreErrc::corruption) << payload;
  }
  EXPECT_EQ(llm_codec::decode_call(envelope(llm_codec::kUsage, R"({"model":5})")).status().code(),
            StoreErrc::corruption);
  EXPECT_EQ(
      llm_codec::decode_call(envelope(llm_codec::kUsage, R"({"attempts":"1"})")).status().code(),
      StoreErrc::corruption);
  EXPECT_EQ(llm_codec::decode_fallback(envelope(llm_codec::kFallback, R"({"reason":{}})"))
                .status()
                .code(),
            StoreErrc::corruption);
}

}  // namespace
}  // namespace parley::events
