// `parley replay --since DATE [--brain offline|<provider: openai, groq …>]
//   [--model M] [--prompt FILE] [--conversation ID]… [--json]` (issue 21,
// point 8): the conversations with a shopper message since DATE, answered
// again from their first message by a candidate brain or prompt, and a
// report of where the replies, carts and orders would differ
// (tools/replay_report.hpp). Before switching a model or a prompt, a shop
// reads what it would have changed. Without --brain the shop's own setting
// answers (with --prompt, the prompt alone is the candidate).
//
// Nothing is written to the log: the shop's own streams (catalog, knowledge,
// promotions, testimonials, persona, LLM settings) are copied into a store in memory,
// the candidate's setting and prompt are appended there as the admin routes
// would, and an engine over that store answers each conversation's messages
// in order, with their original times. Works while the server runs (the log
// is read as a secondary instance). A model is asked for real: a replay with
// one costs what the turns cost.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "actors/engine.hpp"
#include "brain/lexicon.hpp"
#include "crm/time_zone.hpp"
#include "events/conversation_codec.hpp"
#include "events/group_commit_writer.hpp"
#include "events/llm_config_codec.hpp"
#include "events/memory_event_store.hpp"
#include "projections/calendar.hpp"
#include "projections/catalog_view.hpp"
#include "projections/knowledge_view.hpp"
#include "projections/persona_view.hpp"
#include "projections/promotions_view.hpp"
#include "projections/purchases_view.hpp"
#include "projections/testimonials_view.hpp"
#include "tools/commands.hpp"
#include "tools/embedded_file.hpp"
#include "tools/read_only_store.hpp"
#include "tools/replay_report.hpp"
#include "tools/serve_llm.hpp"

namespace parley::tools {

namespace conv = domain::conversation;
namespace llm_config = domain::llm_config;

namespace {

struct ReplayArgs {
  std::string since, brain, model, prompt_file;
  std::set<std::string> only;
  bool json = false;
};

int usage() {
  std::fprintf(stderr,
               "usage: parley replay --since YYYY-MM-DD [--brain offline|<provider>]\n"
               "                     [--model MODEL] [--prompt FILE] [--conversation ID]... "
               "[--json]\n");
  return 2;
}

bool parse(int argc, char** argv, ReplayArgs* a) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--json") {
      a->json = true;
    } else if (arg == "--since" && has_value) {
      a->since = argv[++i];
    } else if (arg == "--brain" && has_value) {
      a->brain = argv[++i];
    } else if (arg == "--model" && has_value) {
      a->model = argv[++i];
    } else if (arg == "--prompt" && has_value) {
      a->prompt_file = argv[++i];
    } else if (arg == "--conversation" && has_value) {
      a->only.insert(argv[++i]);
    } else {
      return false;
    }
  }
  return !a->since.empty();
}

// The streams a candidate engine needs from the shop, copied as they are.
bool is_shop_stream(const std::string& type) {
  static const std::set<std::string> kShop = {"product",    "knowledge", "promotion", "testimonial",
                                              "llm_config", "sequence",  "persona"};
  return kShop.count(type) > 0;
}

// Every event of the log in order, a page at a time.
events::Status each_event(events::EventStore& log,
                          const std::function<void(const events::EventEnvelope&)>& visit) {
  for (uint64_t from = 1;;) {
    std::vector<events::EventEnvelope> page;
    if (auto st = log.read_all(from, 4096, &page); !st.ok()) return st;
    if (page.empty()) return events::Status::Ok();
    for (const auto& e : page) visit(e);
    from = page.back().position + 1;
  }
}

// One event appended to `to`'s stream of the same name, as it was stored.
events::Status append_one(events::EventStore& to, events::StreamId stream, events::NewEvent event) {
  events::AppendRequest r;
  r.stream = std::move(stream);
  r.expected_seq = events::kAnySeq;
  r.events.push_back(std::move(event));
  return to.append(r).status;
}

events::Status copy(events::EventStore& to, const events::EventEnvelope& e) {
  return append_one(to, {e.entity_type, e.entity_id},
                    {e.type, e.schema_version, e.timestamp_us, e.causation_id, e.payload});
}

// The candidate's model and prompt, recorded in the copy as the admin routes would.
events::Status configure(events::EventStore& store, const ReplayArgs& a, int64_t now_us,
                         std::string* error) {
  std::vector<llm_config::Event> changes;
  if (!a.brain.empty()) {
    if (a.brain != "offline" && a.model.empty()) {
      *error = "--brain " + a.brain + " needs --model";
      return events::Status::InvalidArgument(*error);
    }
    changes.push_back(
        llm_config::AgentConfigured{"responder", {a.brain, a.model}, "replay", now_us});
  }
  if (!a.prompt_file.empty()) {
    std::ifstream in(a.prompt_file, std::ios::binary);
    if (!in) {
      *error = "cannot read " + a.prompt_file;
      return events::Status::InvalidArgument(*error);
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > llm_config::kMaxPromptBytes) {
      *error = a.prompt_file + " is over 16 KiB";
      return events::Status::InvalidArgument(*error);
    }
    changes.push_back(llm_config::PromptChanged{"responder", text.str(), "replay", now_us});
  }
  for (const auto& c : changes) {
    auto st = append_one(store, {llm_config::kEntityType, llm_config::kShop},
                         events::llm_config_codec::encode(c));
    if (!st.ok()) return st;
  }
  return events::Status::Ok();
}

// The candidate's turns of one conversation: its events in the copy, folded
// as the recorded ones are.
std::vector<replay::TurnOutcome> candidate_turns(events::EventStore& store, const std::string& id) {
  std::vector<events::EventEnvelope> stored;
  store.read_stream({conv::kEntityType, id}, 1, 100000, &stored);
  std::vector<conv::Event> events;
  for (const auto& e : stored)
    if (auto d = events::conversation_codec::decode(e)) events.push_back(std::move(*d));
  return replay::recorded_turns(events, id);
}

}  // namespace

int run_replay(int argc, char** argv) {
  ReplayArgs args;
  if (!parse(argc, argv, &args)) return usage();
  int64_t since_us = 0;
  if (!projections::Calendar::utc().day_start(args.since, &since_us)) {
    std::fprintf(stderr, "parley: --since is a day, YYYY-MM-DD\n");
    return 2;
  }
  ReadOnlyStore log;
  Settings settings;
  if (!open_store(&log, &settings)) return 1;
  const auto zone = crm::TimeZone::load(settings.timezone).value_or(crm::TimeZone::utc());

  // The log once: the shop's streams into the copy, and each conversation's
  // events, kept for those with a message since the day.
  events::MemoryEventStore copy_store;
  std::map<std::string, std::vector<conv::Event>> recorded;
  std::set<std::string> active, forgotten;
  auto st = each_event(log.log(), [&](const events::EventEnvelope& e) {
    if (is_shop_stream(e.entity_type)) {
      copy(copy_store, e);
    } else if (e.entity_type == conv::kEntityType) {
      if (!args.only.empty() && !args.only.count(e.entity_id)) return;
      auto decoded = events::conversation_codec::decode(e);
      if (!decoded) return;
      if (std::holds_alternative<conv::MessageReceived>(*decoded) && e.timestamp_us >= since_us)
        active.insert(e.entity_id);
      // What a forgotten customer wrote reads "[erased]": nothing to replay.
      if (std::holds_alternative<conv::CustomerForgotten>(*decoded)) forgotten.insert(e.entity_id);
      recorded[e.entity_id].push_back(std::move(*decoded));
    }
  });
  if (!st.ok()) {
    std::fprintf(stderr, "parley: cannot read the log: %s\n", st.to_string().c_str());
    return 1;
  }
  std::string error;
  if (auto c = configure(copy_store, args, wall_clock_us(), &error); !c.ok()) {
    std::fprintf(stderr, "parley: %s\n", error.empty() ? c.to_string().c_str() : error.c_str());
    return 2;
  }

  events::GroupCommitWriter writer(copy_store);
  projections::CatalogView catalog(copy_store);
  const brain::Lexicon service_lexicon(service_lexicon_files().front().bytes);
  projections::KnowledgeView knowledge(copy_store, &service_lexicon);
  projections::PurchasesView purchases(copy_store);
  projections::PromotionsView promotions(copy_store);
  projections::TestimonialsView testimonials(copy_store);
  projections::PersonaView personas(copy_store);
  for (projections::LogFollower* view : std::initializer_list<projections::LogFollower*>{
           &catalog, &knowledge, &purchases, &promotions, &testimonials, &personas})
    if (auto v = view->catch_up(); !v.ok()) {
      std::fprintf(stderr, "parley: %s: %s\n", std::string(view->name()).c_str(),
                   v.to_string().c_str());
      return 1;
    }
  actors::EngineOptions options;
  options.conversations.utc_offset_minutes = zone.offset_minutes_at(wall_clock_us());
  options.conversations.catalog = [&catalog] { return catalog.snapshot(); };
  options.conversations.knowledge = [&knowledge] { return knowledge.snapshot(); };
  options.conversations.purchases = [&purchases] { return purchases.snapshot(); };
  options.conversations.promotions = [&promotions] { return promotions.snapshot(); };
  options.conversations.testimonials = [&testimonials] { return testimonials.snapshot(); };
  options.conversations.personas = [&personas] { return personas.snapshot(); };
  options.conversations.team_language = settings.team_language;
  // A candidate that cannot be asked would be the offline brain in disguise.
  if (!args.brain.empty() && args.brain != "offline") {
    auto p = settings.llm.providers.find(args.brain);
    if (p == settings.llm.providers.end() || !p->second.available()) {
      std::fprintf(stderr,
                   "parley: --brain %s: no such provider is available here (no key or base URL)\n",
                   args.brain.c_str());
      return 2;
    }
  }
  std::unique_ptr<ServeLlm> llm;
  if (args.brain != "offline") {
    llm = std::make_unique<ServeLlm>(
        settings, copy_store, writer, [&catalog] { return catalog.snapshot(); },
        options.conversations.knowledge);
    if (auto l = llm->load(); !l.ok()) {
      std::fprintf(stderr, "parley: the LLM settings: %s\n", l.to_string().c_str());
      return 1;
    }
    options.advisor = llm->advisor();
    options.rewriter = llm->rewriter();
    options.extractor = llm->extractor();
    // A candidate that cannot be asked would be the offline brain in disguise.
    if (!args.brain.empty() && (!options.advisor || !options.advisor->active())) {
      std::fprintf(stderr, "parley: --brain %s: no such provider is available here (%s)\n",
                   args.brain.c_str(), llm->describe().c_str());
      return 2;
    }
  }
  if (!args.json)
    std::fprintf(stderr, "parley: replaying %zu conversations with %s\n", active.size(),
                 llm ? llm->describe().c_str() : "the offline brain");
  actors::Engine engine(copy_store, writer, options);

  std::vector<replay::ConversationTurns> compared;
  for (const auto& id : active) {
    if (forgotten.count(id)) continue;
    const auto& events = recorded[id];
    std::vector<replay::TurnOutcome> candidate;
    size_t answered = 0;  // turns the candidate's stream holds
    for (const auto& e : events) {
      const auto* in = std::get_if<conv::MessageReceived>(&e);
      if (!in) continue;
      actors::ChatTurn turn;
      static_cast<conv::Inbound&>(turn) = *in;
      turn.request_id = in->causation_id;
      turn.at_us = in->at_us;
      auto r = engine.chat(turn, std::chrono::seconds(60));
      purchases.catch_up();  // orders placed so far count for "same as before"
      auto turns = candidate_turns(copy_store, id);
      if (r.ok() && turns.size() > answered) {
        answered = turns.size();
        candidate.push_back(turns.back());
      } else {  // refused: the turn keeps its place, so the next ones still line up
        replay::TurnOutcome refused{turn.text, {"[refused: " + r.error.detail + "]"}, "", ""};
        if (!candidate.empty()) refused.cart = candidate.back().cart;
        candidate.push_back(std::move(refused));
      }
    }
    compared.push_back({id, replay::recorded_turns(events, id), std::move(candidate)});
  }
  engine.shutdown();
  const auto report = replay::compare(compared);
  if (args.json)
    std::printf("%s\n", report.dump(2).c_str());
  else
    std::printf("%s", replay::to_text(report).c_str());
  return 0;
}

}  // namespace parley::tools
