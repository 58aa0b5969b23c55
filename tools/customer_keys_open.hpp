// The customer keys of the event store at `settings`, unlocked with the master
// key (PARLEY_MASTER_KEY_FILE, or <data dir>/master-key made on the first
// start): for `parley serve` and the tools that read personal data.
#pragma once

#include <memory>
#include <string>

#include "events/key_store.hpp"
#include "privacy/customer_keys.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

// Null after writing why to `error`: the key file cannot be read or made, or
// it is not the key this store's data was sealed with.
std::unique_ptr<privacy::CustomerKeys> open_customer_keys(const Settings& settings,
                                                          events::KeyStore& store, bool read_only,
                                                          std::string* error);

}  // namespace parley::tools
