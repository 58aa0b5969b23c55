// Where projections keep their views: a sorted key-value space with atomic
// batches. A projection writes its changed rows and its checkpoint in one
// batch, so after any crash a view and its checkpoint agree.
//
// Key layout (docs/STORAGE.md, "Views"):
//   "c/<projection>"          -> checkpoint (fixed64 BE position) + fingerprint
//   "v/<projection>/<row key>" -> the row, canonical JSON
// Two implementations honour the same contract: RocksViewStore (its own
// RocksDB under $PARLEY_DATA_DIR/views, so view writes never share the log's
// WAL or compactions) and MemoryViewStore.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/status.hpp"

namespace parley::projections {

struct ViewWrite {
  std::string key;
  std::optional<std::string> value;  // nullopt deletes the key
};

class ViewStore {
 public:
  virtual ~ViewStore() = default;
  // All of the batch or none of it. Not synced: a crash may lose a suffix of
  // batches, never part of one, and projections redo what was lost.
  virtual events::Status write(const std::vector<ViewWrite>& batch) = 0;
  // NotFound when the key is absent.
  virtual events::Expected<std::string> get(std::string_view key) = 0;
  // Keys that start with `prefix`, in order, until `visit` returns false.
  using Visitor = std::function<bool(std::string_view key, std::string_view value)>;
  virtual events::Status scan(std::string_view prefix, const Visitor& visit) = 0;
  // Deletes every key that starts with `prefix`.
  virtual events::Status erase_prefix(std::string_view prefix) = 0;
  // The same for several prefixes at once (a rebuild of several views).
  virtual events::Status erase_prefixes(const std::vector<std::string>& prefixes) {
    for (const auto& p : prefixes)
      if (auto st = erase_prefix(p); !st.ok()) return st;
    return events::Status::Ok();
  }
  // The same as write() (all or nothing, not synced), for the large batches
  // of a long fold: RocksViewStore sorts them into a table file and ingests
  // it, past the WAL, the memtable and their compactions. A key written twice
  // keeps its last value.
  virtual events::Status ingest(std::vector<ViewWrite> batch) { return write(batch); }
};

class MemoryViewStore final : public ViewStore {
 public:
  events::Status write(const std::vector<ViewWrite>& batch) override;
  events::Expected<std::string> get(std::string_view key) override;
  events::Status scan(std::string_view prefix, const Visitor& visit) override;
  events::Status erase_prefix(std::string_view prefix) override;

 private:
  std::mutex mu_;
  std::map<std::string, std::string, std::less<>> rows_;
};

class RocksViewStore final : public ViewStore {
 public:
  // Opens or creates the store at `path`. IoError when another process holds it.
  static events::Expected<std::unique_ptr<RocksViewStore>> open(const std::string& path);
  ~RocksViewStore() override;

  events::Status write(const std::vector<ViewWrite>& batch) override;
  events::Expected<std::string> get(std::string_view key) override;
  events::Status scan(std::string_view prefix, const Visitor& visit) override;
  events::Status erase_prefix(std::string_view prefix) override;
  events::Status erase_prefixes(const std::vector<std::string>& prefixes) override;
  events::Status ingest(std::vector<ViewWrite> batch) override;

 private:
  struct Handle;
  explicit RocksViewStore(std::unique_ptr<Handle> h);
  std::unique_ptr<Handle> h_;
};

}  // namespace parley::projections
