#include "projections/pricing.hpp"

#include <cmath>
#include <vector>

namespace parley::projections {

namespace {

struct Entry {
  const char* provider;
  const char* model;
  double in, out;
};

// Published list prices (USD / 1M tokens) as of 2026; estimates, not invoices.
const std::vector<Entry>& table() {
  static const std::vector<Entry> t = {
      {"openai", "gpt-4o-mini", 0.15, 0.60},
      {"openai", "gpt-4o", 2.50, 10.00},
      {"openai", "gpt-4.1-nano", 0.10, 0.40},
      {"openai", "gpt-4.1-mini", 0.40, 1.60},
      {"openai", "gpt-4.1", 2.00, 8.00},
      {"openai", "o4-mini", 1.10, 4.40},
      {"anthropic", "claude-3-5-haiku", 0.80, 4.00},
      {"anthropic", "claude-3-5-sonnet", 3.00, 15.00},
      {"anthropic", "claude-3-7-sonnet", 3.00, 15.00},
      {"anthropic", "claude-sonnet-4", 3.00, 15.00},
      {"anthropic", "claude-opus-4", 15.00, 75.00},
      {"anthropic", "claude-haiku-4", 1.00, 5.00},
      {"gemini", "gemini-2.0-flash", 0.10, 0.40},
      {"gemini", "gemini-2.5-flash", 0.30, 2.50},
      {"gemini", "gemini-2.5-pro", 1.25, 10.00},
      {"gemini", "gemini-1.5-flash", 0.075, 0.30},
      {"gemini", "gemini-1.5-pro", 1.25, 5.00},
      // The OpenAI-compatible presets (llm/provider.hpp), entered 2026-12-05
      // from the list prices last seen (2025): estimates, check before trusting.
      {"xai", "grok-2", 2.00, 10.00},
      {"xai", "grok-3", 3.00, 15.00},
      {"xai", "grok-3-mini", 0.30, 0.50},
      {"xai", "grok-4", 3.00, 15.00},
      {"xai", "grok-4-fast", 0.20, 0.50},
      {"groq", "llama-3.3-70b-versatile", 0.59, 0.79},
      {"groq", "llama-3.1-8b-instant", 0.05, 0.08},
      {"groq", "meta-llama/llama-4-scout-17b-16e-instruct", 0.11, 0.34},
      {"groq", "meta-llama/llama-4-maverick-17b-128e-instruct", 0.20, 0.60},
      {"groq", "openai/gpt-oss-120b", 0.15, 0.75},
      {"groq", "openai/gpt-oss-20b", 0.10, 0.50},
      // OpenRouter names models "vendor/model"; its prices follow the vendor's.
      {"openrouter", "openai/gpt-4o-mini", 0.15, 0.60},
      {"openrouter", "openai/gpt-4o", 2.50, 10.00},
      {"openrouter", "openai/gpt-4.1-mini", 0.40, 1.60},
      {"openrouter", "anthropic/claude-3.5-haiku", 0.80, 4.00},
      {"openrouter", "anthropic/claude-3.5-sonnet", 3.00, 15.00},
      {"openrouter", "anthropic/claude-sonnet-4", 3.00, 15.00},
      {"openrouter", "google/gemini-2.0-flash", 0.10, 0.40},
      {"openrouter", "google/gemini-2.5-flash", 0.30, 2.50},
      {"openrouter", "meta-llama/llama-3.3-70b-instruct", 0.13, 0.40},
      {"openrouter", "meta-llama/llama-3.1-8b-instruct", 0.02, 0.05},
      {"openrouter", "x-ai/grok-3-mini", 0.30, 0.50},
  };
  return t;
}

// A local server runs on the shop's own machine: no bill.
bool local(const std::string& provider) {
  return provider == "ollama" || provider == "llamacpp";
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Price provider_default(const std::string& provider) {
  if (provider == "anthropic") return {3.00, 15.00, "provider_default"};
  if (provider == "gemini") return {0.30, 2.50, "provider_default"};
  if (provider == "offline") return {0, 0, "provider_default"};
  if (provider == "xai") return {3.00, 15.00, "provider_default"};
  if (provider == "groq") return {0.59, 0.79, "provider_default"};
  return {2.50, 10.00, "provider_default"};  // openai, openrouter and other OpenAI-compatible
}

}  // namespace

std::vector<PricedModel> priced_models(const std::string& provider) {
  std::vector<PricedModel> out;
  for (const auto& e : table())
    if (provider == e.provider) out.push_back({e.model, e.in, e.out});
  return out;
}

Price price_of(const std::string& provider, const std::string& model) {
  if (local(provider)) return {0, 0, "local"};
  if (provider == "openrouter" && ends_with(model, ":free")) return {0, 0, "free"};
  const Entry* best = nullptr;
  size_t best_len = 0;
  for (const auto& e : table()) {
    if (provider != e.provider) continue;
    const std::string m = e.model;
    if (model == m) return {e.in, e.out, "exact"};
    if (model.compare(0, m.size(), m) == 0 && m.size() > best_len) {
      best = &e;
      best_len = m.size();
    }
  }
  if (best) return {best->in, best->out, "prefix"};
  return provider_default(provider);
}

int64_t cost_micros(const Price& p, int64_t in, int64_t out) {
  return std::llround(static_cast<double>(in) * p.input_per_mtok +
                      static_cast<double>(out) * p.output_per_mtok);
}

}  // namespace parley::projections
