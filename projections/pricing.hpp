// Estimated LLM prices, USD per million tokens, for the billing view. A model
// is priced by its exact name, else by the longest known prefix
// ("gpt-4o-mini-2024-07-18" -> "gpt-4o-mini"), else by its provider's
// default; the view records which of the three it used. A local server
// (ollama, llamacpp) costs nothing, whatever the model ("local"), and so
// does an OpenRouter model whose name ends in ":free" ("free").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::projections {

struct Price {
  double input_per_mtok = 0;   // USD
  double output_per_mtok = 0;  // USD
  std::string source;          // "exact", "prefix", "provider_default", "local" or "free"
};

Price price_of(const std::string& provider, const std::string& model);
// The models the table prices by name, for one provider.
struct PricedModel {
  std::string model;
  double input_per_mtok = 0;
  double output_per_mtok = 0;
};
std::vector<PricedModel> priced_models(const std::string& provider);
// Estimated cost in micro-dollars (integer, so views add up exactly).
int64_t cost_micros(const Price& price, int64_t input_tokens, int64_t output_tokens);

}  // namespace parley::projections
