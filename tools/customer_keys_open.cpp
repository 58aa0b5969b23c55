#include "tools/customer_keys_open.hpp"

#include <algorithm>

#include "tools/secret_file.hpp"

namespace parley::tools {

std::unique_ptr<privacy::CustomerKeys> open_customer_keys(const Settings& settings,
                                                          events::KeyStore& store, bool read_only,
                                                          std::string* error) {
  const std::string path = settings.master_key_path();
  std::string secret;
  if (!load_or_create_secret(path, 32, &secret, error)) return nullptr;
  if (secret.size() != 32) {
    *error = path + " holds " + std::to_string(secret.size()) +
             " bytes; a master key is 32 (64 hex digits)";
    return nullptr;
  }
  privacy::KeyBytes master;
  std::copy(secret.begin(), secret.end(), master.begin());
  auto keys = privacy::CustomerKeys::open(store, master, read_only);
  if (!keys) {
    *error = keys.status().to_string() + " (" + path + ")";
    return nullptr;
  }
  return std::move(keys).value();
}

}  // namespace parley::tools
