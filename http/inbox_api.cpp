#include "http/inbox_api.hpp"

#include <nlohmann/json.hpp>

namespace parley::http {

namespace {

using nlohmann::json;

// The longest search; a phone number or a chat id is far shorter.
constexpr size_t kMaxSearch = 100;

bool read_flag(const HttpRequest& req, const char* name, std::optional<bool>* out) {
  const auto v = req.query_value(name);
  if (v.empty()) return true;
  if (v != "true" && v != "false") return false;
  *out = v == "true";
  return true;
}

bool valid_date(const std::string& d, const projections::Calendar& cal) {
  int64_t ignored;
  return d.empty() || cal.day_start(d, &ignored);
}

HttpResponse list(InboxApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales})) return *denied;
  projections::ConversationQuery q;
  q.filter.channel = req.query_value("channel");
  q.filter.from = req.query_value("from");
  q.filter.to = req.query_value("to");
  q.stage = req.query_value("stage");
  q.search = req.query_value("q");
  q.cursor = req.query_value("cursor");
  if (q.search.size() > kMaxSearch)
    return json_error(400, "invalid_parameter", "'q' is at most 100 bytes");
  if (!read_flag(req, "handoff", &q.handoff) || !read_flag(req, "has_cart", &q.has_cart))
    return json_error(400, "invalid_parameter", "handoff and has_cart are true or false");
  if (!valid_date(q.filter.from, ctx.calendar) || !valid_date(q.filter.to, ctx.calendar))
    return json_error(400, "invalid_date", "from and to are local dates: YYYY-MM-DD");
  if (const auto l = req.query_value("limit"); !l.empty()) {
    char* end = nullptr;
    const long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 200)
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 200]");
    q.limit = static_cast<size_t>(v);
  }
  const auto page = ctx.conversations.page(q, ctx.carts.open_carts(), ctx.calendar);
  json out = {{"conversations", page.rows}, {"matched", page.matched}};
  out["next"] = page.next.empty() ? json(nullptr) : json(page.next);
  return json_ok(out.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

void register_inbox_api(Router& router, InboxApiContext& ctx) {
  router.add("GET", "/api/v1/conversations", [&ctx](const HttpRequest& r) { return list(ctx, r); });
}

}  // namespace parley::http
