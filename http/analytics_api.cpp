#include "http/analytics_api.hpp"

#include <algorithm>
#include <cstdlib>

namespace parley::http {

using nlohmann::json;
using projections::Calendar;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string query(const HttpRequest& req, const char* key) {
  auto it = req.query.find(key);
  return it == req.query.end() ? std::string() : it->second;
}

// The filters every list shares, and how the answer is rendered.
struct Filter : projections::RowFilter {
  bool csv = false;
};

bool valid_date(const std::string& d, const Calendar& cal) {
  int64_t ignored;
  return d.empty() || cal.day_start(d, &ignored);
}

std::optional<HttpResponse> read_filter(const HttpRequest& req, const Calendar& cal, Filter* f) {
  f->assignee = query(req, "assignee");
  const std::string format = query(req, "format");
  if (!format.empty() && format != "json" && format != "csv")
    return json_error(400, "invalid_format", "format must be json or csv");
  f->csv = format == "csv";
  return read_row_filter(req, cal, f);
}

}  // namespace

std::optional<HttpResponse> read_row_filter(const HttpRequest& req, const Calendar& cal,
                                            projections::RowFilter* f) {
  f->from = query(req, "from");
  f->to = query(req, "to");
  f->channel = query(req, "channel");
  if (!valid_date(f->from, cal) || !valid_date(f->to, cal))
    return json_error(400, "invalid_date", "from and to are local dates: YYYY-MM-DD");
  if (!f->from.empty() && !f->to.empty() && f->from > f->to)
    return json_error(400, "invalid_range", "from is after to");
  return std::nullopt;
}

namespace {

HttpResponse csv_response(const json& rows, const std::vector<std::string>& columns,
                          const std::string& name) {
  HttpResponse r;
  r.body = to_csv(rows, columns);
  r.content_type = "text/csv; charset=utf-8";
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + ".csv\""});
  return r;
}

// Adds "<field>_local" (a local date-time) for each µs field in `fields`.
void localize(json& row, Calendar& cal, std::initializer_list<const char*> fields) {
  for (const char* f : fields) {
    auto it = row.find(f);
    if (it == row.end() || !it->is_number_integer()) continue;
    const int64_t us = it->get<int64_t>();
    const int64_t local = us + cal.offset(us);
    const int64_t day_us = int64_t{86400} * 1000000;
    const int64_t into = ((local % day_us) + day_us) % day_us / 60000000;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(into / 60 % 24),
                  static_cast<int>(into % 60));
    row[std::string(f).substr(0, std::string(f).size() - 3) + "_local"] = cal.date(us) + "T" + hm;
  }
}

HttpResponse billing(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  const auto u = ctx.billing.usage(f, query(req, "provider"));
  if (f.csv) {
    if (query(req, "table") == "messages")
      return csv_response(u.messages, {"day", "channel", "received", "sent"}, "messages");
    if (query(req, "table") == "days")
      return csv_response(u.by_day, {"day", "calls", "input_tokens", "output_tokens", "cost_usd"},
                          "billing-days");
    return csv_response(
        u.usage,
        {"day", "provider", "model", "agent", "channel", "calls", "failed", "input_tokens",
         "output_tokens", "cost_usd", "latency_ms", "pricing_source"},
        "billing");
  }
  return json_ok(dump({{"usage", u.usage},
                       {"by_day", u.by_day},
                       {"fallbacks", u.fallbacks},
                       {"messages", u.messages},
                       {"totals", u.totals}}));
}

// LLM cost per conversation, most expensive first; ?conversation_id= for one.
HttpResponse billing_conversations(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  const std::string only = query(req, "conversation_id");
  const std::string limit_text = query(req, "limit");
  size_t limit = 100;
  if (!limit_text.empty()) {
    char* end = nullptr;
    unsigned long v = std::strtoul(limit_text.c_str(), &end, 10);
    if (*end != '\0' || limit_text[0] == '-' || v < 1 || v > 10000)
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 10000]");
    limit = v;
  }
  auto rows = ctx.billing.conversations(f, only, limit);
  if (!only.empty() && rows.empty())
    return json_error(404, "not_found", "no LLM use recorded for '" + only + "'");
  json list = json::array();
  for (auto& r : rows) list.push_back(std::move(r));
  if (f.csv)
    return csv_response(list,
                        {"conversation_id", "first_day", "last_day", "calls", "failed",
                         "input_tokens", "output_tokens", "cost_usd", "fallbacks"},
                        "billing-conversations");
  return json_ok(dump({{"conversations", list}}));
}

HttpResponse funnel(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  const auto report = ctx.funnel.report(f);
  if (f.csv) {
    if (query(req, "table") == "zero_results")
      return csv_response(report.zero_result_searches, {"query", "count"}, "zero");
    return csv_response(report.days,
                        {"day", "channel", "conversations", "searches", "zero_result_searches",
                         "carts", "checkouts", "orders"},
                        "funnel");
  }
  return json_ok(dump({{"stages", projections::FunnelView::kStages},
                       {"totals", report.totals},
                       {"days", report.days},
                       {"zero_result_searches", report.zero_result_searches}}));
}

HttpResponse nudges(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  std::string kind = query(req, "kind");
  if (kind.empty()) kind = "nudge";
  if (kind != "nudge" && kind != "follow_up" && kind != "all")
    return json_error(400, "invalid_kind", "kind is nudge, follow_up or all");
  const std::string state = query(req, "state");
  json rows = ctx.timers.timers(f, kind, state, cal);
  for (auto& row : rows) localize(row, cal, {"due_us", "scheduled_us", "settled_us"});
  if (f.csv)
    return csv_response(rows,
                        {"key", "kind", "conversation_id", "lead_id", "assignee", "channel",
                         "number", "due_local", "state", "reason", "template", "settled_local"},
                        "nudges");
  return json_ok(dump({{"nudges", rows}}));
}

HttpResponse carts(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  const std::string state = query(req, "state");
  if (!state.empty() && state != "open" && state != "abandoned" && state != "ordered" &&
      state != "emptied")
    return json_error(400, "invalid_state", "state is open, abandoned, ordered or emptied");
  int64_t hours = 24;
  if (auto h = query(req, "abandoned_after_hours"); !h.empty()) {
    char* end = nullptr;
    hours = std::strtoll(h.c_str(), &end, 10);
    if (*end || hours < 1 || hours > 24 * 365)
      return json_error(400, "invalid_hours", "abandoned_after_hours is 1..8760");
  }
  const int64_t cutoff = ctx.now_us() - hours * 3600 * int64_t{1000000};
  auto carts = ctx.carts.carts(f, state, cutoff, cal);
  json& rows = carts.rows;
  for (auto& row : rows) localize(row, cal, {"updated_us"});
  if (f.csv)
    return csv_response(rows,
                        {"conversation_id", "channel", "status", "abandoned", "items",
                         "value_cents", "currency", "updated_local", "order_id"},
                        "carts");
  return json_ok(dump({{"carts", rows}, {"abandoned_value_cents", carts.abandoned_value_cents}}));
}

HttpResponse orders(AnalyticsApiContext& ctx, const HttpRequest& req, bool customers) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  json rows = customers ? ctx.orders.customers(f, cal) : ctx.orders.orders(f, cal);
  for (auto& row : rows) localize(row, cal, {"placed_at_us", "first_order_us", "last_order_us"});
  if (f.csv) {
    if (customers)
      return csv_response(rows,
                          {"customer_key", "name", "phone", "email", "city", "orders",
                           "spent_cents", "first_order_local", "last_order_local", "channels"},
                          "customers");
    return csv_response(rows,
                        {"order_id", "conversation_id", "channel", "customer_key", "total_cents",
                         "currency", "status", "placed_at_local"},
                        "orders");
  }
  return json_ok(dump({{customers ? "customers" : "orders", rows}}));
}

HttpResponse activity(AnalyticsApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin, Role::sales})) return *denied;
  Calendar cal = ctx.calendar;
  const auto& kind = req.path_params.at("kind");
  const auto& id = req.path_params.at("id");
  if (kind != "conversation" && kind != "lead")
    return json_error(404, "not_found", "activity is kept for a conversation or a lead");
  auto entries = projections::activity_history(ctx.log, kind, id, cal);
  if (!entries.ok()) {
    if (entries.status().is_not_found())
      return json_error(404, "not_found", "no activity for " + kind + " '" + id + "'");
    return json_error(503, "storage_unavailable", entries.status().to_string());
  }
  json rows = std::move(*entries);
  for (auto& r : rows) localize(r, cal, {"at_us"});
  if (query(req, "format") == "csv")
    return csv_response(rows, {"at_local", "type", "by", "text"}, "activity");
  return json_ok(dump({{"kind", kind}, {"id", id}, {"activity", rows}}));
}

}  // namespace

std::string to_csv(const json& rows, const std::vector<std::string>& columns) {
  auto cell = [](const json& v) -> std::string {
    std::string s = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : dump(v);
    // A text a shopper wrote ("=HYPERLINK(…)") must not become a formula in
    // the analyst's spreadsheet: a leading = + - @ (or tab, CR) gets a quote
    // (OWASP's CSV injection advice). Numbers are written as they are.
    if (v.is_string() && !s.empty() &&
        std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
      s.insert(0, 1, '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + columns[i];
  out += "\r\n";
  for (const auto& r : rows) {
    for (size_t i = 0; i < columns.size(); ++i) {
      auto it = r.find(columns[i]);
      out += (i ? "," : "") + (it == r.end() ? std::string() : cell(*it));
    }
    out += "\r\n";
  }
  return out;
}

void register_analytics_api(Router& router, AnalyticsApiContext& ctx) {
  auto bind = [&ctx](HttpResponse (*h)(AnalyticsApiContext&, const HttpRequest&)) {
    return [&ctx, h](const HttpRequest& r) { return h(ctx, r); };
  };
  router.add("GET", "/api/v1/analytics/billing", bind(billing));
  router.add("GET", "/api/v1/analytics/billing/conversations", bind(billing_conversations));
  router.add("GET", "/api/v1/analytics/funnel", bind(funnel));
  router.add("GET", "/api/v1/nudges", bind(nudges));
  router.add("GET", "/api/v1/analytics/carts", bind(carts));
  router.add("GET", "/api/v1/analytics/orders",
             [&ctx](const HttpRequest& r) { return orders(ctx, r, false); });
  router.add("GET", "/api/v1/analytics/customers",
             [&ctx](const HttpRequest& r) { return orders(ctx, r, true); });
  router.add("GET", "/api/v1/analytics/activity/{kind}/{id}", bind(activity));
}

}  // namespace parley::http
