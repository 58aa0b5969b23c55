// A ViewStore whose values are sealed at rest (issue 17, item 16): the views
// hold what the log opened (names, phones, what shoppers wrote), so their
// database must not give away what the log keeps sealed. Every value is a
// secretbox under the views key, derived from the master key; row keys stay
// in the clear, since prefix scans need them (docs/SECURITY.md says what they
// hold). Erasure in the views is by folding (conversation.customer_forgotten)
// and by rebuilding, not by this key. Thread-safe as the inner store is.
#pragma once

#include <functional>
#include <memory>

#include "privacy/customer_keys.hpp"
#include "projections/view_store.hpp"

namespace parley::privacy {

// The views key of `master` (libsodium's KDF, its own context: never a
// customer key, never the master key itself).
KeyBytes views_key(const KeyBytes& master);

// A keyed hash (BLAKE2b under the views key), 32 hex: a phone number or an
// e-mail as a row key that groups one customer without naming them.
std::function<std::string(std::string_view)> pseudonyms(const KeyBytes& views_key);

class SealedViewStore final : public projections::ViewStore {
 public:
  // The sealed views over `inner`. A store without the mark "m/sealed" (made
  // before views were sealed) is emptied first: views are folded from the
  // log, so the projections fold them again. A mark of another key is
  // Corruption.
  static events::Expected<std::unique_ptr<SealedViewStore>> open(projections::ViewStore& inner,
                                                                 const KeyBytes& key);
  SealedViewStore(projections::ViewStore& inner, const KeyBytes& key) : inner_(inner), key_(key) {}

  events::Status write(const std::vector<projections::ViewWrite>& batch) override;
  // Corruption for a value that does not open (another master key).
  events::Expected<std::string> get(std::string_view key) override;
  events::Status scan(std::string_view prefix, const Visitor& visit) override;
  events::Status erase_prefix(std::string_view prefix) override {
    return inner_.erase_prefix(prefix);
  }
  events::Status erase_prefixes(const std::vector<std::string>& prefixes) override {
    return inner_.erase_prefixes(prefixes);
  }
  events::Status ingest(std::vector<projections::ViewWrite> batch) override;

 private:
  projections::ViewStore& inner_;
  const KeyBytes key_;
};

}  // namespace parley::privacy
