// The event log opened read-only for the command-line tools, while the server
// runs too: a RocksDB secondary instance, or with PARLEY_STORE=postgres the
// database (without the server's lock). Reads go through log(), which opens
// sealed personal data with the customer keys.
#pragma once

#include <memory>
#include <string>

#include "events/postgres_event_store.hpp"
#include "events/rocks_event_store.hpp"
#include "privacy/sealed_event_store.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

// A RocksDB secondary has its own scratch directory, removed on exit.
struct ReadOnlyStore {
  std::string scratch;
  std::unique_ptr<events::RocksEventStore> rocks;
  std::unique_ptr<events::PostgresEventStore> postgres;
  events::EventStore* store = nullptr;  // the one opened
  std::unique_ptr<privacy::CustomerKeys> keys;
  std::unique_ptr<privacy::SealedEventStore> sealed;
  // The log as the server sees it: personal members opened (docs/SECURITY.md).
  events::EventStore& log() { return *sealed; }
  // Sees what the server appended since it opened (a RocksDB secondary
  // catches up with its primary; PostgreSQL shows it anyway).
  events::Status catch_up() { return rocks ? rocks->catch_up() : events::Status::Ok(); }
  ~ReadOnlyStore();
};

// Opens $PARLEY_DATA_DIR/events, or PARLEY_PG_URL; false after printing why.
bool open_store(ReadOnlyStore* out, Settings* settings_out = nullptr);

}  // namespace parley::tools
