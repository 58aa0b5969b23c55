#include "http/inbox_api.hpp"

#include <nlohmann/json.hpp>

#include "http/analytics_api.hpp"

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

HttpResponse list(InboxApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales})) return *denied;
  projections::ConversationQuery q;
  q.stage = req.query_value("stage");
  q.search = req.query_value("q");
  q.cursor = req.query_value("cursor");
  if (q.search.size() > kMaxSearch)
    return json_error(400, "invalid_parameter", "'q' is at most 100 bytes");
  if (!read_flag(req, "handoff", &q.handoff) || !read_flag(req, "has_cart", &q.has_cart))
    return json_error(400, "invalid_parameter", "handoff and has_cart are true or false");
  if (const auto a = req.query_value("archived"); a == "all") {
    q.archived.reset();
  } else if (!read_flag(req, "archived", &q.archived)) {
    return json_error(400, "invalid_parameter", "archived is true, false or all");
  }
  if (auto bad = read_row_filter(req, ctx.calendar, &q.filter)) return *bad;
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

std::string sse(const char* event, const std::string& id, const json& data) {
  std::string out = "event: ";
  out += event;
  if (!id.empty()) out += "\nid: " + id;
  return out + "\ndata: " + data.dump() + "\n\n";
}

void stream_changes(InboxApiContext& ctx, uint64_t after, const ChunkWriter& write) {
  const auto& feed = ctx.conversations.changes();
  const auto end = std::chrono::steady_clock::now() + ctx.stream_life;
  if (!write("retry: 3000\n\n")) return;
  while (std::chrono::steady_clock::now() < end) {
    const auto read = feed.since(after, ctx.keep_alive);
    if (read.closed) return;
    if (read.behind) {
      after = feed.head();
      if (!write(sse("reload", std::to_string(after), json::object()))) return;
      continue;
    }
    if (read.changes.empty()) {
      if (!write(": keep-alive\n\n")) return;
      continue;
    }
    std::string batch;
    // `delivery`: only the conversation's page changed (a tick), not its inbox row.
    for (const auto& c : read.changes)
      batch += sse(c.kind == projections::ChangeFeed::Kind::row ? "conversation" : "delivery",
                   std::to_string(c.seq), {{"conversation_id", c.id}});
    after = read.changes.back().seq;
    if (!write(batch)) return;
  }
}

HttpResponse events(InboxApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales})) return *denied;
  // Resume after the last event the browser saw, else from now.
  uint64_t after = ctx.conversations.changes().head();
  if (auto it = req.headers.find("last-event-id"); it != req.headers.end()) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(it->second.c_str(), &end, 10);
    if (end != it->second.c_str() && *end == '\0' && v <= after) after = v;
  }
  if (ctx.open_streams->fetch_add(1) >= ctx.max_streams) {
    ctx.open_streams->fetch_sub(1);
    auto r = json_error(503, "busy", "too many open event streams; poll the list instead");
    r.headers.emplace_back("Retry-After", "30");
    return r;
  }
  HttpResponse out;
  out.content_type = "text/event-stream";
  out.headers.emplace_back("Cache-Control", "no-cache");
  out.headers.emplace_back("X-Accel-Buffering", "no");
  auto* c = &ctx;
  // The slot is given back when the stream is done with, run or not.
  std::shared_ptr<void> slot(nullptr, [open = ctx.open_streams](void*) { open->fetch_sub(1); });
  out.stream = [c, after, slot](const ChunkWriter& write) { stream_changes(*c, after, write); };
  return out;
}

}  // namespace

void register_inbox_api(Router& router, InboxApiContext& ctx) {
  router.add("GET", "/api/v1/conversations", [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("GET", "/api/v1/inbox/events",
             [&ctx](const HttpRequest& r) { return events(ctx, r); });
}

}  // namespace parley::http
