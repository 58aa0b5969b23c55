// Settings from the environment (README.md lists them). Every setting has a
// default that runs the demo on a fresh machine.
#pragma once

#include "domain/nudge.hpp"

#include <chrono>
#include <map>
#include <set>
#include <string>

#include "channels/adapters.hpp"
#include "channels/outbox.hpp"
#include "channels/rate_limiter.hpp"

namespace parley::tools {

// A language-model provider's key and base URL (llm::provider_presets()).
struct LlmProviderEnv {
  std::string api_key;       // <NAME>_API_KEY: OPENAI_API_KEY, GROQ_API_KEY …
  std::string base_url;      // <NAME>_BASE_URL: OPENAI_BASE_URL …; "" = the provider's own
  bool key_required = true;  // false for a local server (ollama, llamacpp)
  bool named = false;        // PARLEY_LLM names it
  // A hosted provider with a key, or a base URL (a server that takes none);
  // a local server at its default URL once PARLEY_LLM names it: counted
  // otherwise, the admin's choices would offer a server nobody started.
  bool available() const {
    return !api_key.empty() || !base_url.empty() || (!key_required && named);
  }
};

struct LlmEnv {
  // PARLEY_LLM: offline or a preset: openai, anthropic, gemini, xai,
  // openrouter, groq, ollama, llamacpp.
  std::string provider = "offline";
  std::string model;                         // PARLEY_LLM_MODEL: "" = the provider's default model
  std::chrono::milliseconds timeout{15000};  // PARLEY_LLM_TIMEOUT (ms): the model's whole turn
  std::map<std::string, LlmProviderEnv> providers;  // every preset, by name
};

// Payments, invoices and their e-mail (README.md, "Payments and invoices").
struct PaymentsEnv {
  std::string stripe_api_key;                              // STRIPE_API_KEY
  std::string stripe_webhook_secret;                       // STRIPE_WEBHOOK_SECRET
  std::string stripe_api_base = "https://api.stripe.com";  // STRIPE_API_BASE
  std::string stripe_success_url;  // STRIPE_SUCCESS_URL; "" = <public URL>/payments/done?order=…
  std::string stripe_cancel_url;   // STRIPE_CANCEL_URL; "" = the same page
  unsigned stripe_tolerance_s = 300;  // STRIPE_WEBHOOK_TOLERANCE: seconds a signature stays valid
  std::string smtp_url;               // SMTP_URL: smtp://host:port (or smtps://user:pass@host)
  std::string smtp_from;              // SMTP_FROM: the sender's address
  std::string sendgrid_api_key;       // SENDGRID_API_KEY
  std::string sendgrid_api_base = "https://api.sendgrid.com";         // SENDGRID_API_BASE
  std::string shop_name = "Parley Demo Shop";                         // PARLEY_SHOP_NAME
  std::string shop_address = "1 Demo Street, 10115 Berlin, Germany";  // PARLEY_SHOP_ADDRESS
  std::string shop_vat_id;                                            // PARLEY_SHOP_VAT_ID
  std::string shop_email;                                             // PARLEY_SHOP_EMAIL
  unsigned vat_rate_bp = 2000;  // PARLEY_VAT_RATE: percent ("19", "7.5"), kept in basis points
  std::string bank_iban = "DE89 3704 0044 0532 0130 00";  // PARLEY_BANK_IBAN (demo value)
  std::string bank_bic;                                   // PARLEY_BANK_BIC
  std::string bank_name;                                  // PARLEY_BANK_NAME
  bool stripe() const { return !stripe_api_key.empty(); }
};

struct Settings {
  std::string data_dir = "./var";            // PARLEY_DATA_DIR
  std::string http_host = "127.0.0.1";       // PARLEY_HTTP_HOST
  int http_port = 8080;                      // PARLEY_HTTP_PORT
  size_t http_threads = 128;                 // PARLEY_HTTP_THREADS: concurrent connections
  size_t max_body = 1 << 20;                 // PARLEY_MAX_BODY: bytes
  size_t max_live_entities = 20000;          // PARLEY_MAX_LIVE_ENTITIES (0: no cap)
  size_t max_connections_per_address = 256;  // PARLEY_MAX_CONNECTIONS_PER_ADDRESS
  // PARLEY_MAX_SERVING_PER_ADDRESS: requests of one address in service at once.
  // Half the workers: one address cannot hold them all, and a load test or a
  // proxy in front (every client one address) is not cut to a few (16 halved
  // the chat benchmark from one address).
  size_t max_serving_per_address = 64;
  std::chrono::milliseconds head_timeout{10000};          // PARLEY_HEADER_TIMEOUT_MS
  std::chrono::milliseconds request_read_timeout{30000};  // PARLEY_REQUEST_READ_TIMEOUT_MS
  bool sync = true;  // PARLEY_SYNC=0 turns off the WAL sync (benchmarks only)
  // PARLEY_STORE: where the event log lives. "rocksdb" (the default) in the
  // data directory; "postgres" in the database at PARLEY_PG_URL (issue 23:
  // one server on it, or a cluster with PARLEY_CLUSTER=1). Views, keys' master file and the rest
  // stay in the data directory either way.
  std::string store = "rocksdb";
  std::string pg_url;  // PARLEY_PG_URL: a libpq connection string or URI
  // On PostgreSQL the server is a member of the cluster (cluster/membership.hpp):
  std::string node_id;                         // PARLEY_NODE_ID; default "<hostname>:<HTTP port>"
  std::chrono::milliseconds node_lease{5000};  // PARLEY_NODE_LEASE_MS
  // PARLEY_CLUSTER=1 (PostgreSQL only): several servers share the database;
  // each owns the entities the ring gives it and forwards the rest
  // (tools/serve_cluster.hpp). Off: one server per database.
  bool cluster = false;
  std::string cluster_host = "127.0.0.1";  // PARLEY_CLUSTER_HOST: where peers reach this node
  int cluster_port = 0;                    // PARLEY_CLUSTER_PORT; 0: any free port
  std::chrono::milliseconds idle{std::chrono::seconds(300)};  // PARLEY_IDLE_SECONDS
  std::chrono::milliseconds request_timeout{5000};            // PARLEY_REQUEST_TIMEOUT_MS
  size_t actor_threads = 2;  // PARLEY_ACTOR_THREADS: CAF scheduler workers
  std::string catalog_path;  // PARLEY_CATALOG: CSV imported at first start; "" = the demo catalog
  // PARLEY_MASTER_KEY_FILE: the key that wraps customer keys (docs/SECURITY.md);
  // "" = <data dir>/master-key, made on the first start.
  std::string master_key_file;

  // Channels (../shared/spec/http-contract.md; README.md lists the names).
  channels::TelegramConfig telegram;
  channels::WhatsAppConfig whatsapp;
  channels::TwilioConfig twilio;
  channels::GreenApiConfig greenapi;
  channels::MaytapiConfig maytapi;
  bool telegram_polling = false;          // TELEGRAM_POLLING=1: getUpdates instead of the webhook
  bool greenapi_polling = false;          // GREENAPI_POLLING=1: receiveNotification instead
  std::set<std::string> manager_numbers;  // MANAGER_NUMBERS (digits)
  std::string manager_channel;  // PARLEY_MANAGER_CHANNEL; default: the first WhatsApp that can send
  std::string team_language =
      "en";                        // PARLEY_TEAM_LANGUAGE: alerts and /handoff answers to managers
  channels::OutboxOptions outbox;  // PARLEY_OUTBOX_*
  std::chrono::milliseconds typing_delay{300};  // PARLEY_TYPING_DELAY_MS
  // The largest voice note or photo fetched from a platform (1 KiB .. 100 MiB).
  size_t media_max_bytes = 16 * 1024 * 1024;  // PARLEY_MEDIA_MAX_BYTES
  bool mark_read = true;                      // PARLEY_MARK_READ
  // The sales team.
  std::string timezone = "UTC";   // PARLEY_TIMEZONE: IANA name, UTC or ±HH:MM
  unsigned token_ttl_hours = 12;  // PARLEY_TOKEN_TTL_HOURS: lifetime of a login token
  unsigned order_link_days = 30;  // PARLEY_ORDER_LINK_DAYS: lifetime of a shopper's order link
  std::string password_cost = "interactive";  // PARLEY_PASSWORD_COST: interactive, moderate
  std::string digest_time = "08:30";          // PARLEY_DIGEST_TIME: the morning digest, local HH:MM
  // POST /api/v1/register: people ask to join the team; an admin approves.
  bool team_registration = false;  // PARLEY_TEAM_REGISTRATION
  channels::RateLimits inbound;    // PARLEY_INBOUND_*
  // Shopper nudges (domain/nudge.hpp).
  domain::nudge::Policy nudges;  // PARLEY_NUDGES, PARLEY_NUDGE_SILENCE_MINUTES,
                                 // PARLEY_WORK_HOURS, PARLEY_NUDGE_SECOND_AT,
                                 // PARLEY_NUDGE_MAX, PARLEY_NUDGE_TEMPLATE
  LlmEnv llm;
  PaymentsEnv payments;
  std::string public_url() const;  // PARLEY_PUBLIC_URL, else http://host:port

  std::string events_path() const { return data_dir + "/events"; }
  std::string views_path() const { return data_dir + "/views"; }
  std::string master_key_path() const {
    return master_key_file.empty() ? data_dir + "/master-key" : master_key_file;
  }
};

// Reads the environment; false with `error` naming the bad variable.
bool load_settings(Settings* settings, std::string* error);

}  // namespace parley::tools
