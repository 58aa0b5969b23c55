#include "tools/customer_keys_open.hpp"

#include <sodium.h>

#include <algorithm>
#include <fstream>

#include "tools/secret_file.hpp"

namespace parley::tools {

std::unique_ptr<privacy::CustomerKeys> open_customer_keys(const Settings& settings,
                                                          events::KeyStore& store, bool read_only,
                                                          std::string* error) {
  const std::string path = settings.master_key_path();
  std::string secret;
  // A tool never makes the key: one made here would not be the server's.
  const bool loaded = read_only ? load_secret(path, &secret, error)
                                : load_or_create_secret(path, 32, &secret, error);
  if (!loaded) {
    if (read_only && !std::ifstream(path))
      *error =
          "no master key at " + path +
          " (`parley serve` makes it on its first start; PARLEY_MASTER_KEY_FILE names another)";
    return nullptr;
  }
  if (secret.size() != 32) {
    *error = path + " holds " + std::to_string(secret.size()) +
             " bytes; a master key is 32 (64 hex digits)";
    return nullptr;
  }
  privacy::KeyBytes master;
  std::copy(secret.begin(), secret.end(), master.begin());
  sodium_memzero(secret.data(), secret.size());
  auto keys = privacy::CustomerKeys::open(store, master, read_only);
  sodium_memzero(master.data(), master.size());
  if (!keys) {
    *error = keys.status().to_string() + " (" + path + ")";
    return nullptr;
  }
  return std::move(keys).value();
}

}  // namespace parley::tools
