#include "http/testimonial_api.hpp"

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace parley::http {
namespace {

using nlohmann::json;
namespace testimonial = domain::testimonial;
namespace codec = events::testimonial_codec;
using Outcome = actors::TestimonialCommands::Outcome;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool known_language(const std::string& l) {
  return l == "en" || l == "es" || l == "ru" || l == "id" || l == "hi";
}

// The rule each refusal names, for the admin who broke it.
std::string rule_of(testimonial::Error e) {
  switch (e) {
    case testimonial::Error::invalid_id:
      return "the id is 1-64 of a-z, 0-9, '.', '_' and '-'";
    case testimonial::Error::invalid_text:
      return "'text' is 1-1000 bytes, not only spaces";
    case testimonial::Error::invalid_author:
      return "'author' is 1-100 bytes, not only spaces";
    case testimonial::Error::invalid_language:
      return "'language': en, es, ru, id or hi";
    case testimonial::Error::invalid_photo:
      return "'photo_url' is empty or an https:// URL of at most 500 bytes, without spaces";
    case testimonial::Error::not_found:
      return "no such testimonial";
  }
  return testimonial::to_string(e);
}

HttpResponse refused(const Outcome& r) {
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(testimonial::Error::not_found))
    return json_error(404, "not_found", r.message.empty() ? rule_of(*r.refused) : r.message);
  return json_error(422, r.error_code(), rule_of(*r.refused));
}

HttpResponse save(TestimonialApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& id = req.path_params.at("id");
  if (!actors::valid_testimonial_id(id))
    return json_error(400, "invalid_id", "the id is 1-64 of a-z, 0-9, '.', '_' and '-'");
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  // The id is the path's; one given in the body too must agree.
  if (auto it = body.find("id"); it != body.end() && (!it->is_string() || *it != id))
    return json_error(400, "invalid_field", "'id' in the body differs from the path");
  auto t = codec::testimonial_from_json(body);
  if (!t) return json_error(400, "invalid_field", t.status().message());
  t->id = id;
  bool created = false;
  auto r = ctx.commands.save(*t, who.username, &created);
  if (!r.ok) return refused(r);
  ctx.view.catch_up();
  const bool changed = !r.events.empty();
  return json_ok(dump({{"testimonial", codec::testimonial_to_json(r.state.testimonial)},
                       {"changed", changed}}),
                 created && changed ? 201 : 200);
}

json listed(const std::vector<testimonial::Testimonial>& ts) {
  json out = json::array();
  for (const auto& t : ts) out.push_back(codec::testimonial_to_json(t));
  return out;
}

HttpResponse list(TestimonialApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  return json_ok(dump({{"testimonials", listed(ctx.view.snapshot()->testimonials)}}));
}

HttpResponse remove(TestimonialApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& id = req.path_params.at("id");
  auto r = ctx.commands.remove(id, who.username);
  if (!r.ok) return refused(r);
  ctx.view.catch_up();
  return json_ok(dump({{"removed", id}}));
}

// No role: what the bot may show any shopper, picked as it picks them
// (brain/testimonials.hpp). SKUs in any case, as a product's.
HttpResponse pick(TestimonialApiContext& ctx, const HttpRequest& req) {
  std::vector<std::string> skus;
  for (auto [it, end] = req.query.equal_range("sku"); it != end; ++it) {
    std::string sku = it->second;
    for (auto& c : sku) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!sku.empty()) skus.push_back(std::move(sku));
  }
  const std::string language = req.query_value("language");
  if (!language.empty() && !known_language(language))
    return json_error(400, "invalid_language", "'language': en, es, ru, id or hi");
  size_t limit = 5;
  if (const auto l = req.query_value("limit"); !l.empty()) {
    char* end = nullptr;
    const long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 20)
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 20]");
    limit = static_cast<size_t>(v);
  }
  return json_ok(
      dump({{"testimonials", listed(ctx.view.snapshot()->pick(skus, language, limit))}}));
}

}  // namespace

void register_testimonial_api(Router& router, TestimonialApiContext& ctx) {
  router.add("PUT", "/api/v1/admin/testimonials/{id}",
             [&ctx](const HttpRequest& r) { return save(ctx, r); });
  router.add("GET", "/api/v1/admin/testimonials",
             [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("DELETE", "/api/v1/admin/testimonials/{id}",
             [&ctx](const HttpRequest& r) { return remove(ctx, r); });
  router.add("GET", "/api/v1/testimonials", [&ctx](const HttpRequest& r) { return pick(ctx, r); });
}

}  // namespace parley::http
