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
  };
  return t;
}

Price provider_default(const std::string& provider) {
  if (provider == "anthropic") return {3.00, 15.00, "provider_default"};
  if (provider == "gemini") return {0.30, 2.50, "provider_default"};
  if (provider == "offline") return {0, 0, "provider_default"};
  return {2.50, 10.00, "provider_default"};  // openai and OpenAI-compatible servers
}

}  // namespace

std::vector<PricedModel> priced_models(const std::string& provider) {
  std::vector<PricedModel> out;
  for (const auto& e : table())
    if (provider == e.provider) out.push_back({e.model, e.in, e.out});
  return out;
}

Price price_of(const std::string& provider, const std::string& model) {
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
