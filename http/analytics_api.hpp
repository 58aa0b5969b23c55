// The analyst API over the projection engine's views (role analyst or admin).
// Every list takes from=/to= (local dates YYYY-MM-DD, inclusive), channel=,
// and where rows have one, assignee=; ?format=csv answers text/csv.
//   GET /api/v1/analytics/billing    LLM usage and cost by day, provider,
//                                    model, agent; messages by day and channel
//                                    (?table=messages for that CSV)
//   GET /api/v1/analytics/funnel     conversations -> searches -> carts ->
//                                    checkouts -> orders by day and channel,
//                                    and the zero-result searches
//                                    (?table=zero_results for that CSV)
//   GET /api/v1/nudges               shopper nudges (?kind=follow_up or all
//                                    for the leads' follow-ups), ?state=
//   GET /api/v1/analytics/carts      ?state=open|abandoned|ordered|emptied,
//                                    abandoned_after_hours= (24)
//   GET /api/v1/analytics/orders     orders; /customers: customers
//   GET /api/v1/analytics/activity/{conversation|lead}/{id}
//                                    the entity's history, oldest first
#pragma once

#include <functional>

#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/activity.hpp"
#include "projections/billing_view.hpp"
#include "projections/carts_view.hpp"
#include "projections/funnel_view.hpp"
#include "projections/orders_view.hpp"
#include "projections/timers_view.hpp"

namespace parley::http {

struct AnalyticsApiContext {
  projections::CartsView& carts;
  projections::OrdersView& orders;
  projections::BillingView& billing;
  projections::FunnelView& funnel;
  projections::TimersView& timers;
  events::EventStore& log;  // activity is read from the entity's stream
  projections::Calendar calendar;
  Authorizer auth;
  std::function<int64_t()> now_us;
};

void register_analytics_api(Router& router, AnalyticsApiContext& ctx);

// from=, to= (local dates, inclusive) and channel=, as every list of the
// analyst API and the inbox reads them; else the 400 (invalid_date, invalid_range).
std::optional<HttpResponse> read_row_filter(const HttpRequest& req,
                                            const projections::Calendar& cal,
                                            projections::RowFilter* f);

// Rows as CSV: a header of `columns`, then one line per row; strings as they
// are, other values as JSON; RFC 4180 quoting.
std::string to_csv(const nlohmann::json& rows, const std::vector<std::string>& columns);

}  // namespace parley::http
