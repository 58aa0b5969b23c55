// The customer keys of crypto-shredding (issue 17, item 16). Each owner (a
// conversation's or a lead's stream, "conversation/telegram:42") gets its own
// random 32-byte key the first time something personal of theirs is stored.
// Keys live in the KeyStore (events/key_store.hpp), encrypted with the master
// key (libsodium secretbox):
//   owner/<owner>  -> key id (32 hex, random: it names no one)
//   key/<key id>   -> nonce ‖ secretbox(master, key)
//   master/check   -> nonce ‖ secretbox(master, "parley master key")
// forget(owner) erases both entries in one batch: every sealed value of theirs
// becomes unreadable, in the log, in snapshots and in copies taken afterwards. Thread-safe;
// keys are cached in memory after first use.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "events/key_store.hpp"
#include "events/status.hpp"

namespace parley::privacy {

using KeyBytes = std::array<unsigned char, 32>;

struct CustomerKey {
  std::string id;  // 32 hex
  KeyBytes bytes{};
};

class CustomerKeys {
 public:
  // Fails when `master` does not open the check value an earlier start wrote
  // (another master key: data sealed before would read as unreadable). A
  // read-only store (a tool's secondary instance) gets no check value written.
  static events::Expected<std::unique_ptr<CustomerKeys>> open(events::KeyStore& store,
                                                              const KeyBytes& master,
                                                              bool read_only = false);

  // The owner's key, created (and put) on first use.
  events::Expected<CustomerKey> key_for(const std::string& owner);
  // The owner's key if one exists; nullopt if none (never made, or forgotten).
  events::Expected<std::optional<CustomerKey>> existing_key_for(const std::string& owner);
  // The key with this id; nullopt when it was erased.
  events::Expected<std::optional<KeyBytes>> key_by_id(const std::string& id);
  // Erases the owner's key for good. Ok when the owner had none.
  events::Status forget(const std::string& owner);

  const KeyBytes& master() const { return master_; }

  // A file of `owner`'s sealed with their key ("pii:1:file:<key id>:…");
  // nullopt when they have none (nothing of theirs is sealed, or forgotten).
  std::optional<std::string> seal_file(const std::string& owner, std::string_view bytes);
  // The bytes of a file seal_file() made; nullopt once its key is erased.
  std::optional<std::string> open_file(std::string_view stored);

  // "<key id>:<base64url(nonce ‖ box)>" of `plaintext` under `key`.
  static std::string seal(const CustomerKey& key, std::string_view plaintext);
  // The plaintext of a box made by seal(); nullopt if it does not open.
  static std::optional<std::string> open_box(const KeyBytes& key, std::string_view box_base64);

 private:
  CustomerKeys(events::KeyStore& store, const KeyBytes& master) : store_(store), master_(master) {}
  // From the store, no lock held.
  events::Expected<std::optional<CustomerKey>> read_key(const std::string& owner);
  events::Expected<std::optional<KeyBytes>> unwrap(const std::string& id);
  bool may_cache(uint64_t epoch) const;                             // mu_ held
  void remember(const std::string& owner, const CustomerKey& key);  // mu_ held

  events::KeyStore& store_;
  const KeyBytes master_;
  std::mutex create_mu_;  // one creation at a time: never two keys for one owner
  std::mutex mu_;         // the caches and the counters below; never held in the store
  std::unordered_map<std::string, CustomerKey> by_owner_;
  std::unordered_map<std::string, KeyBytes> by_id_;
  uint64_t epoch_ = 0;       // bumped as each forget starts and ends
  unsigned forgetting_ = 0;  // forgets in flight
};

}  // namespace parley::privacy
