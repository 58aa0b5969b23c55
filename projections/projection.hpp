// A projection folds the global log into a view that the engine
// (projection_engine.hpp) persists together with the projection's
// checkpoint. Contract:
//  - apply() sees, in log order, exactly the events whose type wants()
//    accepts, each once, and must be deterministic: the same events give the
//    same rows, byte for byte, however they were batched;
//  - apply() records its changes in memory; take_changes() hands the rows
//    changed since the last call to the engine, which writes them with the
//    checkpoint in one batch;
//  - load_row() rebuilds the in-memory state from stored rows at start;
//  - fingerprint() names the fold (its code version and the settings it
//    depends on, such as the time zone). A stored view with another
//    fingerprint is dropped and rebuilt from position 0.
// The engine calls apply/take_changes/load_row/clear on its own thread with
// the projection's mutex held exclusively; readers take it shared.
#pragma once

#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "events/envelope.hpp"
#include "events/status.hpp"
#include "projections/view_store.hpp"

namespace simdjson::dom {
class parser;
}

namespace parley::projections {

class Fields;

// An event on its way to the projections: decoded once, its payload parsed
// at most once (only if some projection asks) into the lane's parser and
// shared by the lane's projections.
class ProjectedEvent {
 public:
  ProjectedEvent(const events::EventEnvelope& envelope, simdjson::dom::parser& parser)
      : env(envelope), parser_(parser) {}
  const events::EventEnvelope& env;
  // The payload's fields (projections/fields.hpp); empty when the payload is
  // not a JSON object. Valid until the next event is parsed.
  Fields payload() const;

 private:
  simdjson::dom::parser& parser_;
  mutable bool parsed_ = false;
  mutable bool object_ = false;
};

class Projection {
 public:
  virtual ~Projection() = default;
  virtual const std::string& name() const = 0;
  virtual std::string fingerprint() const = 0;
  virtual bool wants(std::string_view type) const = 0;
  virtual void apply(const ProjectedEvent& event) = 0;
  // Appends (row key, value or nullopt to delete) for rows changed since the
  // last call; row keys are relative to the projection.
  virtual void take_changes(std::vector<ViewWrite>* out) = 0;
  virtual events::Status load_row(std::string_view key, std::string_view value) = 0;
  virtual void clear() = 0;
  // After a batch is durable: let timers, caches or subscribers know. Called
  // on the thread that folds this projection (see ProjectionEngine lanes).
  virtual void published() {}
  // The relative cost of this fold, for spreading projections over lanes.
  virtual unsigned weight() const { return 1; }

  std::shared_mutex& mutex() const { return mu_; }
  uint64_t checkpoint() const { return checkpoint_.load(std::memory_order_acquire); }
  void set_checkpoint(uint64_t p) { checkpoint_.store(p, std::memory_order_release); }

 private:
  mutable std::shared_mutex mu_;
  std::atomic<uint64_t> checkpoint_{0};
};

// The common case: rows held in memory as JSON, keyed by row key, written
// back when changed. Derived projections read and change rows through
// row()/touch()/erase().
class JsonRowProjection : public Projection {
 public:
  JsonRowProjection(std::string name, std::string fingerprint)
      : name_(std::move(name)), fingerprint_(std::move(fingerprint)) {}
  const std::string& name() const override { return name_; }
  std::string fingerprint() const override { return fingerprint_; }
  void take_changes(std::vector<ViewWrite>* out) override;
  events::Status load_row(std::string_view key, std::string_view value) override;
  void clear() override;

  // Readers: hold mutex() shared.
  const nlohmann::json* find(const std::string& key) const;
  // Calls f(key, row) for rows whose key starts with `prefix`, in key order.
  template <class F>
  void each(const std::string& prefix, F f) const {
    for (auto it = rows_.lower_bound(prefix);
         it != rows_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
      f(it->first, it->second.value);
  }

 protected:
  nlohmann::json* row(const std::string& key);    // nullptr when absent
  nlohmann::json& touch(const std::string& key);  // creates {} if absent; marks changed
  void erase(const std::string& key);

 private:
  struct Row {
    nlohmann::json value;
    bool changed = false;
  };
  std::string name_, fingerprint_;
  std::map<std::string, Row> rows_;
  std::vector<std::string> changed_;  // keys whose Row::changed went true
  std::vector<std::string> erased_;
};

// A row value as stored: compact JSON, keys sorted, invalid UTF-8 replaced.
std::string canonical(const nlohmann::json& j);
// Appends `v` as a JSON string, byte for byte as canonical() writes it:
// '"', '\\' and control characters escaped, valid UTF-8 as it is.
void append_canonical_string(std::string* out, std::string_view v);

}  // namespace parley::projections
