// Named secrets beside the log: the customer keys of privacy/customer_keys.hpp,
// kept in their own column family (`keys`) of the event store's database.
// Contract (tests/events/key_store_test.cpp, on every store):
//  - put() is durable no later than the next append that returns ok. RocksDB
//    writes it to the WAL the events share, unsynced, and the append's synced
//    write syncs everything before it in that WAL. So a key costs no fsync of
//    its own, yet no acknowledged event is ever sealed with a key a crash lost;
//  - erase_keys() deletes its names in one synced batch (all or none), and
//    then the values are gone from the store's files too: the memtables are
//    flushed (the WAL that held the puts becomes obsolete and is deleted) and
//    the column family is compacted. A call that failed after its batch landed
//    may be repeated, with the names gone, to finish the flush and compaction;
//  - get() of a name never put, or erased, is NotFound.
#pragma once

#include <string>
#include <vector>

#include "events/status.hpp"

namespace parley::events {

class KeyStore {
 public:
  virtual ~KeyStore() = default;
  virtual Status put_key(const std::string& name, const std::string& value) = 0;
  virtual Expected<std::string> get_key(const std::string& name) = 0;
  virtual Status erase_keys(const std::vector<std::string>& names) = 0;
  // Puts `value` unless `name` has one; the value stored either way. Durable
  // as put(). Several processes on one store (a cluster's nodes on
  // PostgreSQL) agree on the first. This default is for a store one process
  // owns, whose caller serialises its calls (privacy::CustomerKeys does).
  virtual Expected<std::string> put_key_if_absent(const std::string& name,
                                                  const std::string& value) {
    auto found = get_key(name);
    if (found.ok() || found.status().code() != StoreErrc::not_found) return found;
    if (auto st = put_key(name, value); !st.ok()) return st;
    return value;
  }
};

}  // namespace parley::events
