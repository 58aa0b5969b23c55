#include "http/nlu_api.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "brain/nlu.hpp"
#include "domain/limits.hpp"

namespace parley::http {

using nlohmann::json;

HttpResponse handle_nlu_parse(const HttpRequest& req, const std::string& default_now) {
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  auto text = body.find("text");
  if (text == body.end() || !text->is_string())
    return json_error(400, "missing_field", "'text' is required and must be a string");
  if (text->get_ref<const std::string&>().size() > domain::kMaxTextBytes)
    return text_too_long("text");
  std::string now_text = default_now;
  if (auto n = body.find("now"); n != body.end() && !n->is_null()) {
    if (!n->is_string()) return json_error(400, "invalid_field", "'now' must be a string");
    now_text = n->get<std::string>();
  }
  brain::nlu::LocalNow now;
  if (!brain::nlu::parse_now(now_text, &now))
    return json_error(400, "invalid_field",
                      "'now' must be ISO 8601, e.g. 2026-11-22T10:00:00+05:30");
  auto u = brain::understand(text->get<std::string>(), now);
  json entities = json::object();
  for (const auto& [k, v] : u.number_slots) {
    if (std::floor(v) == v)
      entities[k] = static_cast<int64_t>(v);
    else
      entities[k] = v;
  }
  for (const auto& [k, v] : u.text_slots) entities[k] = v;
  return json_ok(json{{"intent", u.intent},
                      {"confidence", std::round(u.confidence * 100) / 100},
                      {"language", u.language},
                      {"entities", std::move(entities)}}
                     .dump(-1, ' ', false, json::error_handler_t::replace));
}

void register_nlu_api(Router& router, std::function<std::string()> now_iso) {
  router.add("POST", "/api/v1/nlu/parse",
             [now_iso](const HttpRequest& r) { return handle_nlu_parse(r, now_iso()); });
}

}  // namespace parley::http
