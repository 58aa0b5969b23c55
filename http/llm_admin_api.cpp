#include "http/llm_admin_api.hpp"

#include <nlohmann/json.hpp>

#include "assistant/prompts.hpp"
#include "events/envelope_json.hpp"
#include "projections/pricing.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace cfg = domain::llm_config;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse settings_error(const assistant::SettingsError& e) {
  return json_error(e.status, e.code, e.message);
}

json config_json(const LlmAdminContext& ctx) {
  json agents = json::object();
  for (const auto& name : cfg::agents()) {
    const auto a = ctx.settings.agent(name);
    agents[name] = {{"provider", a.provider},
                    {"model", a.model},
                    {"source", ctx.settings.configured(name) ? "configured" : "default"}};
  }
  return {{"llm",
           {{"default_provider", ctx.settings.defaults().provider},
            {"timeout_ms", ctx.llm_timeout.count()},
            {"agents", agents}}},
          {"changes", ctx.settings.changes()}};
}

HttpResponse get_config(LlmAdminContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  return json_ok(dump(config_json(ctx)));
}

HttpResponse put_config(LlmAdminContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object()) return json_error(400, "invalid_json", "the body must be a JSON object");
  auto agents = body.find("agents");
  if (agents == body.end() || !agents->is_object() || agents->empty())
    return json_error(400, "missing_field",
                      "'agents' is required: {\"agents\":{\"responder\":{\"provider\":\"openai\","
                      "\"model\":\"gpt-4o-mini\"}}}");
  std::map<std::string, cfg::AgentSetting> wanted;
  for (auto it = agents->begin(); it != agents->end(); ++it) {
    const json& a = it.value();
    if (!a.is_object() || !a.contains("provider") || !a["provider"].is_string() ||
        (a.contains("model") && !a["model"].is_string()))
      return json_error(400, "invalid_field",
                        "agents." + it.key() + " must be {\"provider\":\"…\",\"model\":\"…\"}");
    wanted[it.key()] = {a["provider"].get<std::string>(), a.value("model", "")};
  }
  auto e = ctx.settings.configure(wanted, who.username, ctx.now_us());
  if (e.status) return settings_error(e);
  return json_ok(dump(config_json(ctx)));
}

json prompt_json(const LlmAdminContext& ctx, const assistant::PromptInfo& p, bool full) {
  json j = {{"slug", p.slug},
            {"agent", p.agent},
            {"purpose", p.purpose},
            {"overridden", ctx.settings.overridden(p.slug)}};
  if (!full) return j;
  j["text"] = ctx.settings.prompt(p.slug);
  j["default"] = p.default_text;
  json history = json::array();
  for (const auto& v : ctx.settings.history(p.slug))
    history.push_back({{"text", v.text},
                       {"reset", v.text.empty()},
                       {"by", v.by},
                       {"at", events::format_timestamp(v.at_us)}});
  j["history"] = history;
  return j;
}

HttpResponse list_prompts(LlmAdminContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  json list = json::array();
  for (const auto& p : assistant::prompts()) list.push_back(prompt_json(ctx, p, false));
  return json_ok(dump({{"prompts", list}}));
}

HttpResponse get_prompt(LlmAdminContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto* p = assistant::find_prompt(req.path_params.at("slug"));
  if (!p) return json_error(404, "not_found", "no prompt '" + req.path_params.at("slug") + "'");
  return json_ok(dump(prompt_json(ctx, *p, true)));
}

HttpResponse put_prompt(LlmAdminContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto* p = assistant::find_prompt(req.path_params.at("slug"));
  if (!p) return json_error(404, "not_found", "no prompt '" + req.path_params.at("slug") + "'");
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object()) return json_error(400, "invalid_json", "the body must be a JSON object");
  if (!body.contains("text") || !body["text"].is_string())
    return json_error(400, "missing_field", "'text' is required (\"\" returns to the default)");
  auto e =
      ctx.settings.set_prompt(p->slug, body["text"].get<std::string>(), who.username, ctx.now_us());
  if (e.status) return settings_error(e);
  return json_ok(dump(prompt_json(ctx, *p, true)));
}

HttpResponse options(LlmAdminContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  json providers = json::array();
  for (const auto& name : cfg::providers()) {
    json p = {{"name", name},
              {"available", name == "offline" || ctx.settings.defaults().available.count(name)}};
    if (name != "offline") {
      p["default_model"] = assistant::default_model(name);
      auto url = ctx.base_urls.find(name);
      p["base_url"] = url == ctx.base_urls.end() ? "" : url->second;
      json models = json::array();
      for (const auto& m : projections::priced_models(name))
        models.push_back({{"model", m.model},
                          {"input_usd_per_mtok", m.input_per_mtok},
                          {"output_usd_per_mtok", m.output_per_mtok}});
      p["priced_models"] = models;
    }
    providers.push_back(std::move(p));
  }
  json prompts = json::array();
  for (const auto& p : assistant::prompts()) prompts.push_back(p.slug);
  return json_ok(dump({{"providers", providers},
                       {"agents", cfg::agents()},
                       {"prompts", prompts},
                       {"timeout_ms", ctx.llm_timeout.count()}}));
}

}  // namespace

void register_llm_admin_api(Router& router, LlmAdminContext& ctx) {
  auto bind = [&ctx](HttpResponse (*f)(LlmAdminContext&, const HttpRequest&)) {
    return [&ctx, f](const HttpRequest& r) { return f(ctx, r); };
  };
  router.add("GET", "/api/v1/admin/config", bind(get_config));
  router.add("PUT", "/api/v1/admin/config", bind(put_config));
  router.add("GET", "/api/v1/admin/prompts", bind(list_prompts));
  router.add("GET", "/api/v1/admin/prompts/{slug}", bind(get_prompt));
  router.add("PUT", "/api/v1/admin/prompts/{slug}", bind(put_prompt));
  router.add("GET", "/api/v1/admin/llm/options", bind(options));
}

}  // namespace parley::http
