// The funnel by local day and channel: conversations (first message),
// searches, carts (a conversation's first item after an empty cart),
// checkouts (checkout.started) and orders, plus every zero-result search.
//   "day/<day>/<channel>"           conversations, searches,
//                                   zero_result_searches, carts, checkouts,
//                                   orders
//   "zero/<day>/<channel>/<query>"  count of searches for `query` that found
//                                   nothing; with a pseudonym (`parley serve`)
//                                   the key holds its keyed hash, the row the
//                                   query, so what shoppers typed is sealed
//                                   at rest with the row
//   "open/<conversation id>"        the fold's own memory: the number of lines
//                                   while the conversation's cart has any
#pragma once

#include <functional>
#include <string_view>

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

class FunnelView final : public JsonRowProjection {
 public:
  using Pseudonym = std::function<std::string(std::string_view)>;
  explicit FunnelView(Calendar calendar, Pseudonym pseudonym = {})
      : JsonRowProjection(
            "funnel",
            std::string(pseudonym ? "funnel/2 pseudonymous " : "funnel/1 ") + calendar.zone()),
        calendar_(std::move(calendar)),
        pseudonym_(std::move(pseudonym)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  static constexpr const char* kStages[] = {"conversations", "searches", "carts", "checkouts",
                                            "orders"};

  // The stages summed over the days and channels asked for, the days
  // themselves, and the zero-result searches, most frequent first.
  struct Report {
    nlohmann::json totals;
    nlohmann::json days = nlohmann::json::array();
    nlohmann::json zero_result_searches = nlohmann::json::array();
  };
  Report report(const RowFilter& filter) const;  // takes the view's lock

 private:
  Calendar calendar_;
  Pseudonym pseudonym_;
};

}  // namespace parley::projections
