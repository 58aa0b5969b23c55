// PARLEY_LLM and the presets' variables (tools/settings.cpp): every preset
// is a name PARLEY_LLM takes; a hosted one needs its key (the error names
// the variable), a local server is there without one; <NAME>_BASE_URL
// overrides a preset's own URL. The three native providers are as before.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "llm/provider.hpp"
#include "tools/settings.hpp"

namespace parley::tools {
namespace {

// Clears the LLM variables for a test and puts them back after it.
class PresetSettings : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> names = {"PARLEY_LLM", "PARLEY_LLM_MODEL", "PARLEY_LLM_TIMEOUT"};
    for (const auto& p : llm::provider_presets()) {
      names.push_back(p.key_env);
      names.push_back(p.base_url_env);
    }
    for (const auto& n : names) {
      const char* v = std::getenv(n.c_str());
      saved_.emplace_back(n, v ? std::optional<std::string>(v) : std::nullopt);
      ::unsetenv(n.c_str());
    }
  }
  void TearDown() override {
    for (const auto& [n, v] : saved_) {
      if (v)
        ::setenv(n.c_str(), v->c_str(), 1);
      else
        ::unsetenv(n.c_str());
    }
  }
  static void set(const char* name, const char* value) { ::setenv(name, value, 1); }
  // load_settings' verdict: "" when it accepted the environment.
  static std::string load(Settings* s) {
    std::string error;
    if (load_settings(s, &error)) return "";
    return error.empty() ? "refused without a message" : error;
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(PresetSettings, EveryHostedPresetIsAcceptedWithItsKey) {
  const std::pair<const char*, const char*> hosted[] = {
      {"openai", "OPENAI_API_KEY"},         {"anthropic", "ANTHROPIC_API_KEY"},
      {"gemini", "GEMINI_API_KEY"},         {"xai", "XAI_API_KEY"},
      {"openrouter", "OPENROUTER_API_KEY"}, {"groq", "GROQ_API_KEY"}};
  for (const auto& [name, key] : hosted) {
    SCOPED_TRACE(name);
    set("PARLEY_LLM", name);
    set(key, "sk-test");
    Settings s;
    EXPECT_EQ(load(&s), "");
    EXPECT_EQ(s.llm.provider, name);
    EXPECT_EQ(s.llm.providers.at(name).api_key, "sk-test");
    EXPECT_EQ(s.llm.providers.at(name).base_url, "");
    EXPECT_TRUE(s.llm.providers.at(name).available());
    ::unsetenv(key);
  }
}

TEST_F(PresetSettings, AHostedPresetWithoutItsKeyIsRefusedNamingTheVariable) {
  const std::pair<const char*, const char*> hosted[] = {
      {"xai", "XAI_API_KEY"}, {"openrouter", "OPENROUTER_API_KEY"}, {"groq", "GROQ_API_KEY"}};
  for (const auto& [name, key] : hosted) {
    SCOPED_TRACE(name);
    set("PARLEY_LLM", name);
    Settings s;
    const std::string error = load(&s);
    EXPECT_NE(error.find(std::string("PARLEY_LLM=") + name + " needs " + key), std::string::npos)
        << error;
  }
  // Another preset's key is not this one's.
  set("PARLEY_LLM", "groq");
  set("OPENAI_API_KEY", "sk-openai");
  Settings s;
  EXPECT_NE(load(&s).find("GROQ_API_KEY"), std::string::npos);
}

TEST_F(PresetSettings, ALocalServerIsAvailableWithoutAKeyAtItsOwnUrl) {
  for (const char* name : {"ollama", "llamacpp"}) {
    SCOPED_TRACE(name);
    set("PARLEY_LLM", name);
    Settings s;
    EXPECT_EQ(load(&s), "");
    EXPECT_EQ(s.llm.provider, name);
    const auto& env = s.llm.providers.at(name);
    EXPECT_EQ(env.api_key, "");
    EXPECT_EQ(env.base_url, "");  // "": the preset's own
    EXPECT_TRUE(env.available());
  }
  // Not named and no URL set: no one said a server runs, so the admin's
  // choices do not offer it; a URL set makes it available too.
  ::unsetenv("PARLEY_LLM");
  Settings s;
  EXPECT_EQ(load(&s), "");
  EXPECT_EQ(s.llm.provider, "offline");
  EXPECT_FALSE(s.llm.providers.at("ollama").available());
  EXPECT_FALSE(s.llm.providers.at("llamacpp").available());
  EXPECT_FALSE(s.llm.providers.at("groq").available());
  EXPECT_FALSE(s.llm.providers.at("openai").available());
  set("OLLAMA_BASE_URL", "http://127.0.0.1:11434/v1");
  Settings with_url;
  EXPECT_EQ(load(&with_url), "");
  EXPECT_TRUE(with_url.llm.providers.at("ollama").available());
  ::unsetenv("OLLAMA_BASE_URL");
}

TEST_F(PresetSettings, ABaseUrlVariableOverridesThePresetsOwn) {
  const std::pair<const char*, const char*> urls[] = {{"ollama", "OLLAMA_BASE_URL"},
                                                      {"llamacpp", "LLAMACPP_BASE_URL"},
                                                      {"groq", "GROQ_BASE_URL"},
                                                      {"xai", "XAI_BASE_URL"},
                                                      {"openrouter", "OPENROUTER_BASE_URL"}};
  for (const auto& [name, var] : urls) {
    SCOPED_TRACE(name);
    set(var, "http://10.0.0.5:9000/v1");
    Settings s;
    EXPECT_EQ(load(&s), "");
    EXPECT_EQ(s.llm.providers.at(name).base_url, "http://10.0.0.5:9000/v1");
    // A hosted preset with a base URL and no key: a server that takes none, as for openai.
    EXPECT_TRUE(s.llm.providers.at(name).available());
    ::unsetenv(var);
    Settings plain;
    EXPECT_EQ(load(&plain), "");
    EXPECT_EQ(plain.llm.providers.at(name).base_url, "");
  }
  set("PARLEY_LLM", "llamacpp");
  set("LLAMACPP_BASE_URL", "http://127.0.0.1:8081/v1");
  set("LLAMACPP_API_KEY", "local-secret");
  Settings s;
  EXPECT_EQ(load(&s), "");
  EXPECT_EQ(s.llm.providers.at("llamacpp").base_url, "http://127.0.0.1:8081/v1");
  EXPECT_EQ(s.llm.providers.at("llamacpp").api_key, "local-secret");
}

TEST_F(PresetSettings, AnUnknownNameIsRefusedListingEveryName) {
  set("PARLEY_LLM", "mistral");
  Settings s;
  EXPECT_EQ(load(&s),
            "PARLEY_LLM='mistral' must be offline, openai, anthropic, gemini, xai, openrouter, "
            "groq, ollama or llamacpp");
}

TEST_F(PresetSettings, TheNativeProvidersAreAsBefore) {
  set("PARLEY_LLM", "anthropic");
  Settings s;
  EXPECT_EQ(load(&s),
            "PARLEY_LLM=anthropic needs ANTHROPIC_API_KEY (or ANTHROPIC_BASE_URL for a server "
            "that takes no key)");
  set("PARLEY_LLM", "openai");
  set("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1");
  Settings keyless;
  EXPECT_EQ(load(&keyless), "");
  EXPECT_EQ(keyless.llm.providers.at("openai").api_key, "");
  ::unsetenv("PARLEY_LLM");
  Settings offline;
  EXPECT_EQ(load(&offline), "");
  EXPECT_EQ(offline.llm.provider, "offline");
}

TEST_F(PresetSettings, EveryPresetHasItsEntry) {
  Settings s;
  EXPECT_EQ(load(&s), "");
  ASSERT_EQ(s.llm.providers.size(), llm::provider_presets().size());
  for (const auto& p : llm::provider_presets()) {
    ASSERT_EQ(s.llm.providers.count(p.name), 1u) << p.name;
    EXPECT_EQ(s.llm.providers.at(p.name).key_required, p.key_required) << p.name;
  }
}

}  // namespace
}  // namespace parley::tools
