// Billing: what the shop's conversations cost and carry, by local day.
//   "usage/<day>/<provider>/<model>/<agent>/<channel>"  calls, input_tokens,
//       output_tokens, cost_micros (estimated USD × 10^6) and pricing_source
//       (pricing.hpp), from llm.usage events;
//       plus failed (calls whose outcome was not "ok") and latency_ms (summed);
//       the channel is the conversation id's prefix ("" for a call outside one);
//   "conversation/<conversation id>"  the same sums for one conversation,
//       with its first and last day and its fallbacks;
//   "fallback/<day>/<reason>"  turns the offline brain answered instead of
//       the model, from llm.fallback events;
//   "messages/<day>/<channel>"  received and sent, from the conversations'
//       message events (the channel is read from the stream id, so message
//       payloads are never parsed here).
// llm.usage and llm.fallback: events/llm_codec.hpp.
#pragma once

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

inline constexpr const char* kLlmUsage = "llm.usage";
inline constexpr const char* kLlmFallback = "llm.fallback";

class BillingView final : public JsonRowProjection {
 public:
  explicit BillingView(Calendar calendar)
      : JsonRowProjection("billing", "billing/3 " + calendar.zone()),
        calendar_(std::move(calendar)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  // Queries (they take the view's lock). Costs in USD beside the micros.
  struct Usage {
    nlohmann::json usage = nlohmann::json::array();  // per day/provider/model/agent/channel
    nlohmann::json by_day = nlohmann::json::array();
    nlohmann::json fallbacks = nlohmann::json::array();
    nlohmann::json messages = nlohmann::json::array();  // by day and channel
    nlohmann::json totals;
  };
  // `provider` "" for every provider.
  Usage usage(const RowFilter& filter, const std::string& provider) const;
  // LLM cost per conversation whose use overlaps the dates, most expensive
  // first; `only` one conversation ("" for all).
  std::vector<nlohmann::json> conversations(const RowFilter& filter, const std::string& only,
                                            size_t limit) const;

 private:
  nlohmann::json& conversation_row(const std::string& id, const std::string& day);
  Calendar calendar_;
};

}  // namespace parley::projections
