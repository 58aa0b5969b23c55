// Billing: what the shop's conversations cost and carry, by local day.
//   "usage/<day>/<provider>/<model>/<agent>"  calls, input_tokens,
//       output_tokens, cost_micros (estimated USD × 10^6) and pricing_source
//       (pricing.hpp), from llm.usage events;
//   "messages/<day>/<channel>"  received and sent, from the conversations'
//       message events (the channel is read from the stream id, so message
//       payloads are never parsed here).
// llm.usage v1 (stream "usage/<id>", linked to the append that made the
// call): provider, model, agent ("shop", "crm", "nlu" …), input_tokens,
// output_tokens, conversation_id?.
#pragma once

#include "projections/calendar.hpp"
#include "projections/projection.hpp"

namespace parley::projections {

inline constexpr const char* kLlmUsage = "llm.usage";

class BillingView final : public JsonRowProjection {
 public:
  explicit BillingView(Calendar calendar)
      : JsonRowProjection("billing", "billing/1 " + calendar.zone()),
        calendar_(std::move(calendar)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

 private:
  Calendar calendar_;
};

}  // namespace parley::projections
