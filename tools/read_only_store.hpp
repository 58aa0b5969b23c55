// The event log opened read-only as a RocksDB secondary instance, which works
// while the server holds the store: for the command-line tools. Reads go
// through log(), which opens sealed personal data with the customer keys.
#pragma once

#include <memory>
#include <string>

#include "events/rocks_event_store.hpp"
#include "privacy/sealed_event_store.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

// A secondary instance with its own scratch directory, removed on exit.
struct ReadOnlyStore {
  std::string scratch;
  std::unique_ptr<events::RocksEventStore> store;
  std::unique_ptr<privacy::CustomerKeys> keys;
  std::unique_ptr<privacy::SealedEventStore> sealed;
  // The log as the server sees it: personal members opened (docs/SECURITY.md).
  events::EventStore& log() { return *sealed; }
  ~ReadOnlyStore();
};

// Opens $PARLEY_DATA_DIR/events; false after printing why.
bool open_store(ReadOnlyStore* out, Settings* settings_out = nullptr);

}  // namespace parley::tools
