// The persona codec (events/persona_codec.hpp): its event round trips with
// the stream's language and its time, and the API's JSON is read with every
// error naming its field.
#include "events/persona_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/events/stored_as.hpp"

namespace parley::events {
namespace {

using nlohmann::json;
namespace persona = domain::persona;

persona::Persona sofia() {
  return {"Sofía", persona::Tone::formal, "Un saludo,\nSofía"};
}

EventEnvelope stored_as(const NewEvent& e, const std::string& language) {
  return testing::stored_as(e, persona::kEntityType, language);
}

std::string error_of(const json& body) {
  auto p = persona_codec::persona_from_json(body);
  EXPECT_FALSE(p.ok());
  return p.ok() ? "" : p.status().message();
}

TEST(PersonaCodec, GivenASavedPersonaThenItRoundTripsWithItsLanguageAndTime) {
  const auto stored = persona_codec::encode(persona::PersonaSaved{"es", sofia(), "ana", 77});
  EXPECT_EQ(stored.type, persona::types::kSaved);
  EXPECT_EQ(stored.timestamp_us, 77);
  const json payload = json::parse(stored.payload);
  EXPECT_EQ(payload, json({{"name", "Sofía"},
                           {"tone", "formal"},
                           {"sign_off", "Un saludo,\nSofía"},
                           {"by", "ana"}}))
      << "the language is the stream's";
  auto back = persona_codec::decode(stored_as(stored, "es"));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& saved = std::get<persona::PersonaSaved>(*back);
  EXPECT_EQ(saved.language, "es");
  EXPECT_EQ(saved.persona, sofia());
  EXPECT_EQ(saved.by, "ana");
  EXPECT_EQ(saved.at_us, 77);
  EXPECT_EQ(persona_codec::encode(*back).payload, stored.payload);
}

TEST(PersonaCodec, GivenOtherTypesThenTheyAreNotItsOwn) {
  EXPECT_TRUE(persona_codec::is_persona_event(persona::types::kSaved));
  EXPECT_FALSE(persona_codec::is_persona_event("testimonial.saved"));
  NewEvent unheard{"persona.removed", 1, 1, "", "{}"};
  EXPECT_EQ(persona_codec::decode(stored_as(unheard, "en")).status().code(), StoreErrc::not_found);
}

TEST(PersonaCodec, GivenAPayloadOfTheWrongShapeOrAnUnknownToneThenItIsCorruption) {
  NewEvent bad{persona::types::kSaved, 1, 1, "", R"({"name":7,"tone":"formal"})"};
  EXPECT_EQ(persona_codec::decode(stored_as(bad, "en")).status().code(), StoreErrc::corruption);
  bad.payload = R"({"name":"Maya","tone":"sarcastic"})";
  EXPECT_EQ(persona_codec::decode(stored_as(bad, "en")).status().code(), StoreErrc::corruption);
  bad.payload = "[]";
  EXPECT_EQ(persona_codec::decode(stored_as(bad, "en")).status().code(), StoreErrc::corruption);
}

TEST(PersonaCodec, GivenTheApiJsonThenItReadsBackWhatItShows) {
  persona::State s = persona::initial_state("es");
  s.persona = sofia();
  s.saved_us = int64_t{1795341600} * 1000000;
  const json shown = persona_codec::persona_to_json("es", s);
  EXPECT_EQ(shown, json({{"language", "es"},
                         {"name", "Sofía"},
                         {"tone", "formal"},
                         {"sign_off", "Un saludo,\nSofía"},
                         {"saved_at", "2026-11-22T10:00:00.000000Z"}}));
  auto read = persona_codec::persona_from_json(shown);
  ASSERT_TRUE(read.ok()) << read.status().to_string();
  EXPECT_EQ(*read, sofia());
}

TEST(PersonaCodec, GivenTheBuiltInVoiceNeverSavedThenItIsShownWithoutATime) {
  const json shown = persona_codec::persona_to_json("hi", persona::initial_state("hi"));
  EXPECT_EQ(shown["language"], "hi");
  EXPECT_EQ(shown["name"], "");
  EXPECT_EQ(shown["tone"], "friendly");
  EXPECT_EQ(shown["sign_off"], "");
  EXPECT_TRUE(shown["saved_at"].is_null());
}

TEST(PersonaCodec, GivenMissingOrNullFieldsThenTheyAreTheBuiltInVoices) {
  auto empty = persona_codec::persona_from_json(json::object());
  ASSERT_TRUE(empty.ok()) << empty.status().to_string();
  EXPECT_TRUE(empty->empty());
  auto nulls = persona_codec::persona_from_json(
      {{"name", nullptr}, {"tone", nullptr}, {"sign_off", nullptr}});
  ASSERT_TRUE(nulls.ok()) << nulls.status().to_string();
  EXPECT_TRUE(nulls->empty());
  auto named = persona_codec::persona_from_json({{"name", "Maya"}});
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->name, "Maya");
  EXPECT_EQ(named->tone, persona::Tone::friendly);
  EXPECT_EQ(named->sign_off, "");
}

TEST(PersonaCodec, GivenAMistypedFieldOrAnUnknownToneThenTheErrorNamesIt) {
  for (const char* field : {"name", "tone", "sign_off"}) {
    EXPECT_EQ(error_of({{field, 5}}), std::string("'") + field + "' must be a string");
    EXPECT_EQ(error_of({{field, json::array()}}), std::string("'") + field + "' must be a string");
  }
  EXPECT_EQ(error_of({{"tone", "casual"}}), "'tone' must be friendly or formal");
  EXPECT_EQ(error_of({{"tone", "Formal"}}), "'tone' must be friendly or formal");
  EXPECT_EQ(error_of(json::array()), "a persona must be a JSON object");
  EXPECT_EQ(error_of("Maya"), "a persona must be a JSON object");
}

}  // namespace
}  // namespace parley::events
