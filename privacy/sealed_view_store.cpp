#include "privacy/sealed_view_store.hpp"

#include "privacy/secretbox.hpp"

#include <sodium.h>

#include <stdexcept>

namespace parley::privacy {
namespace {

std::string box(const KeyBytes& key, std::string_view plaintext) {
  return secretbox_seal(key.data(), plaintext);
}

bool unbox(const KeyBytes& key, std::string_view boxed, std::string* out) {
  auto opened = secretbox_open(key.data(), boxed);
  if (opened) *out = std::move(*opened);
  return opened.has_value();
}

}  // namespace

KeyBytes views_key(const KeyBytes& master) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  KeyBytes out;
  crypto_kdf_derive_from_key(out.data(), out.size(), 1, "pviews01", master.data());
  return out;
}

std::function<std::string(std::string_view)> pseudonyms(const KeyBytes& views_key) {
  // Its own subkey: the views key seals rows and is never a hash key too.
  KeyBytes key;
  crypto_kdf_derive_from_key(key.data(), key.size(), 1, "pseudony", views_key.data());
  return [key](std::string_view text) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), key.data(), key.size());
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(hex);
  };
}

events::Expected<std::unique_ptr<SealedViewStore>> SealedViewStore::open(
    projections::ViewStore& inner, const KeyBytes& key) {
  constexpr std::string_view kMark = "m/sealed", kMarkText = "parley views";
  auto mark = inner.get(kMark);
  if (mark.ok()) {
    std::string text;
    if (!unbox(key, *mark, &text) || text != kMarkText)
      return events::Status::Corruption(
          "the views were sealed with another master key; remove the views directory to fold "
          "them again");
  } else if (mark.status().code() == events::StoreErrc::not_found) {
    for (const char* prefix : {"c/", "v/"})  // the layout: projections/view_store.hpp
      if (auto st = inner.erase_prefix(prefix); !st.ok()) return st;
    if (auto st = inner.write({{std::string(kMark), box(key, kMarkText)}}); !st.ok()) return st;
  } else {
    return mark.status();
  }
  return std::make_unique<SealedViewStore>(inner, key);
}

events::Status SealedViewStore::write(const std::vector<projections::ViewWrite>& batch) {
  std::vector<projections::ViewWrite> sealed;
  sealed.reserve(batch.size());
  for (const auto& w : batch)
    sealed.push_back(
        {w.key, w.value ? std::optional<std::string>(box(key_, *w.value)) : std::nullopt});
  return inner_.write(sealed);
}

events::Status SealedViewStore::ingest(std::vector<projections::ViewWrite> batch) {
  for (auto& w : batch)
    if (w.value) *w.value = box(key_, *w.value);
  return inner_.ingest(std::move(batch));
}

events::Expected<std::string> SealedViewStore::get(std::string_view key) {
  auto v = inner_.get(key);
  if (!v) return v;
  std::string plain;
  if (!unbox(key_, *v, &plain))
    return events::Status::Corruption("view row " + std::string(key) +
                                      " does not open with the views key");
  return plain;
}

events::Status SealedViewStore::scan(std::string_view prefix, const Visitor& visit) {
  events::Status failed = events::Status::Ok();
  std::string plain;
  auto st = inner_.scan(prefix, [&](std::string_view k, std::string_view v) {
    if (!unbox(key_, v, &plain)) {
      failed = events::Status::Corruption("view row " + std::string(k) +
                                          " does not open with the views key");
      return false;
    }
    return visit(k, plain);
  });
  return st.ok() ? failed : st;
}

}  // namespace parley::privacy
