// parley projections status | rebuild NAME|all
// Reads the log as a secondary instance and writes $PARLEY_DATA_DIR/views,
// which the server holds while it runs: stop the server first.
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "privacy/sealed_view_store.hpp"
#include "tools/commands.hpp"
#include "tools/read_only_store.hpp"
#include "tools/serve_views.hpp"

namespace parley::tools {
namespace {

void usage() {
  std::fputs(
      "usage: parley projections status\n"
      "       parley projections rebuild NAME|all   (server stopped)\n"
      "projections: carts, orders, billing, funnel, timers\n",
      stderr);
}

// "[#########...........]  45%  450000/1000000 events  612345 ev/s"
void draw(const projections::RebuildProgress& p, bool final_line) {
  const double done = p.head ? static_cast<double>(p.position) / static_cast<double>(p.head) : 1;
  const int width = 30, filled = static_cast<int>(done * width + 0.5);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(width - filled), '.');
  std::fprintf(stderr, "\r[%s] %3d%%  %llu/%llu  %.0f ev/s   ", bar.c_str(),
               static_cast<int>(done * 100), static_cast<unsigned long long>(p.position),
               static_cast<unsigned long long>(p.head),
               p.seconds > 0 ? static_cast<double>(p.position) / p.seconds : 0.0);
  if (final_line) std::fputc('\n', stderr);
}

}  // namespace

int run_projections(int argc, char** argv) {
  if (argc < 2 || (std::strcmp(argv[1], "status") && std::strcmp(argv[1], "rebuild")) ||
      (!std::strcmp(argv[1], "rebuild") && argc != 3)) {
    usage();
    return 2;
  }
  ReadOnlyStore log;
  Settings settings;
  if (!open_store(&log, &settings)) return 1;
  auto views_store = projections::RocksViewStore::open(settings.views_path());
  if (!views_store) {
    std::fprintf(stderr,
                 "parley: cannot open the views at %s (is the server running? stop it first): "
                 "%s\n",
                 settings.views_path().c_str(), views_store.status().to_string().c_str());
    return 1;
  }
  const auto key = privacy::views_key(log.keys->master());
  auto sealed_views = privacy::SealedViewStore::open(**views_store, key);
  if (!sealed_views) {
    std::fprintf(stderr, "parley: cannot open the views: %s\n",
                 sealed_views.status().to_string().c_str());
    return 1;
  }
  const auto zone = crm::TimeZone::load(settings.timezone).value_or(crm::TimeZone::utc());
  Views views(zone, privacy::pseudonyms(key));
  projections::ProjectionEngine engine(log.log(), **sealed_views, views.all(),
                                       projections::FoldOptions{262144, 2});
  const uint64_t head = log.store->last_position();
  if (!std::strcmp(argv[1], "status")) {
    // A rebuild needs no loaded rows (it drops them); the status does.
    if (auto st = engine.open(); !st.ok()) {
      std::fprintf(stderr, "parley: cannot load the views: %s\n", st.to_string().c_str());
      return 1;
    }
    std::printf("log head %llu\n", static_cast<unsigned long long>(head));
    for (auto* p : engine.projections())
      std::printf(
          "%-10s checkpoint %llu  lag %llu  (%s)\n", p->name().c_str(),
          static_cast<unsigned long long>(p->checkpoint()),
          static_cast<unsigned long long>(head > p->checkpoint() ? head - p->checkpoint() : 0),
          p->fingerprint().c_str());
    return 0;
  }
  const std::string name = argv[2];
  projections::RebuildProgress last;
  const bool tty = isatty(STDERR_FILENO);
  auto st = engine.rebuild({name}, [&](const projections::RebuildProgress& p) {
    last = p;
    if (tty) draw(p, false);
  });
  if (!st.ok()) {
    if (tty) std::fputc('\n', stderr);
    std::fprintf(stderr, "parley: rebuild of %s failed: %s\n", name.c_str(),
                 st.to_string().c_str());
    return st.is_not_found() ? 2 : 1;
  }
  draw(last, true);
  std::printf("rebuilt %s: %llu events of log in %.3f s, %.0f events/s\n", name.c_str(),
              static_cast<unsigned long long>(head), last.seconds,
              last.seconds > 0 ? static_cast<double>(head) / last.seconds : 0.0);
  return 0;
}

}  // namespace parley::tools
