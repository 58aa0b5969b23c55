#include "tools/settings.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "crm/credentials.hpp"
#include "crm/time_zone.hpp"
#include "domain/sequence.hpp"
#include "domain/user.hpp"
#include "llm/provider.hpp"

namespace parley::tools {
namespace {

bool read_uint(const char* name, unsigned long long lo, unsigned long long hi,
               unsigned long long* out, std::string* error) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return true;
  char* end = nullptr;
  errno = 0;
  unsigned long long x = std::strtoull(v, &end, 10);
  if (errno || *end != '\0' || v[0] == '-' || x < lo || x > hi) {
    *error = std::string(name) + "='" + v + "' must be an integer in [" + std::to_string(lo) +
             ", " + std::to_string(hi) + "]";
    return false;
  }
  *out = x;
  return true;
}

void read_string(const char* name, std::string* out) {
  const char* v = std::getenv(name);
  if (v != nullptr && *v != '\0') *out = v;
}

bool read_flag(const char* name, bool* out, std::string* error) {
  unsigned long long v = *out ? 1 : 0;
  if (!read_uint(name, 0, 1, &v, error)) return false;
  *out = v == 1;
  return true;
}

bool read_channels(Settings* s, std::string* error) {
  read_string("TELEGRAM_BOT_TOKEN", &s->telegram.bot_token);
  read_string("TELEGRAM_WEBHOOK_SECRET", &s->telegram.webhook_secret);
  read_string("TELEGRAM_API_BASE", &s->telegram.api_base);
  read_string("WHATSAPP_VERIFY_TOKEN", &s->whatsapp.verify_token);
  read_string("WHATSAPP_APP_SECRET", &s->whatsapp.app_secret);
  read_string("WHATSAPP_ACCESS_TOKEN", &s->whatsapp.access_token);
  read_string("WHATSAPP_PHONE_NUMBER_ID", &s->whatsapp.phone_number_id);
  read_string("WHATSAPP_API_BASE", &s->whatsapp.api_base);
  read_string("TWILIO_ACCOUNT_SID", &s->twilio.account_sid);
  read_string("TWILIO_AUTH_TOKEN", &s->twilio.auth_token);
  read_string("TWILIO_FROM", &s->twilio.from);
  read_string("TWILIO_API_BASE", &s->twilio.api_base);
  read_string("PARLEY_PUBLIC_URL", &s->twilio.public_url);
  read_string("GREENAPI_INSTANCE_ID", &s->greenapi.instance_id);
  read_string("GREENAPI_TOKEN", &s->greenapi.token);
  read_string("GREENAPI_WEBHOOK_TOKEN", &s->greenapi.webhook_token);
  read_string("GREENAPI_API_BASE", &s->greenapi.api_base);
  read_string("MAYTAPI_PRODUCT_ID", &s->maytapi.product_id);
  read_string("MAYTAPI_PHONE_ID", &s->maytapi.phone_id);
  read_string("MAYTAPI_TOKEN", &s->maytapi.token);
  read_string("MAYTAPI_API_BASE", &s->maytapi.api_base);
  read_string("PARLEY_MANAGER_CHANNEL", &s->manager_channel);
  read_string("PARLEY_TEAM_LANGUAGE", &s->team_language);
  if (!domain::user::team_language(s->team_language)) {
    *error = "PARLEY_TEAM_LANGUAGE='" + s->team_language + "' must be en, es, ru, id or hi";
    return false;
  }
  bool insecure = false;
  if (!read_flag("PARLEY_INSECURE_WEBHOOKS", &insecure, error)) return false;
  s->telegram.insecure = s->greenapi.insecure = insecure;
  std::string managers;
  read_string("MANAGER_NUMBERS", &managers);
  for (size_t start = 0; start < managers.size();) {
    size_t comma = managers.find(',', start);
    if (comma == std::string::npos) comma = managers.size();
    auto digits = channels::phone_digits(managers.substr(start, comma - start));
    if (!digits.empty()) s->manager_numbers.insert(digits);
    start = comma + 1;
  }
  if (!s->manager_channel.empty() && s->manager_channel != "telegram" &&
      s->manager_channel != "whatsapp" && s->manager_channel != "twilio" &&
      s->manager_channel != "greenapi" && s->manager_channel != "maytapi") {
    *error = "PARLEY_MANAGER_CHANNEL='" + s->manager_channel +
             "' must be telegram, whatsapp, twilio, greenapi or maytapi";
    return false;
  }
  unsigned long long attempts = s->outbox.retry.max_attempts,
                     backoff = s->outbox.retry.base_us / 1000,
                     timeout = s->outbox.http.timeout.count(),
                     concurrency = s->outbox.max_in_flight, typing = s->typing_delay.count(),
                     media = s->media_max_bytes,
                     per_user = static_cast<unsigned long long>(s->inbound.per_user_per_minute),
                     overall = static_cast<unsigned long long>(s->inbound.overall_per_second);
  if (!read_flag("TELEGRAM_POLLING", &s->telegram_polling, error) ||
      !read_flag("GREENAPI_POLLING", &s->greenapi_polling, error) ||
      !read_flag("PARLEY_OUTBOX_PACING", &s->outbox.pacing, error) ||
      !read_flag("PARLEY_MARK_READ", &s->mark_read, error) ||
      !read_uint("PARLEY_OUTBOX_MAX_ATTEMPTS", 1, 1000, &attempts, error) ||
      !read_uint("PARLEY_OUTBOX_BACKOFF_MS", 1, 3600000, &backoff, error) ||
      !read_uint("PARLEY_OUTBOX_TIMEOUT_MS", 100, 600000, &timeout, error) ||
      !read_uint("PARLEY_OUTBOX_CONCURRENCY", 1, 1024, &concurrency, error) ||
      !read_uint("PARLEY_TYPING_DELAY_MS", 0, 60000, &typing, error) ||
      !read_uint("PARLEY_MEDIA_MAX_BYTES", 1024, 100ULL * 1024 * 1024, &media, error) ||
      !read_uint("PARLEY_INBOUND_PER_USER_PER_MINUTE", 0, 1000000, &per_user, error) ||
      !read_uint("PARLEY_INBOUND_PER_SECOND", 0, 10000000, &overall, error))
    return false;
  s->outbox.retry.max_attempts = static_cast<uint32_t>(attempts);
  s->outbox.retry.base_us = static_cast<int64_t>(backoff) * 1000;
  s->outbox.http.timeout = std::chrono::milliseconds(timeout);
  s->outbox.max_in_flight = concurrency;
  s->typing_delay = std::chrono::milliseconds(typing);
  s->media_max_bytes = static_cast<size_t>(media);
  s->inbound.per_user_per_minute = static_cast<double>(per_user);
  s->inbound.per_user_burst = std::max(1.0, std::min(8.0, s->inbound.per_user_per_minute));
  s->inbound.overall_per_second = static_cast<double>(overall);
  return true;
}

bool read_team(Settings* s, std::string* error) {
  read_string("PARLEY_TIMEZONE", &s->timezone);
  read_string("PARLEY_PASSWORD_COST", &s->password_cost);
  read_string("PARLEY_DIGEST_TIME", &s->digest_time);
  unsigned long long ttl = s->token_ttl_hours;
  if (!read_uint("PARLEY_TOKEN_TTL_HOURS", 1, 24 * 365, &ttl, error) ||
      !read_flag("PARLEY_TEAM_REGISTRATION", &s->team_registration, error))
    return false;
  s->token_ttl_hours = static_cast<unsigned>(ttl);
  unsigned long long link_days = s->order_link_days;
  if (!read_uint("PARLEY_ORDER_LINK_DAYS", 1, 3650, &link_days, error)) return false;
  s->order_link_days = static_cast<unsigned>(link_days);
  if (!crm::TimeZone::load(s->timezone)) {
    *error = "PARLEY_TIMEZONE='" + s->timezone +
             "' is not a time zone: use an IANA name (Asia/Kolkata), UTC or an offset (+05:30)";
    return false;
  }
  crm::PasswordCost cost;
  if (!crm::parse_password_cost(s->password_cost, &cost)) {
    *error = "PARLEY_PASSWORD_COST='" + s->password_cost + "' must be interactive or moderate";
    return false;
  }
  if (domain::sequence::minutes_of_day(s->digest_time) < 0) {
    *error = "PARLEY_DIGEST_TIME='" + s->digest_time + "' must be HH:MM";
    return false;
  }
  return true;
}

// PARLEY_LLM, PARLEY_LLM_MODEL, PARLEY_LLM_TIMEOUT and the providers' keys and
// URLs: <NAME>_API_KEY and <NAME>_BASE_URL of every preset (llm/provider.hpp).
bool read_llm(Settings* s, std::string* error) {
  auto& l = s->llm;
  read_string("PARLEY_LLM", &l.provider);
  read_string("PARLEY_LLM_MODEL", &l.model);
  std::string names = "offline";
  const auto& presets = llm::provider_presets();
  for (size_t i = 0; i < presets.size(); ++i) {
    const auto& p = presets[i];
    LlmProviderEnv env;
    env.key_required = p.key_required;
    env.named = l.provider == p.name;
    read_string(p.key_env, &env.api_key);
    read_string(p.base_url_env, &env.base_url);
    l.providers[p.name] = env;
    names += (i + 1 == presets.size() ? " or " : ", ") + std::string(p.name);
  }
  unsigned long long timeout = static_cast<unsigned long long>(l.timeout.count());
  if (!read_uint("PARLEY_LLM_TIMEOUT", 100, 600000, &timeout, error)) return false;
  l.timeout = std::chrono::milliseconds(timeout);
  if (l.provider == "offline") return true;
  const llm::ProviderPreset* preset = llm::find_preset(l.provider);
  if (preset == nullptr) {
    *error = "PARLEY_LLM='" + l.provider + "' must be " + names;
    return false;
  }
  if (!l.providers[l.provider].available()) {
    *error = "PARLEY_LLM=" + l.provider + " needs " + preset->key_env + " (or " +
             preset->base_url_env + " for a server that takes no key)";
    return false;
  }
  return true;
}

// PARLEY_NUDGE_*: the quiet-shopper follow-ups.
bool read_nudges(Settings* s, std::string* error) {
  auto& p = s->nudges;
  if (!read_flag("PARLEY_NUDGES", &p.enabled, error)) return false;
  unsigned long long silence = static_cast<unsigned long long>(p.silence_us / 60000000);
  unsigned long long max = p.max_nudges;
  if (!read_uint("PARLEY_NUDGE_SILENCE_MINUTES", 1, 7 * 24 * 60, &silence, error) ||
      !read_uint("PARLEY_NUDGE_MAX", 0, 10, &max, error))
    return false;
  p.silence_us = static_cast<int64_t>(silence) * 60000000;
  p.max_nudges = static_cast<uint32_t>(max);
  std::string hours = "09:00-19:00", second = "13:00", tmpl;
  read_string("PARLEY_WORK_HOURS", &hours);
  read_string("PARLEY_NUDGE_SECOND_AT", &second);
  read_string("PARLEY_NUDGE_TEMPLATE", &tmpl);
  const auto dash = hours.find('-');
  const int start =
      dash == std::string::npos ? -1 : domain::sequence::minutes_of_day(hours.substr(0, dash));
  const int end =
      dash == std::string::npos ? -1 : domain::sequence::minutes_of_day(hours.substr(dash + 1));
  if (start < 0 || end <= start) {
    *error = "PARLEY_WORK_HOURS='" + hours + "' must be HH:MM-HH:MM with the start first";
    return false;
  }
  p.work_start_minute = start;
  p.work_end_minute = end;
  p.second_at_minute = domain::sequence::minutes_of_day(second);
  if (p.second_at_minute < 0) {
    *error = "PARLEY_NUDGE_SECOND_AT='" + second + "' must be HH:MM";
    return false;
  }
  // "name" or "name:language" of an approved WhatsApp template.
  if (!tmpl.empty()) {
    const auto colon = tmpl.find(':');
    p.outside_window_template.name = tmpl.substr(0, colon);
    if (colon != std::string::npos) p.outside_window_template.language = tmpl.substr(colon + 1);
  }
  return true;
}

// "20", "7.5", "19.25" percent -> basis points.
bool read_percent(const char* name, unsigned* bp, std::string* error) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return true;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(v, &end);
  if (errno || *end != '\0' || !(x >= 0 && x <= 100)) {
    *error = std::string(name) + "='" + v + "' must be a percentage between 0 and 100";
    return false;
  }
  *bp = static_cast<unsigned>(x * 100 + 0.5);
  return true;
}

bool read_payments(Settings* s, std::string* error) {
  auto& p = s->payments;
  read_string("STRIPE_API_KEY", &p.stripe_api_key);
  read_string("STRIPE_WEBHOOK_SECRET", &p.stripe_webhook_secret);
  read_string("STRIPE_API_BASE", &p.stripe_api_base);
  read_string("STRIPE_SUCCESS_URL", &p.stripe_success_url);
  read_string("STRIPE_CANCEL_URL", &p.stripe_cancel_url);
  read_string("SMTP_URL", &p.smtp_url);
  read_string("SMTP_FROM", &p.smtp_from);
  read_string("SENDGRID_API_KEY", &p.sendgrid_api_key);
  read_string("SENDGRID_API_BASE", &p.sendgrid_api_base);
  read_string("PARLEY_SHOP_NAME", &p.shop_name);
  read_string("PARLEY_SHOP_ADDRESS", &p.shop_address);
  read_string("PARLEY_SHOP_VAT_ID", &p.shop_vat_id);
  read_string("PARLEY_SHOP_EMAIL", &p.shop_email);
  read_string("PARLEY_BANK_IBAN", &p.bank_iban);
  read_string("PARLEY_BANK_BIC", &p.bank_bic);
  read_string("PARLEY_BANK_NAME", &p.bank_name);
  unsigned long long tolerance = p.stripe_tolerance_s;
  if (!read_uint("STRIPE_WEBHOOK_TOLERANCE", 1, 86400, &tolerance, error) ||
      !read_percent("PARLEY_VAT_RATE", &p.vat_rate_bp, error))
    return false;
  p.stripe_tolerance_s = static_cast<unsigned>(tolerance);
  if ((!p.smtp_url.empty() || !p.sendgrid_api_key.empty()) && p.smtp_from.empty()) {
    p.smtp_from = p.shop_email;
    if (p.smtp_from.empty()) {
      *error =
          "SMTP_FROM (or PARLEY_SHOP_EMAIL) must name the sender when SMTP_URL or "
          "SENDGRID_API_KEY is set";
      return false;
    }
  }
  if (p.stripe() && p.stripe_webhook_secret.empty())
    std::fprintf(stderr,
                 "parley: STRIPE_API_KEY is set without STRIPE_WEBHOOK_SECRET: payments are "
                 "only confirmed by POST /api/v1/orders/{id}/payment/check or an admin\n");
  return true;
}

}  // namespace

std::string Settings::public_url() const {
  if (!twilio.public_url.empty()) return twilio.public_url;
  return "http://" + http_host + ":" + std::to_string(http_port);
}

bool load_settings(Settings* s, std::string* error) {
  read_string("PARLEY_DATA_DIR", &s->data_dir);
  read_string("PARLEY_HTTP_HOST", &s->http_host);
  read_string("PARLEY_CATALOG", &s->catalog_path);
  read_string("PARLEY_MASTER_KEY_FILE", &s->master_key_file);
  read_string("PARLEY_STORE", &s->store);
  read_string("PARLEY_PG_URL", &s->pg_url);
  read_string("PARLEY_NODE_ID", &s->node_id);
  read_string("PARLEY_CLUSTER_HOST", &s->cluster_host);
  if (s->store != "rocksdb" && s->store != "postgres") {
    *error = "PARLEY_STORE must be rocksdb or postgres, not '" + s->store + "'";
    return false;
  }
  if (s->store == "postgres" && s->pg_url.empty()) {
    *error = "PARLEY_STORE=postgres needs PARLEY_PG_URL (e.g. postgresql://parley@db/parley)";
    return false;
  }
  unsigned long long port = s->http_port, threads = s->http_threads, body = s->max_body,
                     idle = s->idle.count() / 1000, timeout = s->request_timeout.count(),
                     actors = s->actor_threads, sync = s->sync ? 1 : 0,
                     per_address = s->max_connections_per_address, live = s->max_live_entities,
                     serving = s->max_serving_per_address, head = s->head_timeout.count(),
                     read = s->request_read_timeout.count(), lease = s->node_lease.count(),
                     cluster = s->cluster ? 1 : 0, cluster_port = s->cluster_port;
  if (!read_uint("PARLEY_HTTP_PORT", 0, 65535, &port, error) ||
      !read_uint("PARLEY_HTTP_THREADS", 1, 4096, &threads, error) ||
      !read_uint("PARLEY_MAX_BODY", 1, 1ull << 30, &body, error) ||
      !read_uint("PARLEY_IDLE_SECONDS", 1, 30ull * 24 * 3600, &idle, error) ||
      !read_uint("PARLEY_REQUEST_TIMEOUT_MS", 1, 600000, &timeout, error) ||
      !read_uint("PARLEY_ACTOR_THREADS", 1, 64, &actors, error) ||
      !read_uint("PARLEY_SYNC", 0, 1, &sync, error) ||
      !read_uint("PARLEY_MAX_CONNECTIONS_PER_ADDRESS", 1, 100000, &per_address, error) ||
      !read_uint("PARLEY_MAX_SERVING_PER_ADDRESS", 1, 4096, &serving, error) ||
      !read_uint("PARLEY_HEADER_TIMEOUT_MS", 100, 600000, &head, error) ||
      !read_uint("PARLEY_MAX_LIVE_ENTITIES", 0, 100000000, &live, error) ||
      !read_uint("PARLEY_REQUEST_READ_TIMEOUT_MS", 100, 600000, &read, error) ||
      !read_uint("PARLEY_NODE_LEASE_MS", 300, 600000, &lease, error) ||
      !read_uint("PARLEY_CLUSTER", 0, 1, &cluster, error) ||
      !read_uint("PARLEY_CLUSTER_PORT", 0, 65535, &cluster_port, error))
    return false;
  s->cluster = cluster == 1;
  s->cluster_port = static_cast<int>(cluster_port);
  if (s->cluster && s->store != "postgres") {
    *error = "PARLEY_CLUSTER=1 needs the log in PostgreSQL (PARLEY_STORE=postgres)";
    return false;
  }
  if (s->cluster && (s->cluster_host.empty() || s->cluster_host == "0.0.0.0" ||
                     s->cluster_host == "::" || s->cluster_host == "[::]")) {
    // Other nodes are given this address: it must be one they can reach.
    *error = "PARLEY_CLUSTER_HOST must be this node's own address on the nodes' network, not '" +
             s->cluster_host + "'";
    return false;
  }
  s->max_connections_per_address = per_address;
  s->max_serving_per_address = serving;
  s->max_live_entities = live;
  s->head_timeout = std::chrono::milliseconds(head);
  s->request_read_timeout = std::chrono::milliseconds(read);
  s->node_lease = std::chrono::milliseconds(lease);
  s->http_port = static_cast<int>(port);
  s->http_threads = threads;
  s->max_body = body;
  s->idle = std::chrono::seconds(idle);
  s->request_timeout = std::chrono::milliseconds(timeout);
  s->actor_threads = actors;
  s->sync = sync == 1;
  return read_channels(s, error) && read_team(s, error) && read_nudges(s, error) &&
         read_llm(s, error) && read_payments(s, error);
}

}  // namespace parley::tools
