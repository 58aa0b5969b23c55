#include "http/persona_api.hpp"

#include <nlohmann/json.hpp>

#include "events/stream_command.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace persona = domain::persona;
namespace codec = events::persona_codec;
using Outcome = actors::PersonaCommands::Outcome;

// The order the console shows them in.
constexpr const char* kLanguages[] = {"en", "es", "ru", "id", "hi"};

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse unknown_language(const std::string& language) {
  return json_error(404, "unknown_language",
                    "no persona for '" + language + "': en, es, ru, id or hi");
}

// The rule each refusal names, for the admin who broke it.
std::string rule_of(persona::Error e) {
  switch (e) {
    case persona::Error::invalid_language:
      return "the language is en, es, ru, id or hi";
    case persona::Error::invalid_name:
      return "'name' is empty or at most 40 bytes of UTF-8, without control characters";
    case persona::Error::invalid_sign_off:
      return "'sign_off' is empty or at most 200 bytes of UTF-8, without control characters "
             "but newlines";
  }
  return persona::to_string(e);
}

HttpResponse refused(const std::string& language, const Outcome& r) {
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(persona::Error::invalid_language)) return unknown_language(language);
  return json_error(422, r.error_code(), rule_of(*r.refused));
}

HttpResponse save(PersonaApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& language = req.path_params.at("language");
  if (!persona::persona_language(language)) return unknown_language(language);
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  auto p = codec::persona_from_json(body);
  if (!p) return json_error(400, "invalid_field", p.status().message());
  auto r = ctx.commands.save(language, *p, who.username);
  if (!r.ok) return refused(language, r);
  return json_ok(dump(codec::persona_to_json(language, r.state)));
}

// Read from the log, not a view: five short streams, and a save is seen at once.
HttpResponse list(PersonaApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales})) return *denied;
  json personas = json::array();
  for (const char* language : kLanguages) {
    auto loaded = events::load_stream<codec::Stream>(ctx.store, language);
    if (!loaded.status.ok())
      return json_error(503, "storage_unavailable", loaded.status.to_string());
    personas.push_back(codec::persona_to_json(language, loaded.state));
  }
  return json_ok(dump({{"personas", std::move(personas)}}));
}

}  // namespace

void register_persona_api(Router& router, PersonaApiContext& ctx) {
  router.add("GET", "/api/v1/admin/persona", [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("PUT", "/api/v1/admin/persona/{language}",
             [&ctx](const HttpRequest& r) { return save(ctx, r); });
}

}  // namespace parley::http
