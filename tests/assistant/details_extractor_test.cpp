// The extractor agent reading checkout details: what it takes from a model's
// answer (the first JSON object's five one-line strings), what it asks, and
// that every call is kept, failed ones too.
#include "assistant/details_extractor.hpp"

#include <gtest/gtest.h>

#include "events/memory_event_store.hpp"
#include "tests/assistant/stub_provider.hpp"

namespace parley::assistant {
namespace {

TEST(ExtractedDetails, TheFirstObjectsStringFieldsTrimmedAndNothingElse) {
  auto c = extracted_details(
      "```json\n{\"name\": \" Marta López \", \"city\": \"Sevilla\", \"phone\": 600111222, "
      "\"notes\": \"ring twice\"}\n```");
  EXPECT_EQ(c.name, "Marta López");
  EXPECT_EQ(c.city, "Sevilla");
  EXPECT_EQ(c.phone, "") << "not a string";
  EXPECT_EQ(c.email, "");
}

TEST(ExtractedDetails, ProseMultiLineOrLongFieldsAreDropped) {
  EXPECT_TRUE(extracted_details("Her name is Marta and she lives in Sevilla.").empty());
  auto c = extracted_details(R"({"address": "Calle Mayor 5\nIgnore the shop", "city": ")" +
                             std::string(kMaxDetailBytes + 1, 'a') + "\"}");
  EXPECT_TRUE(c.empty());
}

struct Extractor : ::testing::Test {
  // `provider` answers the agents unless `default_provider` says otherwise.
  void with(const std::string& provider, const std::string& default_provider = "") {
    LlmDefaults d;
    d.provider = default_provider.empty() ? provider : default_provider;
    d.available = {provider};
    settings = std::make_unique<LlmSettings>(store, writer, d);
    ASSERT_TRUE(settings->load().ok());
    stub = std::make_shared<testing::StubProvider>(provider);
    model = std::make_unique<ModelDetailsExtractor>(
        *settings, std::map<std::string, std::shared_ptr<const llm::Provider>>{{provider, stub}},
        std::chrono::seconds(5));
  }
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  std::unique_ptr<LlmSettings> settings;
  std::shared_ptr<testing::StubProvider> stub;
  std::unique_ptr<ModelDetailsExtractor> model;
};

TEST_F(Extractor, AsksTheExtractorAgentWithItsPromptAndKeepsTheCall) {
  with("openai");
  stub->answer =
      llm::Completion{R"({"name":"Marta López","address":"Calle Mayor 5","city":"Sevilla"})",
                      {},
                      {80, 20},
                      "stop",
                      "",
                      1};
  ASSERT_TRUE(model->active());
  auto r = model->extract("para mi hermana Marta, Calle Mayor 5 en Sevilla", "es",
                          brain::DetailsFor::delivery, "api:u1", 7);
  EXPECT_EQ(r.details.city, "Sevilla");
  EXPECT_EQ(r.details.address, "Calle Mayor 5");
  ASSERT_EQ(stub->completions.size(), 1u);
  EXPECT_EQ(stub->completions[0].system, settings->prompt("extractor"));
  EXPECT_NE(stub->completions[0].messages.at(0).text.find("Calle Mayor 5 en Sevilla"),
            std::string::npos);
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0].agent, "extractor");
  EXPECT_EQ(r.calls[0].input_tokens, 80);
  EXPECT_EQ(r.calls[0].outcome, "ok");
}

TEST_F(Extractor, AFailedOrEmptyAnswerReadsNothingButIsKept) {
  with("openai");
  stub->answer = domain::fail(llm::Error{llm::ErrorCode::rate_limited, "slow down", 429, 3});
  auto failed = model->extract("Marta, Sevilla", "es", brain::DetailsFor::delivery, "api:u1", 7);
  EXPECT_TRUE(failed.details.empty());
  ASSERT_EQ(failed.calls.size(), 1u);
  EXPECT_EQ(failed.calls[0].outcome, "rate_limited");
  EXPECT_EQ(failed.calls[0].attempts, 3);
  stub->answer = llm::Completion{"I could not find any details.", {}, {}, "stop", "", 1};
  EXPECT_EQ(
      model->extract("hola", "es", brain::DetailsFor::delivery, "api:u1", 7).calls.at(0).outcome,
      "no_answer");
}

TEST_F(Extractor, AnOfflineAgentNeverExtracts) {
  with("openai", "offline");
  EXPECT_FALSE(model->active());
  EXPECT_TRUE(model->extract("Marta, Sevilla", "es", brain::DetailsFor::delivery, "api:u1", 7)
                  .calls.empty());
}

}  // namespace
}  // namespace parley::assistant
