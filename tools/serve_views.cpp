#include "tools/serve_views.hpp"

#include "tools/commands.hpp"

namespace parley::tools {

Views::Views(const crm::TimeZone& zone, projections::OrdersView::Pseudonym pseudonym)
    : calendar(zone.name(),
               [zone](int64_t us) { return int64_t{zone.offset_minutes_at(us)} * 60000000; }),
      orders(pseudonym),
      billing(calendar),
      funnel(calendar, std::move(pseudonym)) {}

std::vector<projections::Projection*> Views::all() {
  return {&carts, &conversations, &orders, &billing, &funnel, &timers};
}

ServeViews::ServeViews(const Settings& settings, events::EventStore& log, const crm::TimeZone& zone,
                       const privacy::KeyBytes& views_key)
    : settings_(settings),
      log_(log),
      views_(zone, privacy::pseudonyms(views_key)),
      views_key_(views_key) {}

ServeViews::~ServeViews() {
  stop();
}

events::Status ServeViews::open() {
  auto opened = projections::RocksViewStore::open(settings_.views_path());
  if (!opened.ok()) return opened.status();
  rocks_ = std::move(opened).value();
  auto sealed = privacy::SealedViewStore::open(*rocks_, views_key_);
  if (!sealed.ok()) return sealed.status();
  store_ = std::move(sealed).value();
  // The activity view is gone (projections/activity.hpp): the rows an
  // earlier version kept are erased once.
  if (auto st = projections::ProjectionEngine::drop_view(*store_, "activity"); !st.ok()) return st;
  // Two lanes: a start after a long stop, or a changed fold, catches up on both cores.
  engine_ = std::make_unique<projections::ProjectionEngine>(log_, *store_, views_.all(),
                                                            projections::FoldOptions{4096, 2});
  return engine_->open();
}

void ServeViews::start(crm::TimerScheduler& timers) {
  views_.timers.on_change([&timers](const std::string& key, std::optional<int64_t> due) {
    if (due)
      timers.set(key, *due);
    else
      timers.clear(key);
  });
  // What open() loaded: hand the pending timers on now.
  views_.timers.published();
  engine_->start(std::chrono::milliseconds(100));
}

void ServeViews::register_routes(http::Router& router, const http::Authorizer& auth) {
  api_ = std::make_unique<http::AnalyticsApiContext>(
      http::AnalyticsApiContext{views_.carts, views_.orders, views_.billing, views_.funnel,
                                views_.timers, log_, views_.calendar, auth, wall_clock_us});
  http::register_analytics_api(router, *api_);
  inbox_ = std::make_unique<http::InboxApiContext>(
      http::InboxApiContext{views_.conversations, views_.carts, views_.calendar, auth});
  http::register_inbox_api(router, *inbox_);
}

void ServeViews::close_event_streams() {
  views_.conversations.changes().close();
}

void ServeViews::stop() {
  if (engine_) engine_->stop();
}

std::vector<std::pair<std::string, std::function<uint64_t()>>> ServeViews::checkpoints() const {
  std::vector<std::pair<std::string, std::function<uint64_t()>>> out;
  for (auto* p : engine_->projections())
    out.push_back({"view:" + p->name(), [p] { return p->checkpoint(); }});
  return out;
}

std::string ServeViews::metrics() const {
  std::string out =
      "# HELP parley_projection_lag Events in the log a projection has not folded yet.\n"
      "# TYPE parley_projection_lag gauge\n";
  const uint64_t head = log_.last_position();
  for (auto* p : engine_->projections()) {
    const uint64_t at = p->checkpoint();
    out += "parley_projection_lag{projection=\"" + p->name() + "\"} " +
           std::to_string(head > at ? head - at : 0) + "\n";
  }
  out +=
      "# HELP parley_projection_checkpoint The last log position a projection folded.\n"
      "# TYPE parley_projection_checkpoint gauge\n";
  for (auto* p : engine_->projections())
    out += "parley_projection_checkpoint{projection=\"" + p->name() + "\"} " +
           std::to_string(p->checkpoint()) + "\n";
  out +=
      "# HELP parley_projection_events_total Events folded by the projection engine.\n"
      "# TYPE parley_projection_events_total counter\n"
      "parley_projection_events_total " +
      std::to_string(engine_->events_applied()) + "\n";
  return out;
}

}  // namespace parley::tools
