#include "events/rocks_event_store.hpp"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/options_util.h>
#include <rocksdb/write_batch.h>

#include <filesystem>

#include "events/batch_plan.hpp"
#include "events/coding.hpp"
#include "events/keys.hpp"
#include "events/rocks_open.hpp"

namespace parley::events {
namespace {

constexpr const char* kFormatKey = "parley.store.format";
constexpr const char* kFormatValue = "1";

enum Cf { kDefault = 0, kStreams, kGlobal, kSnapshots, kDedupe, kKeys, kCfCount };
const char* const kCfNames[kCfCount] = {"default",   "streams", "global",
                                        "snapshots", "dedupe",  "keys"};

Status from_rocks(const rocksdb::Status& s) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(s.ToString());
  if (s.IsCorruption()) return Status::Corruption(s.ToString());
  if (s.IsInvalidArgument()) return Status::InvalidArgument(s.ToString());
  return Status::IoError(s.ToString());
}

// A key's part before its big-endian position or sequence number: the
// stream of a `streams` key, nothing of a `global` one. Only where the
// memtable inserts (each such prefix's keys arrive in order, so the last
// insert's place is the next one's hint); reads do not use it.
class BeforeSeqSuffix final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "parley.BeforeSeqSuffix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), key.size() - 8);
  }
  bool InDomain(const rocksdb::Slice& key) const override { return key.size() >= 8; }
};

rocksdb::ColumnFamilyOptions cf_options(Cf cf, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  if (cf == kDedupe || cf == kSnapshots) t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  o.compression = rocksdb::kLZ4Compression;
  o.write_buffer_size = cf == kGlobal ? (64u << 20) : cf == kKeys ? (4u << 20) : (32u << 20);
  // Appends insert at a skip list's end, or a stream's, from the top down
  // each time: 6,800 instructions a key, 53k a chat turn (callgrind, issue 22).
  if (cf == kGlobal || cf == kStreams)
    o.memtable_insert_with_hint_prefix_extractor = std::make_shared<BeforeSeqSuffix>();
  return o;
}

std::string encode_snapshot(const Snapshot& s) {
  std::string v;
  coding::put_varint(&v, s.seq);
  coding::put_varint(&v, s.schema_version);
  v.append(s.state);
  return v;
}

bool decode_snapshot(std::string_view in, Snapshot* s) {
  uint64_t seq = 0, schema = 0;
  if (!coding::get_varint(&in, &seq) || !coding::get_varint(&in, &schema)) return false;
  s->seq = seq;
  s->schema_version = static_cast<uint32_t>(schema);
  s->state.assign(in);
  return true;
}

}  // namespace

struct RocksEventStore::Handles {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cf;
  rocksdb::ColumnFamilyHandle* operator[](Cf c) const { return cf[c]; }
  ~Handles() {
    if (!db) return;
    for (auto* h : cf) db->DestroyColumnFamilyHandle(h);
    db->Close();
  }
};

RocksEventStore::RocksEventStore(Options options)
    : options_(std::move(options)), h_(std::make_unique<Handles>()) {}

RocksEventStore::~RocksEventStore() = default;

Expected<std::unique_ptr<RocksEventStore>> RocksEventStore::open(const Options& options) {
  namespace fs = std::filesystem;
  std::unique_ptr<RocksEventStore> store(new RocksEventStore(options));
  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);

  rocksdb::DBOptions db_opts;
  bool create = false;
  if (options.mode == Mode::read_write) {
    if (auto st = check_rocks_dir(options.path, "the event log", &create); !st.ok()) return st;
  }
  db_opts.create_if_missing = create;
  db_opts.create_missing_column_families = options.mode == Mode::read_write;
  // Recover to the last intact WAL record and say what was dropped (recovery()).
  db_opts.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  // No automatic resume after a write error: its retry writes the WAL again,
  // which RocksDB 7.8 with assertions answers with abort() (see append_batch).
  db_opts.max_bgerror_resume_count = 0;
  db_opts.IncreaseParallelism(2);
  db_opts.max_background_jobs = 2;
  db_opts.keep_log_file_num = 4;

  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (int c = 0; c < kCfCount; ++c)
    descs.emplace_back(kCfNames[c], cf_options(static_cast<Cf>(c), cache));

  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.mode == Mode::read_write) {
    std::error_code ec;
    fs::create_directories(options.path, ec);
    if (ec) return Status::IoError("cannot create " + options.path + ": " + ec.message());
    store->recovery_log_ = std::make_shared<RecoveryLog>("event log");
    db_opts.info_log = store->recovery_log_;
    s = rocksdb::DB::Open(db_opts, options.path, descs, &store->h_->cf, &raw);
  } else {
    if (!fs::exists(fs::path(options.path) / "CURRENT"))
      return Status::NotFound("no event store at " + options.path);
    db_opts.max_open_files = -1;  // required by secondary instances
    s = rocksdb::DB::OpenAsSecondary(db_opts, options.path, options.secondary_path, descs,
                                     &store->h_->cf, &raw);
  }
  if (!s.ok()) return from_rocks(s);
  store->h_->db.reset(raw);

  auto* db = store->h_->db.get();
  std::string format;
  s = db->Get(rocksdb::ReadOptions(), (*store->h_)[kDefault], kFormatKey, &format);
  if (s.IsNotFound() && options.mode == Mode::read_write) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db->Put(wo, (*store->h_)[kDefault], kFormatKey, kFormatValue);
    format = kFormatValue;
  }
  if (!s.ok() && !s.IsNotFound()) return from_rocks(s);
  if (s.ok() && format != kFormatValue)
    return Status::Corruption("unsupported store format '" + format + "' at " + options.path);
  if (auto st = store->load_last_position(); !st.ok()) return st;
  return store;
}

RecoveryReport RocksEventStore::recovery() const {
  return recovery_log_ ? recovery_log_->report() : RecoveryReport{};
}

Status RocksEventStore::load_last_position() {
  std::unique_ptr<rocksdb::Iterator> it(
      h_->db->NewIterator(rocksdb::ReadOptions(), (*h_)[kGlobal]));
  it->SeekToLast();
  uint64_t last = 0;
  if (it->Valid() && !keys::parse_global_key(it->key().ToStringView(), &last))
    return Status::Corruption("bad key in the global column family");
  if (!it->status().ok()) return from_rocks(it->status());
  last_position_.store(last);
  return Status::Ok();
}

Expected<uint64_t> RocksEventStore::read_head(const std::string& prefix) {
  std::unique_ptr<rocksdb::Iterator> it(
      h_->db->NewIterator(rocksdb::ReadOptions(), (*h_)[kStreams]));
  it->SeekForPrev(keys::stream_key_from_prefix(prefix, ~uint64_t{0}));
  if (!it->status().ok()) return from_rocks(it->status());
  if (!it->Valid() || !it->key().starts_with(prefix)) return uint64_t{0};
  auto k = it->key();
  if (k.size() != prefix.size() + 8) return Status::Corruption("bad stream key");
  return coding::decode_fixed64_be(k.data() + prefix.size());
}

Expected<std::string> RocksEventStore::read_dedupe(const std::string& key) {
  std::string v;
  auto s = h_->db->Get(rocksdb::ReadOptions(), (*h_)[kDedupe], key, &v);
  if (s.IsNotFound()) return Status::NotFound();
  if (!s.ok()) return from_rocks(s);
  return v;
}

std::vector<AppendResult> RocksEventStore::append_batch(
    const std::vector<AppendRequest>& requests) {
  if (options_.mode != Mode::read_write) {
    return std::vector<AppendResult>(
        requests.size(), AppendResult::failure(Status::InvalidArgument("store is open read-only")));
  }
  std::lock_guard lock(write_mu_);
  PlanLookups lookups{[this](const std::string& prefix, const StreamId&) -> Expected<uint64_t> {
                        if (auto it = heads_.find(prefix); it != heads_.end()) return it->second;
                        auto h = read_head(prefix);
                        if (h) heads_.emplace(prefix, *h);
                        return h;
                      },
                      [this](const std::string& key) { return read_dedupe(key); }};
  if (failed_writes_.load()) {  // see below: no write after a failed one
    return std::vector<AppendResult>(
        requests.size(),
        AppendResult::failure(Status::IoError(
            write_error_.empty() ? "the event log takes no more writes after a failed one"
                                 : write_error_)));
  }
  PlannedWrite plan;
  auto results = plan_batch(requests, last_position_.load(), lookups, &plan);
  if (plan.events.empty()) return results;

  rocksdb::WriteBatch batch;
  std::string pos_value;
  for (const auto& e : plan.events) {
    pos_value.clear();
    coding::put_fixed64_be(&pos_value, e.position);
    batch.Put((*h_)[kStreams], e.stream_key, pos_value);
    batch.Put((*h_)[kGlobal], keys::global_key(e.position), e.record);
  }
  for (const auto& [k, v] : plan.dedupe) batch.Put((*h_)[kDedupe], k, v);

  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  auto s = h_->db->Write(wo, &batch);
  if (!s.ok()) {
    auto err = from_rocks(s);
    // RocksDB 7.8 (Debian's, built with assertions) aborts the process on the
    // next WAL write after a failed one (upstream PR 12448, fixed in 9.x): a
    // full disk killed the server. So the store takes no write after a failed
    // one; reads go on, and a restart (with space freed) writes again.
    write_error_ = "the event log takes no more writes after a failed one (" + s.ToString() +
                   "); free disk space and restart";
    failed_writes_.store(true);
    for (auto& r : results)
      if (r.status.ok()) r = AppendResult::failure(Status::IoError(err.message()));
    return results;
  }
  for (auto& [prefix, head] : plan.new_heads) heads_[prefix] = head;
  last_position_.store(plan.last_position);
  return results;
}

Status RocksEventStore::read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                                    std::vector<EventEnvelope>* out) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  const std::string prefix = keys::stream_prefix(stream);
  std::vector<std::string> global_keys;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        h_->db->NewIterator(rocksdb::ReadOptions(), (*h_)[kStreams]));
    for (it->Seek(keys::stream_key_from_prefix(prefix, from_seq));
         it->Valid() && it->key().starts_with(prefix) && global_keys.size() < max_count;
         it->Next()) {
      if (it->value().size() != 8) return Status::Corruption("bad stream index value");
      global_keys.emplace_back(it->value().data(), 8);
    }
    if (!it->status().ok()) return from_rocks(it->status());
  }
  if (global_keys.empty()) return Status::Ok();
  std::vector<rocksdb::Slice> slices(global_keys.begin(), global_keys.end());
  std::vector<std::string> values;
  auto statuses = h_->db->MultiGet(
      rocksdb::ReadOptions(),
      std::vector<rocksdb::ColumnFamilyHandle*>(slices.size(), (*h_)[kGlobal]), slices, &values);
  for (size_t i = 0; i < values.size(); ++i) {
    if (!statuses[i].ok()) {
      return statuses[i].IsNotFound()
                 ? Status::Corruption("stream " + stream.to_string() + " indexes a missing record")
                 : from_rocks(statuses[i]);
    }
    auto e = RecordView(coding::decode_fixed64_be(global_keys[i].data()), values[i]).decode();
    if (!e) return e.status();
    out->push_back(std::move(e).value());
  }
  return Status::Ok();
}

Status RocksEventStore::scan_all(uint64_t from_position, const Visitor& visit) {
  rocksdb::ReadOptions ro;
  ro.readahead_size = 2u << 20;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(ro, (*h_)[kGlobal]));
  for (it->Seek(keys::global_key(from_position)); it->Valid(); it->Next()) {
    uint64_t pos = 0;
    if (!keys::parse_global_key(it->key().ToStringView(), &pos))
      return Status::Corruption("bad key in the global column family");
    if (!visit(RecordView(pos, it->value().ToStringView()))) break;
  }
  return from_rocks(it->status());
}

uint64_t RocksEventStore::last_position() {
  return last_position_.load();
}

Expected<uint64_t> RocksEventStore::stream_head(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::string prefix = keys::stream_prefix(stream);
  if (options_.mode != Mode::read_write) return read_head(prefix);
  std::lock_guard lock(write_mu_);
  if (auto it = heads_.find(prefix); it != heads_.end()) return it->second;
  return read_head(prefix);
}

Status RocksEventStore::save_snapshot(const StreamId& stream, const Snapshot& snapshot) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  if (options_.mode != Mode::read_write) return Status::InvalidArgument("store is open read-only");
  std::lock_guard lock(snapshot_mu_);
  auto current = load_snapshot(stream);
  if (current && current->seq > snapshot.seq) return Status::Ok();
  if (failed_writes_.load()) return Status::IoError("no snapshot: a write had failed");
  auto s = h_->db->Put(rocksdb::WriteOptions(), (*h_)[kSnapshots], keys::stream_prefix(stream),
                       encode_snapshot(snapshot));
  if (!s.ok()) failed_writes_.store(true);  // as in append_batch: no write after a failed one
  return from_rocks(s);
}

Expected<Snapshot> RocksEventStore::load_snapshot(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::string v;
  auto s = h_->db->Get(rocksdb::ReadOptions(), (*h_)[kSnapshots], keys::stream_prefix(stream), &v);
  if (s.IsNotFound()) return Status::NotFound("no snapshot of " + stream.to_string());
  if (!s.ok()) return from_rocks(s);
  Snapshot snap;
  if (!decode_snapshot(v, &snap))
    return Status::Corruption("bad snapshot of " + stream.to_string());
  return snap;
}

Expected<std::string> RocksEventStore::find_dedupe(std::string_view key) {
  return read_dedupe(std::string(key));
}

Status RocksEventStore::catch_up() {
  if (options_.mode != Mode::secondary) return Status::Ok();
  auto s = h_->db->TryCatchUpWithPrimary();
  if (!s.ok()) return from_rocks(s);
  return load_last_position();
}

Status RocksEventStore::flush() {
  if (options_.mode != Mode::read_write) return Status::Ok();
  if (failed_writes_.load()) return Status::IoError("not flushed: a write had failed");
  auto s = h_->db->FlushWAL(true);
  if (!s.ok()) return from_rocks(s);
  return from_rocks(h_->db->Flush(rocksdb::FlushOptions(), h_->cf));
}

Status RocksEventStore::put_key(const std::string& name, const std::string& value) {
  if (options_.mode != Mode::read_write) return Status::InvalidArgument("store is open read-only");
  if (failed_writes_.load()) return Status::IoError("no key written: a write had failed");
  // Unsynced: the WAL is shared with the events, whose synced append follows.
  auto s = h_->db->Put(rocksdb::WriteOptions(), (*h_)[kKeys], name, value);
  if (!s.ok()) failed_writes_.store(true);
  return from_rocks(s);
}

Expected<std::string> RocksEventStore::get_key(const std::string& name) {
  std::string v;
  auto s = h_->db->Get(rocksdb::ReadOptions(), (*h_)[kKeys], name, &v);
  if (s.IsNotFound()) return Status::NotFound("no key " + name);
  if (!s.ok()) return from_rocks(s);
  return v;
}

Status RocksEventStore::erase_keys(const std::vector<std::string>& names) {
  if (options_.mode != Mode::read_write) return Status::InvalidArgument("store is open read-only");
  if (failed_writes_.load()) return Status::IoError("no key erased: a write had failed");
  if (!names.empty()) {
    rocksdb::WriteBatch batch;
    for (const auto& name : names) batch.Delete((*h_)[kKeys], name);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    if (auto s = h_->db->Write(wo, &batch); !s.ok()) {
      failed_writes_.store(true);
      return from_rocks(s);
    }
  }
  // A Delete only hides the value: the put stays in the WAL until every
  // memtable that shares it is flushed, and in the keys' table files until a
  // compaction drops it. Forgetting is rare; both are done here.
  if (auto s = h_->db->Flush(rocksdb::FlushOptions(), h_->cf); !s.ok()) return from_rocks(s);
  rocksdb::CompactRangeOptions co;
  co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  return from_rocks(h_->db->CompactRange(co, (*h_)[kKeys], nullptr, nullptr));
}

std::vector<std::pair<std::string, uint64_t>> RocksEventStore::estimate_keys() {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (int c = kStreams; c < kCfCount; ++c) {
    uint64_t n = 0;
    h_->db->GetIntProperty((*h_)[static_cast<Cf>(c)], "rocksdb.estimate-num-keys", &n);
    out.emplace_back(kCfNames[c], n);
  }
  return out;
}

}  // namespace parley::events
