#include "privacy/customer_keys.hpp"

#include "privacy/secretbox.hpp"

#include <sodium.h>

#include <stdexcept>

namespace parley::privacy {
namespace {

using events::Expected;
using events::Status;

constexpr std::string_view kCheckText = "parley master key";
constexpr std::string_view kFilePrefix = "pii:1:file:";
constexpr size_t kIdBytes = 16;
// The cache holds at most this many owners; past it, it starts again (a key
// is one KeyStore read away). 100k keys are ~15 MB.
constexpr size_t kMaxCached = 100000;

void ensure_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

std::string owner_name(const std::string& owner) {
  return "owner/" + owner;
}
std::string key_name(const std::string& id) {
  return "key/" + id;
}

}  // namespace

Expected<std::unique_ptr<CustomerKeys>> CustomerKeys::open(events::KeyStore& store,
                                                           const KeyBytes& master, bool read_only) {
  ensure_sodium();
  std::unique_ptr<CustomerKeys> keys(new CustomerKeys(store, master));
  auto check = store.get_key("master/check");
  if (check.ok()) {
    auto text = secretbox_open(master.data(), *check);
    if (!text || *text != kCheckText)
      return Status::InvalidArgument(
          "the master key does not open this store's keys: it is not the key the data was "
          "sealed with (restore that key file, PARLEY_MASTER_KEY_FILE)");
    return keys;
  }
  if (check.status().code() != events::StoreErrc::not_found) return check.status();
  if (read_only) return keys;
  if (auto st = store.put_key("master/check", secretbox_seal(master.data(), kCheckText)); !st.ok())
    return st;
  return keys;
}

// Locking: mu_ guards only the caches and is never held across a call into
// the store, whose own locks a reader may hold while it opens what it reads
// (MemoryEventStore::scan_all calls its visitor under its lock; TSan saw the
// cycle). Creation is serialised by create_mu_, so an owner never gets two
// keys. A key read from the store is cached only if no forget ran meanwhile.

bool CustomerKeys::may_cache(uint64_t epoch) const {
  return epoch == epoch_ && forgetting_ == 0;
}

void CustomerKeys::remember(const std::string& owner, const CustomerKey& key) {
  if (by_owner_.size() >= kMaxCached) {
    by_owner_.clear();
    by_id_.clear();
  }
  by_owner_[owner] = key;
  by_id_[key.id] = key.bytes;
}

Expected<std::optional<KeyBytes>> CustomerKeys::unwrap(const std::string& id) {
  auto wrapped = store_.get_key(key_name(id));
  if (!wrapped.ok()) {
    if (wrapped.status().code() == events::StoreErrc::not_found) return {std::nullopt};
    return wrapped.status();
  }
  auto bytes = secretbox_open(master_.data(), *wrapped);
  if (!bytes || bytes->size() != crypto_secretbox_KEYBYTES)
    return Status::Corruption("key " + id + " does not open with the master key");
  KeyBytes key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  sodium_memzero(bytes->data(), bytes->size());
  return {key};
}

Expected<std::optional<CustomerKey>> CustomerKeys::read_key(const std::string& owner) {
  auto id = store_.get_key(owner_name(owner));
  if (!id.ok()) {
    if (id.status().code() == events::StoreErrc::not_found) return {std::nullopt};
    return id.status();
  }
  auto bytes = unwrap(*id);
  if (!bytes.ok()) return bytes.status();
  if (!*bytes) return {std::nullopt};
  return {CustomerKey{*id, **bytes}};
}

Expected<std::optional<CustomerKey>> CustomerKeys::existing_key_for(const std::string& owner) {
  uint64_t epoch = 0;
  {
    std::lock_guard lock(mu_);
    if (auto it = by_owner_.find(owner); it != by_owner_.end()) return {it->second};
    epoch = epoch_;
  }
  auto found = read_key(owner);
  if (found.ok() && *found) {
    std::lock_guard lock(mu_);
    if (may_cache(epoch)) remember(owner, **found);
  }
  return found;
}

Expected<CustomerKey> CustomerKeys::key_for(const std::string& owner) {
  {
    auto found = existing_key_for(owner);
    if (!found.ok()) return found.status();
    if (*found) return **found;
  }
  std::lock_guard create(create_mu_);
  auto found = existing_key_for(owner);  // made by another thread meanwhile?
  if (!found.ok()) return found.status();
  if (*found) return **found;
  CustomerKey key;
  unsigned char id[kIdBytes];
  randombytes_buf(id, sizeof id);
  key.id = to_hex(id, sizeof id);
  crypto_secretbox_keygen(key.bytes.data());
  // The key first, then the name that finds it: a crash between the two
  // leaves an unused key, never a name without its key.
  const std::string wrapped = secretbox_seal(
      master_.data(),
      std::string_view(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size()));
  if (auto st = store_.put_key(key_name(key.id), wrapped); !st.ok()) return st;
  // Another node may have made this customer's key meanwhile (a cluster on
  // one database): the first name stored wins, and ours stays unused. Two
  // keys for one customer would leave one out of a later forget.
  auto stored = store_.put_key_if_absent(owner_name(owner), key.id);
  if (!stored.ok()) return stored.status();
  if (*stored != key.id) {
    auto theirs = unwrap(*stored);
    if (!theirs.ok()) return theirs.status();
    if (!*theirs) return Status::Corruption("customer key " + *stored + " is named but missing");
    key = CustomerKey{*stored, **theirs};
  }
  std::lock_guard lock(mu_);
  remember(owner, key);
  return key;
}

Expected<std::optional<KeyBytes>> CustomerKeys::key_by_id(const std::string& id) {
  uint64_t epoch = 0;
  {
    std::lock_guard lock(mu_);
    if (auto it = by_id_.find(id); it != by_id_.end()) return {it->second};
    epoch = epoch_;
  }
  auto key = unwrap(id);
  if (key.ok() && *key) {
    std::lock_guard lock(mu_);
    if (may_cache(epoch)) {
      if (by_id_.size() >= kMaxCached) by_id_.clear();
      by_id_[id] = **key;
    }
  }
  return key;
}

// Both names go in one synced batch, so a failure leaves both or neither; the
// store's I/O (a flush and a compaction) runs without the lock. While it runs
// nothing read from the store is cached, and the caches are dropped after it.
Status CustomerKeys::forget(const std::string& owner) {
  {
    std::lock_guard lock(mu_);
    ++forgetting_;
    ++epoch_;
    if (auto it = by_owner_.find(owner); it != by_owner_.end()) {
      by_id_.erase(it->second.id);
      by_owner_.erase(it);
    }
  }
  std::vector<std::string> names;
  std::string id;
  auto found = read_key(owner);
  Status st = found.status();
  if (found.ok()) {
    if (*found) {
      id = (*found)->id;
      names = {owner_name(owner), key_name(id)};
    }
    // With no names (a repeat after a failure), this still flushes and compacts.
    st = store_.erase_keys(names);
  }
  std::lock_guard lock(mu_);
  by_owner_.erase(owner);
  if (!id.empty()) by_id_.erase(id);
  --forgetting_;
  ++epoch_;
  return st;
}

std::optional<std::string> CustomerKeys::seal_file(const std::string& owner,
                                                   std::string_view bytes) {
  auto key = existing_key_for(owner);
  if (!key.ok() || !*key) return std::nullopt;
  return std::string(kFilePrefix) + seal(**key, bytes);
}

std::optional<std::string> CustomerKeys::open_file(std::string_view stored) {
  if (stored.substr(0, kFilePrefix.size()) != kFilePrefix) return std::nullopt;
  stored.remove_prefix(kFilePrefix.size());
  const size_t colon = stored.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto key = key_by_id(std::string(stored.substr(0, colon)));
  if (!key.ok() || !*key) return std::nullopt;
  return open_box(**key, stored.substr(colon + 1));
}

std::string CustomerKeys::seal(const CustomerKey& key, std::string_view plaintext) {
  return key.id + ":" + base64url(secretbox_seal(key.bytes.data(), plaintext));
}

std::optional<std::string> CustomerKeys::open_box(const KeyBytes& key,
                                                  std::string_view box_base64) {
  std::string raw(box_base64.size(), '\0');
  size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), box_base64.data(),
                        box_base64.size(), nullptr, &n, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  raw.resize(n);
  return secretbox_open(key.data(), raw);
}

}  // namespace parley::privacy
