// An EventStore that keeps personal data sealed at rest (issue 17, item 16):
// a decorator over the durable store, so the domain, the codecs and every
// projection keep seeing plain payloads and nothing else changes.
//  - append: the personal members of each event (privacy/personal_fields.hpp)
//    are sealed with the key of the request's owner: its stream, or for an
//    order's own stream the conversation that placed it; linked events (an
//    order placed by a conversation, a manager's notification) belong to the
//    request's owner;
//  - read_stream, scan_all, read_all: sealed members are opened; those of a
//    forgotten owner read as erased; a key that cannot be read (I/O) fails the
//    read, so "[unreadable]" is never folded into a state or a view;
//  - snapshots of a conversation or lead are sealed whole with its key, and
//    not saved while it has none (a snapshot queued before a forget must not
//    land in the clear after it); one whose key is gone is NotFound, so the
//    entity is folded again from its (erased) events;
//  - forget(stream): crypto-shredding, the owner's key is erased;
//  - the latest records are kept opened in memory (events/recent_records.hpp)
//    and scans close behind the log read them there; forget() drops them all.
// Pass-through otherwise. Thread-safe as the inner store is.
#pragma once

#include <mutex>
#include <unordered_map>

#include "events/event_store.hpp"
#include "events/recent_records.hpp"
#include "privacy/customer_keys.hpp"

namespace parley::privacy {

class SealedEventStore final : public events::EventStore {
 public:
  SealedEventStore(events::EventStore& inner, CustomerKeys& keys) : inner_(inner), keys_(keys) {}

  std::vector<events::AppendResult> append_batch(
      const std::vector<events::AppendRequest>& requests) override;
  events::Status read_stream(const events::StreamId& stream, uint64_t from_seq, size_t max_count,
                             std::vector<events::EventEnvelope>* out) override;
  events::Status scan_all(uint64_t from_position, const Visitor& visit) override;
  uint64_t last_position() override { return inner_.last_position(); }
  events::Expected<uint64_t> stream_head(const events::StreamId& stream) override {
    return inner_.stream_head(stream);
  }
  events::Status save_snapshot(const events::StreamId& stream,
                               const events::Snapshot& snapshot) override;
  events::Expected<events::Snapshot> load_snapshot(const events::StreamId& stream) override;
  events::Expected<std::string> find_dedupe(std::string_view key) override {
    return inner_.find_dedupe(key);
  }

  // Erases the key of `stream`'s owner (Ok if it had none), and the opened
  // records kept in memory.
  events::Status forget(const events::StreamId& stream) {
    auto st = keys_.forget(stream.to_string());
    recent_.clear();  // after: a record kept from now on was sealed without that key
    return st;
  }

  // A payload with its sealed members opened; IoError when a key cannot be read.
  events::Expected<std::string> open(std::string_view event_type, std::string_view payload);

 private:
  // Whose key seals `stream`'s events: "conversation/<id>" for an order's
  // stream (read from its order.placed, then cached), else the stream.
  events::Expected<std::string> owner_of(const events::StreamId& stream);
  // Seals the personal members of `events` for `owner`; false + status on error.
  events::Status seal_events(const std::string& owner, std::vector<events::NewEvent>* events);

  void keep_recent(uint64_t generation, const std::vector<events::AppendRequest>& requests,
                   const std::vector<events::AppendResult>& results);

  events::EventStore& inner_;
  CustomerKeys& keys_;
  events::RecentRecords recent_;
  std::mutex owners_mu_;
  std::unordered_map<std::string, std::string> order_owners_;  // order id -> owner
};

}  // namespace parley::privacy
