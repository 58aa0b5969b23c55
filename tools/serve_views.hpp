// The projection engine as the server runs it: the persisted views under
// $PARLEY_DATA_DIR/views, folded from the log on a thread of their own, the
// timers view feeding the timer scheduler, and the analyst API.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crm/time_zone.hpp"
#include "crm/timer_scheduler.hpp"
#include "http/analytics_api.hpp"
#include "http/inbox_api.hpp"
#include "privacy/sealed_view_store.hpp"
#include "projections/projection_engine.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

// Every projection of the engine, built for one zone.
struct Views {
  // `pseudonym` hides phones, e-mails and search words in row keys (orders, funnel).
  Views(const crm::TimeZone& zone, projections::OrdersView::Pseudonym pseudonym);
  projections::Calendar calendar;
  projections::CartsView carts;
  projections::ConversationsView conversations;
  projections::OrdersView orders;
  projections::BillingView billing;
  projections::FunnelView funnel;
  projections::TimersView timers;
  std::vector<projections::Projection*> all();
};

class ServeViews {
 public:
  // `views_key` seals the rows at rest (privacy/sealed_view_store.hpp).
  ServeViews(const Settings& settings, events::EventStore& log, const crm::TimeZone& zone,
             const privacy::KeyBytes& views_key);
  ~ServeViews();  // stop()

  // Opens the view store and loads the views; IoError when it is locked.
  events::Status open();
  // Hands the timers view's changes to `timers`, then follows the log.
  void start(crm::TimerScheduler& timers);
  void register_routes(http::Router& router, const http::Authorizer& auth);
  // Ends the inbox's event streams (before the server stops: they would hold it).
  void close_event_streams();
  void stop();

  // The customer records (http/customer_api.hpp) are the orders view's rows.
  projections::OrdersView& orders() { return views_.orders; }

  std::vector<std::pair<std::string, std::function<uint64_t()>>> checkpoints() const;
  // Prometheus lines: parley_projection_checkpoint / _lag per projection.
  std::string metrics() const;

 private:
  const Settings& settings_;
  events::EventStore& log_;
  Views views_;
  const privacy::KeyBytes views_key_;
  std::unique_ptr<projections::RocksViewStore> rocks_;
  std::unique_ptr<privacy::SealedViewStore> store_;
  std::unique_ptr<projections::ProjectionEngine> engine_;
  std::unique_ptr<http::AnalyticsApiContext> api_;
  std::unique_ptr<http::InboxApiContext> inbox_;
};

}  // namespace parley::tools
