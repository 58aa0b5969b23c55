// `parley serve`: the demo server. Opens the log, starts the writer, the
// actors and the edge; on SIGTERM/SIGINT stops accepting, finishes in-flight
// requests, stops the actors, flushes the writer and closes the store.
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>

#include "actors/customer_merge_commands.hpp"
#include "actors/engine.hpp"
#include "actors/persona_commands.hpp"
#include "actors/product_commands.hpp"
#include "actors/promotion_commands.hpp"
#include "actors/testimonial_commands.hpp"
#include "channels/media_fetch.hpp"
#include "cluster/duty.hpp"
#include "crm/time_zone.hpp"
#include "events/group_commit_writer.hpp"
#include "http/api.hpp"
#include "http/console.hpp"
#include "http/customer_api.hpp"
#include "http/knowledge_api.hpp"
#include "http/nlu_api.hpp"
#include "http/openapi.hpp"
#include "http/persona_api.hpp"
#include "http/product_api.hpp"
#include "http/promotion_api.hpp"
#include "http/server.hpp"
#include "http/testimonial_api.hpp"
#include "intake/media_intake.hpp"
#include "privacy/sealed_event_store.hpp"
#include "privacy/sealed_view_store.hpp"
#include "projections/catalog_view.hpp"
#include "projections/knowledge_view.hpp"
#include "projections/persona_view.hpp"
#include "projections/promotions_view.hpp"
#include "projections/purchases_view.hpp"
#include "projections/testimonials_view.hpp"
#include "tools/catalog_import.hpp"
#include "tools/commands.hpp"
#include "tools/customer_keys_open.hpp"
#include "tools/embedded_file.hpp"
#include "tools/replay_runner.hpp"
#include "tools/secret_file.hpp"
#include "tools/serve_channels.hpp"
#include "tools/serve_cluster.hpp"
#include "tools/serve_llm.hpp"
#include "tools/serve_log.hpp"
#include "tools/serve_payments.hpp"
#include "tools/serve_team.hpp"
#include "tools/serve_views.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

int run_serve(int argc, char** argv) {
  (void)argc;
  (void)argv;
  Settings settings;
  std::string error;
  if (!load_settings(&settings, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 2;
  }
  // The store's zone is the process's TZ, set before any thread starts
  // (crm/time_zone.hpp); settings checked that it loads.
  const auto zone = crm::TimeZone::load(settings.timezone).value_or(crm::TimeZone::utc());
  zone.local(0);
  // Signals are taken by sigwait below; every thread started from here on
  // inherits the blocked mask.
  // A peer that hangs up mid-write (a shopper's client, a platform, a mail
  // server) is an error on that socket, never the end of the process.
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // The data directory holds the keys and every customer's records: only the
  // server's user may enter it (it was world-readable: our probe).
  if (!make_private_dir(settings.data_dir, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 1;
  }
  auto log = ServerLog::open(settings);
  if (!log) return 1;
  // Personal data is sealed at rest with per-customer keys (docs/SECURITY.md):
  // every reader and writer below sees the log through this decorator.
  auto keys = open_customer_keys(settings, log->keys(), false, &error);
  if (!keys) {
    std::fprintf(stderr, "parley: cannot unlock the customer keys: %s\n", error.c_str());
    return 1;
  }
  privacy::SealedEventStore sealed(log->store(), *keys);
  events::EventStore& store = sealed;
  events::GroupCommitWriter writer(store);

  std::string token;
  if (!admin_token(settings, &token, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 1;
  }

  // The catalog: folded from the log; imported on the very first start.
  projections::CatalogView catalog(store);
  if (auto st = catalog.catch_up(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the catalog: %s\n", st.to_string().c_str());
    return 1;
  }
  actors::ProductCommands products(store, writer, wall_clock_us);
  if (catalog.known_products() == 0) {
    std::string csv = demo_catalog_csv(), source = "demo catalog";
    if (!settings.catalog_path.empty()) {
      source = settings.catalog_path;
      if (!read_file(settings.catalog_path, &csv, &error)) {
        std::fprintf(stderr, "parley: PARLEY_CATALOG: %s\n", error.c_str());
        return 1;
      }
    }
    import_catalog(products, csv, source, false);
    catalog.catch_up();
  }
  catalog.start_following(std::chrono::milliseconds(100));

  // The shop's knowledge (issue 21): documents folded into a passage index,
  // translated through the service lexicon the binary carries.
  const brain::Lexicon service_lexicon(service_lexicon_files().front().bytes);
  projections::KnowledgeView knowledge(store, &service_lexicon);
  if (auto st = knowledge.catch_up(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the knowledge: %s\n", st.to_string().c_str());
    return 1;
  }
  knowledge.start_following(std::chrono::milliseconds(100));
  // Past orders for "same as before" and what sells together (issue 21).
  projections::PurchasesView purchases(store);
  if (auto st = purchases.catch_up(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the orders: %s\n", st.to_string().c_str());
    return 1;
  }
  purchases.start_following(std::chrono::milliseconds(100));
  // The shop's promotions and testimonials (issue 21): applied to carts and
  // offered; shown to a shopper who asks for reviews or hesitates.
  projections::PromotionsView promotions(store);
  projections::TestimonialsView testimonials(store);
  projections::PersonaView personas(store);  // the offline brain's voice per language
  for (projections::LogFollower* view :
       std::initializer_list<projections::LogFollower*>{&promotions, &testimonials, &personas}) {
    if (auto st = view->catch_up(); !st.ok()) {
      std::fprintf(stderr, "parley: cannot read the %s: %s\n", std::string(view->name()).c_str(),
                   st.to_string().c_str());
      return 1;
    }
    view->start_following(std::chrono::milliseconds(100));
  }

  actors::EngineOptions engine_options;
  engine_options.scheduler_threads = settings.actor_threads;
  engine_options.idle = settings.idle;
  engine_options.max_live_entities = settings.max_live_entities;
  // Dates in shoppers' messages: the zone's offset now (a DST change applies after a restart).
  engine_options.conversations.utc_offset_minutes = zone.offset_minutes_at(wall_clock_us());
  engine_options.conversations.catalog = [&catalog] { return catalog.snapshot(); };
  engine_options.conversations.knowledge = [&knowledge] { return knowledge.snapshot(); };
  engine_options.conversations.purchases = [&purchases] { return purchases.snapshot(); };
  engine_options.conversations.promotions = [&promotions] { return promotions.snapshot(); };
  engine_options.conversations.testimonials = [&testimonials] { return testimonials.snapshot(); };
  engine_options.conversations.personas = [&personas] { return personas.snapshot(); };
  auto adapters = make_adapters(settings);
  engine_options.conversations.manager_numbers.assign(settings.manager_numbers.begin(),
                                                      settings.manager_numbers.end());
  engine_options.conversations.manager_channel = manager_channel(settings, adapters);
  engine_options.conversations.team_language = settings.team_language;
  // The sales team: users, leads and timers, folded from the log before serving.
  ServeTeam team(settings, store, writer, adapters.at("telegram")->can_send(),
                 engine_options.conversations.manager_channel, token);
  if (auto st = team.load(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the team and leads: %s\n", st.to_string().c_str());
    return 1;
  }
  engine_options.leads = team.lead_deps();
  engine_options.conversations.nudges = settings.nudges;
  engine_options.conversations.zone_offset = [zone](int64_t us) {
    return int64_t{zone.offset_minutes_at(us)} * 60000000;
  };
  // The persisted views (carts, orders, billing, funnel, timers).
  ServeViews views(settings, store, zone, privacy::views_key(keys->master()));
  if (auto st = views.open(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot open the views: %s\n", st.to_string().c_str());
    return 1;
  }
  // Language models (PARLEY_LLM …): the offline brain answers when none is on.
  ServeLlm llm(
      settings, store, writer, [&catalog] { return catalog.snapshot(); },
      engine_options.conversations.knowledge);
  if (auto st = llm.load(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the LLM settings: %s\n", st.to_string().c_str());
    return 1;
  }
  engine_options.advisor = llm.advisor();
  engine_options.rewriter = llm.rewriter();
  engine_options.extractor = llm.extractor();
  // Cluster mode: this node's share of the entities, and the way to the rest.
  std::unique_ptr<ServeCluster> cluster;
  if (settings.cluster) {
    cluster = std::make_unique<ServeCluster>(settings);
    cluster->wire(&engine_options);
  }
  actors::Engine engine(store, writer, engine_options);
  // However this function ends, other nodes' turns stop before the engine
  // goes (its actor system would wait for the link's threads forever).
  struct StopLink {
    ServeCluster* cluster;
    ~StopLink() {
      if (cluster) cluster->stop();
    }
  } stop_link{cluster.get()};
  if (cluster && !cluster->listen(engine, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 1;
  }
  team.attach(engine, llm.extractor());
  views.start(team.timers());
  // In cluster mode the once-per-cluster work starts only on the node that
  // holds the duty (cluster/duty.hpp): the timers, the order worker, the
  // outbox and the pollers.
  const bool duties_here = !settings.cluster;
  std::atomic<bool> duties_running{duties_here};
  if (duties_here) team.start_timers();
  // Orders after placement: stock, payment links, notices, invoices and their e-mail.
  ServePayments payments(settings, store, writer, *keys);
  if (!payments.open_links(&error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 1;
  }
  payments.attach(engine);
  if (duties_here) payments.start();

  // Channels: what the log says is undelivered is sent before anything new.
  // Shoppers' voice notes and photos, read by the media agent when one is on.
  channels::MediaFetchOptions media_options;
  media_options.root = settings.data_dir;
  media_options.max_bytes = settings.media_max_bytes;
  const intake::MediaIntake media(llm.media_reader(), media_options);
  ServeChannels channels(
      settings, std::move(adapters), store, writer, engine, team.auth(),
      [&team](const std::string& c, const std::string& u) { return team.member(c, u); },
      [&team](const crm::Principal& who, const std::string& text, int64_t at) {
        return team.desk(who, text, at);
      },
      [&media](const channels::Adapter& a, const channels::InboundMessage& m, int64_t at) {
        return media.read(a, m, at);
      });
  // Forgetting a customer shreds what the log holds of them and removes the
  // voice notes and photos they sent.
  channels.set_forget_keys([&sealed, &settings](const std::string& conversation_id) {
    const size_t colon = conversation_id.find(':');
    if (colon != std::string::npos) {
      std::error_code ignored;
      std::filesystem::remove_all(
          channels::media_folder(settings.data_dir, conversation_id.substr(0, colon),
                                 conversation_id.substr(colon + 1)),
          ignored);
    }
    return sealed.forget({domain::conversation::kEntityType, conversation_id});
  });
  if (auto st = duties_here ? channels.start_outbox() : events::Status::Ok(); !st.ok()) {
    std::fprintf(stderr, "parley: cannot read the outbox: %s\n", st.to_string().c_str());
    return 1;
  }

  std::atomic<bool> accepting{true};
  http::ApiContext ctx{engine,        store,          settings.request_timeout,
                       wall_clock_us, new_request_id, &accepting};
  http::Router router;
  std::unique_ptr<http::HttpMetrics> metrics;
  const http::HttpServer* edge = nullptr;  // for the gate's lines in /metrics
  auto checkpoint_of = [](const projections::LogFollower* f) {
    return [f] { return f->checkpoint(); };
  };
  ctx.invoice_mail = payments.mail_configured();
  ctx.auth = &team.auth();
  ctx.order_links = payments.links();
  ctx.projections = {
      {"catalog", checkpoint_of(&catalog)},           {"knowledge", checkpoint_of(&knowledge)},
      {"purchases", checkpoint_of(&purchases)},       {"promotions", checkpoint_of(&promotions)},
      {"testimonials", checkpoint_of(&testimonials)}, {"persona", checkpoint_of(&personas)}};
  // The outbox and the order worker follow the log only where the duty runs
  // (cluster mode); elsewhere they are not behind, they are not here.
  for (const auto& [name, follower] :
       {std::pair<const char*, const projections::LogFollower*>{"outbox", &channels.feed()},
        {"orders", &payments.worker()}})
    ctx.projections.push_back({name, [&duties_running, &store, f = follower] {
                                 return duties_running ? f->checkpoint() : store.last_position();
                               }});
  for (const auto& f : team.followers()) ctx.projections.push_back(f);
  for (const auto& f : views.checkpoints()) ctx.projections.push_back(f);
  channels.register_routes(router);
  team.register_routes(router);
  views.register_routes(router, team.auth());
  llm.register_routes(router, team.auth());
  payments.register_routes(router, team.auth());
  http::ProductApiContext product_ctx{products, catalog, team.auth(),
                                      domain::parse_catalog_csv(demo_catalog_csv()).products};
  http::register_product_api(router, product_ctx);
  actors::KnowledgeCommands knowledge_commands(store, writer, wall_clock_us);
  http::KnowledgeApiContext knowledge_ctx{knowledge_commands, knowledge, team.auth()};
  http::register_knowledge_api(router, knowledge_ctx);
  actors::PromotionCommands promotion_commands(store, writer, wall_clock_us);
  http::PromotionApiContext promotion_ctx{promotion_commands, promotions, team.auth(),
                                          wall_clock_us};
  http::register_promotion_api(router, promotion_ctx);
  actors::TestimonialCommands testimonial_commands(store, writer, wall_clock_us);
  http::TestimonialApiContext testimonial_ctx{testimonial_commands, testimonials, team.auth()};
  http::register_testimonial_api(router, testimonial_ctx);
  // The console's replay runs this binary's `parley replay` as a child (tools/replay_runner.hpp).
  std::error_code no_self;
  ReplayRunner replays(std::filesystem::read_symlink("/proc/self/exe", no_self).string(),
                       settings.data_dir, std::chrono::seconds(120));
  http::ReplayApiContext replay_ctx{
      team.auth(), [&replays](const http::ReplayAsk& a) { return replays.run(a); }};
  http::register_replay_api(router, replay_ctx);
  actors::PersonaCommands persona_commands(store, writer, wall_clock_us);
  http::PersonaApiContext persona_ctx{persona_commands, store, team.auth()};
  http::register_persona_api(router, persona_ctx);
  // Customer records: read, corrected in each conversation, merged (issue 21).
  actors::CustomerMergeCommands customer_merges(store, writer, wall_clock_us);
  http::CustomerApiContext customer_ctx{views.orders(), engine,        customer_merges,
                                        team.auth(),    wall_clock_us, settings.request_timeout};
  http::register_customer_api(router, customer_ctx);
  http::register_nlu_api(router, local_now_iso);
  const auto api_document = api_docs().front().bytes;
  http::register_openapi(router, api_document);
  std::vector<http::ConsoleFile> console;
  for (const auto& f : console_files()) console.push_back({std::string(f.name), f.bytes});
  http::register_console(router, console);
  http::register_api(router, ctx, [&] {
    return http::render_prometheus(*metrics, {writer.stats(), engine.stats(), store.last_position(),
                                              log->wal_dropped_bytes()}) +
           channels.metrics() + views.metrics() + (edge ? edge->gate_metrics() : "") +
           (cluster ? cluster->metrics() : "");
  });
  metrics = std::make_unique<http::HttpMetrics>(router.patterns());
  // Every route described, nothing described that is not a route (the
  // OpenAPI test starts the server with every channel and reads these lines).
  for (const auto& m : http::openapi_mismatches(router.routes(), api_document))
    std::fprintf(stderr, "parley: openapi.json: %s\n", m.c_str());

  http::ServerOptions server_options;
  server_options.host = settings.http_host;
  server_options.port = settings.http_port;
  server_options.threads = settings.http_threads;
  server_options.max_body = settings.max_body;
  server_options.max_connections_per_address = settings.max_connections_per_address;
  server_options.max_serving_per_address = settings.max_serving_per_address;
  server_options.head_timeout = settings.head_timeout;
  server_options.request_read_timeout = settings.request_read_timeout;
  http::HttpServer server(server_options, router, *metrics);
  edge = &server;
  if (!server.start(&error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 1;
  }
  bool join_failed = false;
  auto heartbeat = log->join(
      settings, server.port(),
      [&views] {
        uint64_t folded = ~uint64_t{0};
        for (const auto& [name, at] : views.checkpoints()) folded = std::min(folded, at());
        return folded == ~uint64_t{0} ? 0 : folded;
      },
      cluster ? cluster->peer() : std::string(),
      [&](const std::string& node_id) {
        return cluster ? cluster->observer(node_id, engine) : cluster::Heartbeat::Observer{};
      },
      &join_failed);
  if (join_failed) return 1;
  std::fprintf(stderr,
               "parley: serving on http://%s:%d (%s, %llu events, %zu products, %s, "
               "%s)\n",
               settings.http_host.c_str(), server.port(), log->describe().c_str(),
               static_cast<unsigned long long>(store.last_position()),
               catalog.snapshot()->index.size(), llm.describe().c_str(),
               payments.describe().c_str());
  // The once-per-cluster work stops before its lock is free (on the duty's
  // thread when the lock was lost; by the shutdown below otherwise), so two
  // nodes never run it at once.
  auto stop_duties = [&] {
    channels.stop_pollers();
    team.timers().stop();
    payments.stop();
    channels.stop();
  };
  std::unique_ptr<cluster::Duty> duty;
  if (duties_here) {
    channels.start_pollers();
  } else {
    duty = std::make_unique<cluster::Duty>(
        settings.pg_url, settings.node_lease / 3,
        [&] {
          team.start_timers();
          payments.start();
          if (auto st = channels.start_outbox(); !st.ok()) {
            // Holding the duty without an outbox would silence the cluster.
            std::fprintf(stderr, "parley: cannot read the outbox: %s\n", st.to_string().c_str());
            kill(getpid(), SIGTERM);
            return;
          }
          channels.start_pollers();
          duties_running = true;
        },
        // Another node may hold the duty now: stop it here, then the server.
        [&] {
          stop_duties();
          kill(getpid(), SIGTERM);
        });
    duty->start();
  }

  int sig = 0;
  sigwait(&signals, &sig);
  std::fprintf(stderr, "parley: %s received, shutting down\n",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  accepting = false;
  if (duty) {  // the once-only work ends at once, then its lock is free for the next node
    duty->halt();
    stop_duties();
    duty->release();
  }
  if (heartbeat) heartbeat->stop();  // out of the cluster at once, not when the lease ends
  views.close_event_streams();
  server.stop();  // in-flight requests finish first
  channels.stop_pollers();
  catalog.stop_following();
  knowledge.stop_following();
  purchases.stop_following();
  promotions.stop_following();
  testimonials.stop_following();
  personas.stop_following();
  views.stop();
  team.stop();      // timers stop before the entities they command
  payments.stop();  // the order worker stops before the entities it tells
  // No more turns from other nodes (nothing here forwards any more either).
  if (cluster) cluster->stop();
  engine.shutdown();  // entities stop; their appends are already queued
  channels.stop();    // undelivered messages stay in the log for the next start
  writer.stop();      // everything queued is written and synced
  auto flushed = log->flush();
  if (!flushed.ok()) {
    std::fprintf(stderr, "parley: flush at shutdown failed: %s\n", flushed.to_string().c_str());
    return 1;
  }
  std::fprintf(stderr, "parley: stopped cleanly at position %llu\n",
               static_cast<unsigned long long>(store.last_position()));
  return 0;
}

}  // namespace parley::tools
