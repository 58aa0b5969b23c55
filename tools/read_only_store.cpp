#include "tools/read_only_store.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "tools/customer_keys_open.hpp"
#include "tools/serve_log.hpp"

namespace parley::tools {

namespace fs = std::filesystem;

ReadOnlyStore::~ReadOnlyStore() {
  sealed.reset();
  keys.reset();
  rocks.reset();
  postgres.reset();
  std::error_code ec;
  if (!scratch.empty()) fs::remove_all(scratch, ec);
}

bool open_store(ReadOnlyStore* out, Settings* settings_out) {
  Settings settings;
  std::string error;
  if (!load_settings(&settings, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return false;
  }
  events::KeyStore* keys = nullptr;
  if (settings.store == "postgres") {
    out->postgres = open_postgres_log(settings, false, 2);
    if (!out->postgres) return false;
    out->store = out->postgres.get();
    keys = out->postgres.get();
  } else {
    events::RocksEventStore::Options o;
    o.path = settings.events_path();
    o.mode = events::RocksEventStore::Mode::secondary;
    o.secondary_path =
        (fs::temp_directory_path() / ("parley-secondary-" + std::to_string(getpid()))).string();
    out->scratch = o.secondary_path;
    auto opened = events::RocksEventStore::open(o);
    if (!opened) {
      std::fprintf(stderr, "parley: cannot read the event store at %s: %s\n", o.path.c_str(),
                   opened.status().to_string().c_str());
      return false;
    }
    out->rocks = std::move(opened).value();
    out->store = out->rocks.get();
    keys = out->rocks.get();
  }
  out->keys = open_customer_keys(settings, *keys, true, &error);
  if (!out->keys) {
    std::fprintf(stderr, "parley: cannot unlock the customer keys: %s\n", error.c_str());
    return false;
  }
  out->sealed = std::make_unique<privacy::SealedEventStore>(*out->store, *out->keys);
  if (settings_out) *settings_out = settings;
  return true;
}

}  // namespace parley::tools
