#include "projections/view_store.hpp"

#include <rocksdb/db.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "events/rocks_open.hpp"

namespace parley::projections {

using events::Expected;
using events::Status;

// ---- memory ------------------------------------------------------------

Status MemoryViewStore::write(const std::vector<ViewWrite>& batch) {
  std::lock_guard lock(mu_);
  for (const auto& w : batch) {
    if (w.value)
      rows_.insert_or_assign(w.key, *w.value);
    else
      rows_.erase(w.key);
  }
  return Status::Ok();
}

Expected<std::string> MemoryViewStore::get(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = rows_.find(key);
  if (it == rows_.end()) return Status::NotFound(std::string(key));
  return it->second;
}

Status MemoryViewStore::scan(std::string_view prefix, const Visitor& visit) {
  std::vector<std::pair<std::string, std::string>> rows;
  {
    std::lock_guard lock(mu_);
    for (auto it = rows_.lower_bound(prefix);
         it != rows_.end() && std::string_view(it->first).substr(0, prefix.size()) == prefix; ++it)
      rows.emplace_back(it->first, it->second);
  }
  for (const auto& [k, v] : rows)
    if (!visit(k, v)) break;
  return Status::Ok();
}

Status MemoryViewStore::erase_prefix(std::string_view prefix) {
  std::lock_guard lock(mu_);
  auto it = rows_.lower_bound(prefix);
  while (it != rows_.end() && std::string_view(it->first).substr(0, prefix.size()) == prefix)
    it = rows_.erase(it);
  return Status::Ok();
}

// ---- RocksDB -----------------------------------------------------------

namespace {

// Not for a key ending in '/': erase_prefixes() range-deletes from such
// prefixes ("v/<view>/"), and RocksDB 7.8 keeps one hint map for the point
// and the range-tombstone skip lists (facebook/rocksdb#5118, fixed in 9.x): a
// row key equal to a tombstone's start in one memtable would be linked into
// the wrong list.
class WholeKey final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "parley.WholeKey"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override { return key; }
  bool InDomain(const rocksdb::Slice& key) const override {
    return !key.empty() && key[key.size() - 1] != '/';
  }
};

}  // namespace

struct RocksViewStore::Handle {
  std::unique_ptr<rocksdb::DB> db;
  rocksdb::Options options;  // as opened: an ingested file is built with them
  std::string path;
  std::atomic<uint64_t> ingests{0};
  // After a failed write no other is tried: RocksDB 7.8 with assertions
  // aborts on the next WAL write (see events/rocks_event_store.cpp).
  std::atomic<bool> failed{false};
  Status write(rocksdb::WriteBatch* wb, bool sync, const char* what) {
    if (failed.load()) return Status::IoError(std::string(what) + ": a view write failed before");
    rocksdb::WriteOptions wo;
    wo.sync = sync;
    auto s = db->Write(wo, wb);
    if (s.ok()) return Status::Ok();
    failed.store(true);
    return Status::IoError(std::string(what) + ": " + s.ToString());
  }
};

RocksViewStore::RocksViewStore(std::unique_ptr<Handle> h) : h_(std::move(h)) {}
RocksViewStore::~RocksViewStore() = default;

Expected<std::unique_ptr<RocksViewStore>> RocksViewStore::open(const std::string& path) {
  bool create = false;
  if (auto st = events::check_rocks_dir(path, "the views database", &create); !st.ok()) return st;
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Status::IoError("cannot create " + path + ": " + ec.message());
  rocksdb::Options o;
  o.create_if_missing = create;
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  o.max_bgerror_resume_count = 0;  // as the event log's (events/rocks_event_store.cpp)
  o.info_log = std::make_shared<events::RecoveryLog>("views");  // no LOG file: rocks_open.hpp
  o.IncreaseParallelism(2);
  o.write_buffer_size = 32 << 20;
  // A row rewritten by every commit goes in just before its last version:
  // that version's place is the hint (13,200 instructions a put without,
  // 32k a chat turn: callgrind, issue 22). Writes only; reads do not use it.
  o.memtable_insert_with_hint_prefix_extractor = std::make_shared<WholeKey>();
  o.compression = rocksdb::kLZ4Compression;  // as the event log: cheap to write and read
  rocksdb::BlockBasedTableOptions t;
  t.whole_key_filtering = true;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(o, path, &raw);
  if (!s.ok()) return Status::IoError("cannot open the views at " + path + ": " + s.ToString());
  // An ingest file a crash left behind (written, never moved in) is ours.
  for (const auto& f : std::filesystem::directory_iterator(path, ec))
    if (f.path().filename().string().rfind("ingest-", 0) == 0)
      std::filesystem::remove(f.path(), ec);
  auto h = std::make_unique<Handle>();
  h->db.reset(raw);
  h->options = o;
  h->path = path;
  return std::unique_ptr<RocksViewStore>(new RocksViewStore(std::move(h)));
}

Status RocksViewStore::write(const std::vector<ViewWrite>& batch) {
  rocksdb::WriteBatch wb;
  for (const auto& w : batch) {
    if (w.value)
      wb.Put(w.key, *w.value);
    else
      wb.Delete(w.key);
  }
  return h_->write(&wb, false, "view write");
}

Expected<std::string> RocksViewStore::get(std::string_view key) {
  std::string v;
  auto s = h_->db->Get(rocksdb::ReadOptions(), rocksdb::Slice(key.data(), key.size()), &v);
  if (s.IsNotFound()) return Status::NotFound(std::string(key));
  if (!s.ok()) return Status::IoError("view read: " + s.ToString());
  return v;
}

Status RocksViewStore::scan(std::string_view prefix, const Visitor& visit) {
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(rocksdb::ReadOptions()));
  const rocksdb::Slice p(prefix.data(), prefix.size());
  for (it->Seek(p); it->Valid() && it->key().starts_with(p); it->Next()) {
    if (!visit(std::string_view(it->key().data(), it->key().size()),
               std::string_view(it->value().data(), it->value().size())))
      break;
  }
  return it->status().ok() ? Status::Ok()
                           : Status::IoError("view scan: " + it->status().ToString());
}

Status RocksViewStore::erase_prefix(std::string_view prefix) {
  return erase_prefixes({std::string(prefix)});
}

Status RocksViewStore::erase_prefixes(const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return Status::Ok();
  rocksdb::WriteBatch wb;
  std::string lowest, highest;
  for (const auto& prefix : prefixes) {
    std::string end(prefix);
    // The first key after every key with this prefix.
    while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff) end.pop_back();
    if (end.empty()) return Status::InvalidArgument("cannot erase an unbounded prefix");
    end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
    wb.DeleteRange(prefix, end);
    if (lowest.empty() || prefix < lowest) lowest = prefix;
    if (highest.empty() || end > highest) highest = end;
  }
  if (auto st = h_->write(&wb, false, "view erase"); !st.ok()) return st;
  // A range delete only hides the rows: flushed and compacted, the erased
  // view (plaintext rows of a store from before sealing, a dropped fold) is
  // in no file any more. Erasing is rare: a rebuild, a changed fold. One
  // flush and one compaction for all the prefixes: a rebuild of six views
  // erased one by one compacted the same files six times (3.6 of 7.4 s over
  // a 1M-event store, docs/BENCHMARKS.md).
  if (auto s = h_->db->Flush(rocksdb::FlushOptions()); !s.ok())
    return Status::IoError("view erase: " + s.ToString());
  const rocksdb::Slice begin(lowest), last(highest);
  rocksdb::CompactRangeOptions co;
  co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  if (auto s = h_->db->CompactRange(co, &begin, &last); !s.ok())
    return Status::IoError("view erase: " + s.ToString());
  return Status::Ok();
}

// A rebuild's commits of ~260,000 events each were a third of its time in
// RocksDB writes, flushes and compactions (docs/BENCHMARKS.md, "Projection
// rebuild"); a sorted file goes in as it is. Its keys get one sequence number
// newer than anything in the store, so it overrides older rows like a write.
Status RocksViewStore::ingest(std::vector<ViewWrite> batch) {
  if (batch.empty()) return Status::Ok();
  if (h_->failed.load()) return Status::IoError("view ingest: a view write failed before");
  std::stable_sort(batch.begin(), batch.end(),
                   [](const ViewWrite& a, const ViewWrite& b) { return a.key < b.key; });
  const std::string file =
      h_->path + "/ingest-" + std::to_string(h_->ingests.fetch_add(1)) + ".sst";
  auto fail = [&](const char* step, const rocksdb::Status& s) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    return Status::IoError(std::string("view ingest: ") + step + ": " + s.ToString());
  };
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), h_->options);
  if (auto s = writer.Open(file); !s.ok()) return fail("open", s);
  for (size_t i = 0; i < batch.size(); ++i) {
    if (i + 1 < batch.size() && batch[i + 1].key == batch[i].key) continue;  // the last one wins
    const auto& w = batch[i];
    auto s = w.value ? writer.Put(w.key, *w.value) : writer.Delete(w.key);
    if (!s.ok()) return fail("add", s);
  }
  if (auto s = writer.Finish(); !s.ok()) return fail("finish", s);
  rocksdb::IngestExternalFileOptions io;
  io.move_files = true;
  if (auto s = h_->db->IngestExternalFile({file}, io); !s.ok()) return fail("ingest", s);
  return Status::Ok();
}

}  // namespace parley::projections
