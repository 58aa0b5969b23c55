#include "http/promotion_api.hpp"

#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"
#include "events/promotion_codec.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace promotion = domain::promotion;
namespace codec = events::promotion_codec;
using Outcome = actors::PromotionCommands::Outcome;

// 200 SKUs and categories of a few dozen bytes each, with room to spare; the
// edge's PARLEY_MAX_BODY is for uploads a thousand times larger.
constexpr size_t kMaxBodyBytes = 128 * 1024;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The code as the promotion is saved under it (upper case, trimmed).
std::string code_of(const std::string& raw) {
  promotion::Promotion key;
  key.code = raw;
  return promotion::normalize(std::move(key)).code;
}

json admin_json(const promotion::State& s, int64_t now_us) {
  json j = codec::promotion_to_json(s.promotion);
  j["running"] = s.running;
  j["valid_now"] = s.running && promotion::valid_at(s.promotion, now_us);
  j["updated_by"] = s.updated_by;
  j["updated_at"] = events::format_timestamp(s.updated_us);
  return j;
}

// What a shopper may be told: no targets, no start, no one's name.
json public_json(const promotion::Promotion& p) {
  json j = {
      {"code", p.code}, {"description", p.description}, {"kind", promotion::to_string(p.kind)}};
  if (p.kind == promotion::Kind::percent) {
    j["percent"] = p.percent;
  } else {
    j["amount"] = p.amount_cents / 100.0;
    j["amount_cents"] = p.amount_cents;
  }
  j["currency"] = p.currency;
  j["ends_at"] = p.ends_us == 0 ? json(nullptr) : json(events::format_timestamp(p.ends_us));
  return j;
}

HttpResponse refused(const Outcome& r) {
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(promotion::Error::not_found)) return json_error(404, "not_found", r.message);
  return json_error(422, r.error_code(), r.message);
}

HttpResponse save(PromotionApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  if (req.body.size() > kMaxBodyBytes)
    return json_error(413, "too_large", "a promotion is at most 128 KiB of JSON");
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  const std::string code = code_of(req.path_params.at("code"));
  auto given = body.find("code");
  if (given == body.end() || given->is_null())
    body["code"] = code;
  else if (!given->is_string() || code_of(given->get<std::string>()) != code)
    return json_error(400, "invalid_field", "'code' in the body differs from the path");
  auto p = codec::promotion_from_json(body);
  if (!p) return json_error(400, "invalid_field", p.status().message());
  ctx.view.catch_up();  // a code saved a moment ago is no longer new
  const bool existed = ctx.view.snapshot()->promotions.count(code) > 0;
  auto r = ctx.commands.save(*p, who.username);
  if (!r.ok) return refused(r);
  ctx.view.catch_up();
  return json_ok(
      dump({{"promotion", admin_json(r.state, ctx.now_us())}, {"changed", !r.events.empty()}}),
      existed ? 200 : 201);
}

HttpResponse list(PromotionApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto snap = ctx.view.snapshot();
  const int64_t now = ctx.now_us();
  json promotions = json::array();
  for (const auto& [code, s] : snap->promotions) promotions.push_back(admin_json(s, now));
  return json_ok(dump({{"promotions", std::move(promotions)}}));
}

HttpResponse end(PromotionApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  auto r = ctx.commands.end(req.path_params.at("code"), who.username);
  if (!r.ok) return refused(r);
  ctx.view.catch_up();
  return json_ok(dump({{"ended", r.state.promotion.code}, {"changed", !r.events.empty()}}));
}

HttpResponse running(PromotionApiContext& ctx, const HttpRequest&) {
  json promotions = json::array();
  for (const auto& p : ctx.view.snapshot()->running(ctx.now_us()))
    promotions.push_back(public_json(p));
  return json_ok(dump({{"promotions", std::move(promotions)}}));
}

}  // namespace

void register_promotion_api(Router& router, PromotionApiContext& ctx) {
  router.add("PUT", "/api/v1/admin/promotions/{code}",
             [&ctx](const HttpRequest& r) { return save(ctx, r); });
  router.add("GET", "/api/v1/admin/promotions",
             [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("DELETE", "/api/v1/admin/promotions/{code}",
             [&ctx](const HttpRequest& r) { return end(ctx, r); });
  router.add("GET", "/api/v1/promotions", [&ctx](const HttpRequest& r) { return running(ctx, r); });
}

}  // namespace parley::http
