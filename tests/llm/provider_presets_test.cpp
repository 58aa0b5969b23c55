// The OpenAI-compatible presets (xai, openrouter, groq, ollama, llamacpp)
// beside the three native APIs: one table of names, URLs and keys; a preset
// speaks OpenAI's chat completions to its base URL with its key, and its
// usage is recorded, priced and configurable under its own name.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "assistant/llm_settings.hpp"
#include "assistant/model_turn.hpp"
#include "domain/llm_config.hpp"
#include "llm/provider.hpp"
#include "projections/pricing.hpp"
#include "tests/assistant/shop_fixture.hpp"
#include "tests/llm/provider_answers.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using Clock = std::chrono::steady_clock;

const char* const kCompatible[] = {"xai", "openrouter", "groq", "ollama", "llamacpp"};

CompletionRequest hello(const std::string& model) {
  CompletionRequest r;
  r.model = model;
  r.system = "You are the shop's assistant.";
  r.messages.push_back({Message::Role::user, "I need screws", {}, "", "", false});
  return r;
}

std::unique_ptr<Provider> at(const FakePlatform& fake, const std::string& name,
                             const std::string& key = "sk-test") {
  ProviderSettings s;
  s.name = name;
  s.base_url = fake.base() + "/v1/";
  s.api_key = key;
  s.retry.max_attempts = 1;
  return make_provider(s);
}

TEST(ProviderPresets, EachHasItsBaseUrlAndItsKeyVariable) {
  struct Want {
    const char* name;
    const char* url;
    const char* key;
    const char* base;
    bool key_required;
  };
  const Want want[] = {
      {"openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "OPENAI_BASE_URL", true},
      {"anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", true},
      {"gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", "GEMINI_BASE_URL",
       true},
      {"xai", "https://api.x.ai/v1", "XAI_API_KEY", "XAI_BASE_URL", true},
      {"openrouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", "OPENROUTER_BASE_URL",
       true},
      {"groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY", "GROQ_BASE_URL", true},
      {"ollama", "http://127.0.0.1:11434/v1", "OLLAMA_API_KEY", "OLLAMA_BASE_URL", false},
      {"llamacpp", "http://127.0.0.1:8080/v1", "LLAMACPP_API_KEY", "LLAMACPP_BASE_URL", false},
  };
  ASSERT_EQ(provider_presets().size(), std::size(want));
  for (const auto& w : want) {
    const ProviderPreset* p = find_preset(w.name);
    ASSERT_NE(p, nullptr) << w.name;
    EXPECT_EQ(default_base_url(w.name), w.url);
    EXPECT_STREQ(p->key_env, w.key);
    EXPECT_STREQ(p->base_url_env, w.base);
    EXPECT_EQ(p->key_required, w.key_required) << w.name;
    EXPECT_STRNE(p->default_model, "") << w.name;
  }
  for (const char* name : kCompatible) EXPECT_EQ(find_preset(name)->wire, WireFormat::openai);
  EXPECT_EQ(find_preset("anthropic")->wire, WireFormat::anthropic);
  EXPECT_EQ(find_preset("gemini")->wire, WireFormat::gemini);
  EXPECT_EQ(find_preset("mistral"), nullptr);
  EXPECT_EQ(default_base_url("mistral"), "");
}

TEST(ProviderPresets, AnUnknownNameMakesNoProvider) {
  ProviderSettings s;
  s.name = "mistral";
  s.api_key = "k";
  EXPECT_EQ(make_provider(s), nullptr);
}

TEST(ProviderPresets, APresetSpeaksOpenAiToItsBaseUrlWithItsKeyAndKeepsItsName) {
  for (const char* name : kCompatible) {
    SCOPED_TRACE(name);
    FakePlatform fake([](const Recorded&, size_t) {
      return Answer{200, testing::llm_answers::kOpenAi.plain};
    });
    auto p = at(fake, name, std::string("sk-") + name);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->name(), name);
    auto r = p->complete(hello("m1"), Clock::now() + milliseconds(5000));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r.value().text, "Hello! How can I help?");
    EXPECT_EQ(r.value().usage.input_tokens, 42);
    EXPECT_EQ(r.value().usage.output_tokens, 7);
    ASSERT_EQ(fake.requests().size(), 1u);
    const Recorded q = fake.requests()[0];
    EXPECT_EQ(q.method, "POST");
    EXPECT_EQ(q.path, "/v1/chat/completions");
    EXPECT_EQ(q.headers.at("authorization"), std::string("Bearer sk-") + name);
    const json body = json::parse(q.body);
    EXPECT_EQ(body["model"], "m1");
    EXPECT_EQ(body["messages"][0],
              json({{"role", "system"}, {"content", "You are the shop's assistant."}}));
    EXPECT_EQ(body["messages"][1], json({{"role", "user"}, {"content", "I need screws"}}));
  }
}

TEST(ProviderPresets, ALocalServerWithoutAKeyIsSentNoAuthorization) {
  for (const char* name : {"ollama", "llamacpp"}) {
    SCOPED_TRACE(name);
    FakePlatform fake([](const Recorded&, size_t) {
      return Answer{200, testing::llm_answers::kOpenAi.plain};
    });
    auto r = at(fake, name, "")->complete(hello("llama3.2"), Clock::now() + milliseconds(5000));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(fake.requests().at(0).headers.count("authorization"), 0u);
  }
}

TEST(ProviderPresets, APresetStreamsAsOpenAiDoes) {
  FakePlatform fake([](const Recorded&, size_t) {
    return Answer{200, testing::llm_answers::kOpenAi.stream};
  });
  std::string text;
  auto r = at(fake, "groq")
               ->complete(hello("llama-3.3-70b-versatile"), Clock::now() + milliseconds(5000),
                          [&](std::string_view d) { text += d; });
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(text, "Hello");
  EXPECT_EQ(r.value().usage.input_tokens, 30);
  EXPECT_EQ(json::parse(fake.requests().at(0).body)["stream"], true);
}

TEST(ProviderPresets, AModelTurnRecordsItsUsageUnderThePresetsName) {
  FakePlatform fake([](const Recorded&, size_t) {
    json answer = json::parse(testing::llm_answers::kOpenAi.plain);
    answer["model"] = "llama-3.3-70b-versatile";
    return Answer{200, answer.dump()};
  });
  auto groq = at(fake, "groq", "gsk-test");
  assistant::ModelTurnSettings settings;
  settings.model = "llama-3.3-70b-versatile";
  settings.system_prompt = "You sell.";
  brain::AdviceRequest req{"api:u1", "hello", "en", 42, {}};
  auto advice = assistant::run_model_turn(*groq, settings, assistant::testing::started(), req,
                                          assistant::testing::shop_catalog(), {},
                                          Clock::now() + std::chrono::seconds(5));
  ASSERT_TRUE(advice->usable) << advice->fallback.reason << ": " << advice->fallback.detail;
  EXPECT_EQ(advice->brain, "groq");
  ASSERT_EQ(advice->calls.size(), 1u);
  const auto& call = advice->calls[0];
  EXPECT_EQ(call.provider, "groq");
  EXPECT_EQ(call.model, "llama-3.3-70b-versatile");
  EXPECT_EQ(call.input_tokens, 42);
  // What the billing view makes of it: Groq's price, not OpenAI's.
  const auto price = projections::price_of(call.provider, call.model);
  EXPECT_EQ(price.source, "exact");
  EXPECT_DOUBLE_EQ(price.input_per_mtok, 0.59);
  EXPECT_EQ(projections::cost_micros(price, call.input_tokens, call.output_tokens),
            std::llround(42 * 0.59 + 7 * 0.79));
}

TEST(PresetPricing, AKnownModelOfEachHostedPresetHasItsPrice) {
  struct Case {
    const char* provider;
    const char* model;
    double in, out;
    const char* source;
  };
  const Case cases[] = {
      {"xai", "grok-3", 3.00, 15.00, "exact"},
      {"xai", "grok-3-mini", 0.30, 0.50, "exact"},
      {"xai", "grok-3-mini-beta", 0.30, 0.50, "prefix"},
      {"groq", "llama-3.3-70b-versatile", 0.59, 0.79, "exact"},
      {"groq", "llama-3.1-8b-instant", 0.05, 0.08, "exact"},
      {"openrouter", "openai/gpt-4o-mini", 0.15, 0.60, "exact"},
      {"openrouter", "openai/gpt-4o", 2.50, 10.00, "exact"},
      {"openrouter", "anthropic/claude-3.5-sonnet", 3.00, 15.00, "exact"},
      {"openrouter", "meta-llama/llama-3.3-70b-instruct", 0.13, 0.40, "exact"},
      {"openrouter", "google/gemini-2.0-flash-001", 0.10, 0.40, "prefix"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.provider) + " " + c.model);
    const auto p = projections::price_of(c.provider, c.model);
    EXPECT_DOUBLE_EQ(p.input_per_mtok, c.in);
    EXPECT_DOUBLE_EQ(p.output_per_mtok, c.out);
    EXPECT_EQ(p.source, c.source);
  }
  // A preset's models are its own: OpenAI's name under groq is not OpenAI's price.
  EXPECT_EQ(projections::price_of("groq", "gpt-4o-mini").source, "provider_default");
  for (const char* name : {"xai", "groq", "openrouter"})
    EXPECT_FALSE(projections::priced_models(name).empty()) << name;
}

TEST(PresetPricing, AnUnknownModelOfAHostedPresetIsPricedByItsDefault) {
  for (const char* name : {"xai", "groq", "openrouter"}) {
    const auto p = projections::price_of(name, "something-new");
    EXPECT_EQ(p.source, "provider_default") << name;
    EXPECT_GT(p.input_per_mtok, 0) << name;
    EXPECT_GT(p.output_per_mtok, 0) << name;
  }
}

TEST(PresetPricing, ALocalServerCostsNothingWhateverTheModel) {
  for (const char* name : {"ollama", "llamacpp"}) {
    for (const char* model : {"llama3.2", "qwen2.5:7b", "gpt-4o", ""}) {
      const auto p = projections::price_of(name, model);
      EXPECT_EQ(p.input_per_mtok, 0) << name << " " << model;
      EXPECT_EQ(p.output_per_mtok, 0) << name << " " << model;
      EXPECT_EQ(p.source, "local") << name << " " << model;
      EXPECT_EQ(projections::cost_micros(p, 1000000, 1000000), 0);
    }
    EXPECT_TRUE(projections::priced_models(name).empty()) << name;
  }
  // Every preset that needs no key is a local server, and only those are free.
  for (const auto& p : provider_presets())
    EXPECT_EQ(projections::price_of(p.name, "any").source == "local", !p.key_required) << p.name;
}

TEST(PresetPricing, AFreeOpenRouterModelCostsNothing) {
  const auto p = projections::price_of("openrouter", "meta-llama/llama-3.3-70b-instruct:free");
  EXPECT_EQ(p.source, "free");
  EXPECT_EQ(projections::cost_micros(p, 500000, 500000), 0);
}

TEST(PresetPricing, TheNativeProvidersAreAsBefore) {
  EXPECT_DOUBLE_EQ(projections::price_of("openai", "gpt-4o-mini").input_per_mtok, 0.15);
  EXPECT_EQ(projections::price_of("openai", "gpt-4o-mini-2024-07-18").source, "prefix");
  EXPECT_DOUBLE_EQ(projections::price_of("anthropic", "claude-x").input_per_mtok, 3.00);
  EXPECT_DOUBLE_EQ(projections::price_of("openai", "unknown").input_per_mtok, 2.50);
  EXPECT_EQ(projections::price_of("offline", "").source, "provider_default");
}

TEST(PresetConfig, EveryPresetIsAProviderAnAgentCanBeSetTo) {
  namespace cfg = domain::llm_config;
  std::set<std::string> names(cfg::providers().begin(), cfg::providers().end());
  std::set<std::string> want = {"offline"};
  for (const auto& p : provider_presets()) want.insert(p.name);
  EXPECT_EQ(names, want);
  for (const char* name : kCompatible) {
    auto events =
        cfg::decide(cfg::State{}, cfg::Configure{{{"responder", {name, "m"}}}, "admin", 1});
    ASSERT_TRUE(events) << name << ": " << cfg::to_string(events.error());
    ASSERT_EQ(events.value().size(), 1u);
    EXPECT_EQ(std::get<cfg::AgentConfigured>(events.value()[0]).setting.provider, name);
    // Like every model provider, a preset needs a model.
    auto none = cfg::decide(cfg::State{}, cfg::Configure{{{"responder", {name, ""}}}, "admin", 1});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error(), cfg::Error::missing_model);
  }
  EXPECT_FALSE(
      cfg::decide(cfg::State{}, cfg::Configure{{{"responder", {"mistral", "m"}}}, "a", 1}));
}

TEST(PresetConfig, EachPresetHasADefaultModelForItsAgents) {
  EXPECT_EQ(assistant::default_model("openai"), "gpt-4o-mini");
  EXPECT_EQ(assistant::default_model("anthropic"), "claude-3-5-haiku-latest");
  EXPECT_EQ(assistant::default_model("gemini"), "gemini-2.0-flash");
  EXPECT_EQ(assistant::default_model("groq"), "llama-3.3-70b-versatile");
  EXPECT_EQ(assistant::default_model("xai"), "grok-3-mini");
  EXPECT_EQ(assistant::default_model("openrouter"), "openai/gpt-4o-mini");
  EXPECT_FALSE(assistant::default_model("ollama").empty());
  EXPECT_FALSE(assistant::default_model("llamacpp").empty());
  EXPECT_EQ(assistant::default_model("offline"), "");
}

}  // namespace
}  // namespace parley::llm
