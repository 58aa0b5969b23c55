// parley: the server and its command-line tools.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>

#include "tools/commands.hpp"

namespace parley::tools {

int64_t wall_clock_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string local_now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  std::string s = buf;  // "+0530" -> "+05:30"
  if (s.size() >= 5) s.insert(s.size() - 2, ":");
  return s;
}

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[24];
  std::snprintf(buf, sizeof buf, "req-%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

}  // namespace parley::tools

namespace {

void usage(FILE* out) {
  std::fputs(
      "usage: parley <command> [args]\n"
      "\n"
      "  serve                         run the server (settings: environment, see README)\n"
      "  events stats                  counts per event type and entity type\n"
      "  events tail [-n N] [--follow] the last N events of the log, then new ones\n"
      "  events stream <type>/<id>     every event of one entity\n"
      "  catalog import FILE           import a catalog or a stock sheet, CSV or .xlsx (server\n"
      "                                stopped)\n"
      "  catalog drop-demo             remove the demo products the shop has not edited\n"
      "  knowledge import FILE...      upload the shop's documents: FAQ CSV, Markdown, text,\n"
      "                                .docx, PDF, a WhatsApp export (--format whatsapp_chat;\n"
      "                                server stopped)\n"
      "  projections status            each view's checkpoint and lag\n"
      "  projections rebuild NAME|all  fold views again from position 0 (server stopped)\n"
      "  replay --since YYYY-MM-DD     answer the conversations with a message since that day\n"
      "         [--brain B --model M]  again with another brain or prompt (--prompt FILE), in\n"
      "         [--prompt FILE]        memory, and say where replies, carts and orders differ\n"
      "         [--conversation ID] [--json]\n"
      "  cluster status                the nodes on a PostgreSQL log: live, lease, lag,\n"
      "                                share of the entities (PARLEY_STORE=postgres)\n"
      "\n"
      "The events commands read $PARLEY_DATA_DIR/events (default ./var/events), or the\n"
      "database with PARLEY_STORE=postgres, also while the server runs.\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help") ||
      !std::strcmp(argv[1], "help")) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "serve")) return parley::tools::run_serve(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "events")) return parley::tools::run_events(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "catalog")) return parley::tools::run_catalog(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "knowledge")) return parley::tools::run_knowledge(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "projections"))
    return parley::tools::run_projections(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "replay")) return parley::tools::run_replay(argc - 1, argv + 1);
  if (!std::strcmp(argv[1], "cluster")) return parley::tools::run_cluster(argc - 1, argv + 1);
  std::fprintf(stderr, "parley: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return 2;
}
