// The funnel by local day and channel: conversations (first message),
// searches, carts (a conversation's first item after an empty cart),
// checkouts (checkout.started) and orders, plus every zero-result search.
//   "day/<day>/<channel>"           conversations, searches,
//                                   zero_result_searches, carts, checkouts,
//                                   orders
//   "zero/<day>/<channel>/<query>"  count of searches for `query` that found
//                                   nothing
//   "open/<conversation id>"        the fold's own memory: the number of lines
//                                   while the conversation's cart has any
#pragma once

#include "projections/calendar.hpp"
#include "projections/projection.hpp"

namespace parley::projections {

class FunnelView final : public JsonRowProjection {
 public:
  explicit FunnelView(Calendar calendar)
      : JsonRowProjection("funnel", "funnel/1 " + calendar.zone()),
        calendar_(std::move(calendar)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  static constexpr const char* kStages[] = {"conversations", "searches", "carts", "checkouts",
                                            "orders"};

 private:
  Calendar calendar_;
};

}  // namespace parley::projections
