#include "http/analytics_api.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <shared_mutex>

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

// The filters every list shares.
struct Filter {
  std::string from, to;  // local dates, inclusive; "" = open
  std::string channel, assignee;
  bool csv = false;

  bool day_ok(const std::string& day) const {
    return (from.empty() || day >= from) && (to.empty() || day <= to);
  }
  bool channel_ok(const json& row) const {
    return channel.empty() || row.value("channel", "") == channel;
  }
  bool assignee_ok(const json& row) const {
    return assignee.empty() || row.value("assignee", "") == assignee;
  }
};

bool valid_date(const std::string& d, const Calendar& cal) {
  int64_t ignored;
  return d.empty() || cal.day_start(d, &ignored);
}

std::optional<HttpResponse> read_filter(const HttpRequest& req, const Calendar& cal, Filter* f) {
  f->from = query(req, "from");
  f->to = query(req, "to");
  f->channel = query(req, "channel");
  f->assignee = query(req, "assignee");
  const std::string format = query(req, "format");
  if (!format.empty() && format != "json" && format != "csv")
    return json_error(400, "invalid_format", "format must be json or csv");
  f->csv = format == "csv";
  if (!valid_date(f->from, cal) || !valid_date(f->to, cal))
    return json_error(400, "invalid_date", "from and to are local dates: YYYY-MM-DD");
  if (!f->from.empty() && !f->to.empty() && f->from > f->to)
    return json_error(400, "invalid_range", "from is after to");
  return std::nullopt;
}

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
  const std::string provider = query(req, "provider");
  json usage = json::array(), messages = json::array(), fallbacks = json::array();
  int64_t calls = 0, in = 0, out = 0, cost = 0, failed = 0;
  std::map<std::string, json> by_day;
  {
    std::shared_lock lock(ctx.billing.mutex());
    ctx.billing.each("usage/", [&](const std::string&, const json& r) {
      if (!f.day_ok(r.value("day", "")) ||
          (!provider.empty() && r.value("provider", "") != provider))
        return;
      json row = r;
      row["cost_usd"] = static_cast<double>(r.value("cost_micros", int64_t{0})) / 1e6;
      calls += r.value("calls", int64_t{0});
      failed += r.value("failed", int64_t{0});
      in += r.value("input_tokens", int64_t{0});
      out += r.value("output_tokens", int64_t{0});
      cost += r.value("cost_micros", int64_t{0});
      json& d = by_day[r.value("day", "")];
      if (d.empty())
        d = {{"day", r.value("day", "")},
             {"calls", 0},
             {"input_tokens", 0},
             {"output_tokens", 0},
             {"cost_micros", 0}};
      for (const char* k : {"calls", "input_tokens", "output_tokens", "cost_micros"})
        d[k] = d[k].get<int64_t>() + r.value(k, int64_t{0});
      usage.push_back(std::move(row));
    });
    ctx.billing.each("messages/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", "")) && f.channel_ok(r)) messages.push_back(r);
    });
    ctx.billing.each("fallback/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", ""))) fallbacks.push_back(r);
    });
  }
  json days = json::array();
  for (auto& [day, d] : by_day) {
    d["cost_usd"] = static_cast<double>(d["cost_micros"].get<int64_t>()) / 1e6;
    days.push_back(std::move(d));
  }
  if (f.csv) {
    if (query(req, "table") == "messages")
      return csv_response(messages, {"day", "channel", "received", "sent"}, "messages");
    if (query(req, "table") == "days")
      return csv_response(days, {"day", "calls", "input_tokens", "output_tokens", "cost_usd"},
                          "billing-days");
    return csv_response(usage,
                        {"day", "provider", "model", "agent", "calls", "failed", "input_tokens",
                         "output_tokens", "cost_usd", "latency_ms", "pricing_source"},
                        "billing");
  }
  return json_ok(dump({{"usage", usage},
                       {"by_day", days},
                       {"fallbacks", fallbacks},
                       {"messages", messages},
                       {"totals",
                        {{"calls", calls},
                         {"failed", failed},
                         {"input_tokens", in},
                         {"output_tokens", out},
                         {"cost_usd", static_cast<double>(cost) / 1e6}}}}));
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
  std::vector<json> rows;
  {
    std::shared_lock lock(ctx.billing.mutex());
    auto take = [&](const std::string&, const json& r) {
      // A conversation counts when its LLM use overlaps the dates asked for.
      if ((!f.from.empty() && r.value("last_day", "") < f.from) ||
          (!f.to.empty() && r.value("first_day", "") > f.to))
        return;
      json row = r;
      row["cost_usd"] = static_cast<double>(r.value("cost_micros", int64_t{0})) / 1e6;
      rows.push_back(std::move(row));
    };
    if (only.empty())
      ctx.billing.each("conversation/", take);
    else
      ctx.billing.each("conversation/" + only, [&](const std::string& key, const json& r) {
        if (key == "conversation/" + only) take(key, r);
      });
  }
  if (!only.empty() && rows.empty())
    return json_error(404, "not_found", "no LLM use recorded for '" + only + "'");
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a.value("cost_micros", int64_t{0}) > b.value("cost_micros", int64_t{0});
  });
  if (rows.size() > limit) rows.resize(limit);
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
  json days = json::array(), totals = json::object(), zero = json::array();
  for (const char* s : projections::FunnelView::kStages) totals[s] = 0;
  totals["zero_result_searches"] = 0;
  std::map<std::string, int64_t> zero_counts;
  {
    std::shared_lock lock(ctx.funnel.mutex());
    ctx.funnel.each("day/", [&](const std::string&, const json& r) {
      if (!f.day_ok(r.value("day", "")) || !f.channel_ok(r)) return;
      for (auto it = totals.begin(); it != totals.end(); ++it)
        *it = it->get<int64_t>() + r.value(it.key(), int64_t{0});
      days.push_back(r);
    });
    ctx.funnel.each("zero/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", "")) && f.channel_ok(r))
        zero_counts[r.value("query", "")] += r.value("count", int64_t{0});
    });
  }
  for (const auto& [q, n] : zero_counts) zero.push_back({{"query", q}, {"count", n}});
  std::stable_sort(zero.begin(), zero.end(), [](const json& a, const json& b) {
    return a["count"].get<int64_t>() > b["count"].get<int64_t>();
  });
  if (f.csv) {
    if (query(req, "table") == "zero_results")
      return csv_response(zero, {"query", "count"}, "zero");
    return csv_response(days,
                        {"day", "channel", "conversations", "searches", "zero_result_searches",
                         "carts", "checkouts", "orders"},
                        "funnel");
  }
  return json_ok(dump({{"stages", projections::FunnelView::kStages},
                       {"totals", totals},
                       {"days", days},
                       {"zero_result_searches", zero}}));
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
  json rows = json::array();
  {
    std::shared_lock lock(ctx.timers.mutex());
    auto take = [&](const std::string&, const json& r) {
      if (!f.day_ok(cal.date(r.value("due_us", int64_t{0}))) || !f.channel_ok(r) ||
          !f.assignee_ok(r) || (!state.empty() && r.value("state", "") != state))
        return;
      json row = r;
      localize(row, cal, {"due_us", "scheduled_us", "settled_us"});
      rows.push_back(std::move(row));
    };
    if (kind != "follow_up") ctx.timers.each("nudge/", take);
    if (kind != "nudge") ctx.timers.each("follow_up/", take);
  }
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
  json rows = json::array();
  int64_t abandoned_value = 0;
  {
    std::shared_lock lock(ctx.carts.mutex());
    ctx.carts.each("", [&](const std::string&, const json& r) {
      if (!f.day_ok(cal.date(r.value("updated_us", int64_t{0}))) || !f.channel_ok(r)) return;
      json row = r;
      const bool abandoned =
          r.value("status", "") == "open" && r.value("updated_us", int64_t{0}) < cutoff;
      row["abandoned"] = abandoned;
      if (abandoned) abandoned_value += r.value("value_cents", int64_t{0});
      if (state == "abandoned" ? !abandoned : (!state.empty() && r.value("status", "") != state))
        return;
      localize(row, cal, {"updated_us"});
      rows.push_back(std::move(row));
    });
  }
  if (f.csv)
    return csv_response(rows,
                        {"conversation_id", "channel", "status", "abandoned", "items",
                         "value_cents", "currency", "updated_local", "order_id"},
                        "carts");
  return json_ok(dump({{"carts", rows}, {"abandoned_value_cents", abandoned_value}}));
}

HttpResponse orders(AnalyticsApiContext& ctx, const HttpRequest& req, const char* prefix) {
  if (auto denied = ctx.auth.deny(req, {Role::analyst, Role::admin})) return *denied;
  Calendar cal = ctx.calendar;
  Filter f;
  if (auto bad = read_filter(req, cal, &f)) return *bad;
  const bool customers = std::string(prefix) == "customer/";
  const char* time_field = customers ? "last_order_us" : "placed_at_us";
  json rows = json::array();
  {
    std::shared_lock lock(ctx.orders.mutex());
    ctx.orders.each(prefix, [&](const std::string&, const json& r) {
      if (!f.day_ok(cal.date(r.value(time_field, int64_t{0})))) return;
      if (!f.channel.empty()) {
        bool on = r.value("channel", "") == f.channel;
        if (customers)
          for (const auto& c : r.value("channels", json::array())) on = on || c == f.channel;
        if (!on) return;
      }
      json row = r;
      localize(row, cal, {"placed_at_us", "first_order_us", "last_order_us"});
      rows.push_back(std::move(row));
    });
  }
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
  auto entries = projections::ActivityView::entries(ctx.views, kind, id);
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
             [&ctx](const HttpRequest& r) { return orders(ctx, r, "order/"); });
  router.add("GET", "/api/v1/analytics/customers",
             [&ctx](const HttpRequest& r) { return orders(ctx, r, "customer/"); });
  router.add("GET", "/api/v1/analytics/activity/{kind}/{id}", bind(activity));
}

}  // namespace parley::http
