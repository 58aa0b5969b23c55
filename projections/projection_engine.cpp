#include "projections/projection_engine.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <system_error>
#include <thread>

#include "projections/fold_rule.hpp"
#include "projections/log_scan.hpp"

namespace parley::projections {

using events::Status;

namespace {

std::string encode_checkpoint(uint64_t position, const std::string& fingerprint) {
  std::string out;
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((position >> (8 * i)) & 0xff));
  return out + fingerprint;
}

bool decode_checkpoint(std::string_view bytes, uint64_t* position, std::string* fingerprint) {
  if (bytes.size() < 8) return false;
  uint64_t p = 0;
  for (int i = 0; i < 8; ++i) p = (p << 8) | static_cast<unsigned char>(bytes[i]);
  *position = p;
  *fingerprint = std::string(bytes.substr(8));
  return true;
}

}  // namespace

ProjectionEngine::ProjectionEngine(events::EventStore& log, ViewStore& views,
                                   std::vector<Projection*> projections, FoldOptions options)
    : log_(log), views_(views), projections_(std::move(projections)), options_(options) {
  options_.lanes = std::max(options_.lanes, 1u);
  options_.batch_events = std::max<size_t>(options_.batch_events, 1);
}

ProjectionEngine::~ProjectionEngine() {
  stop();
}

std::string ProjectionEngine::checkpoint_key(const std::string& projection) {
  return "c/" + projection;
}

std::string ProjectionEngine::row_prefix(const std::string& projection) {
  return "v/" + projection + "/";
}

Projection* ProjectionEngine::find(const std::string& name) const {
  for (auto* p : projections_)
    if (p->name() == name) return p;
  return nullptr;
}

Status ProjectionEngine::drop_view(ViewStore& views, const std::string& projection) {
  auto stored = views.get(checkpoint_key(projection));
  if (stored.status().is_not_found()) return Status::Ok();
  if (!stored.ok()) return stored.status();
  if (auto st = views.erase_prefixes({row_prefix(projection)}); !st.ok()) return st;
  return views.write({{checkpoint_key(projection), std::nullopt}});
}

uint64_t ProjectionEngine::lag(const std::string& name) const {
  auto* p = find(name);
  const uint64_t head = log_.last_position();
  return p && head > p->checkpoint() ? head - p->checkpoint() : 0;
}

Status ProjectionEngine::open() {
  std::lock_guard lock(fold_mu_);
  for (auto* p : projections_) {
    std::unique_lock plock(p->mutex());
    p->clear();
    p->set_checkpoint(0);
    auto stored = views_.get(checkpoint_key(p->name()));
    if (!stored.ok() && !stored.status().is_not_found()) return stored.status();
    uint64_t position = 0;
    std::string fingerprint;
    if (stored.ok() && decode_checkpoint(*stored, &position, &fingerprint) &&
        fingerprint == p->fingerprint()) {
      const auto prefix = row_prefix(p->name());
      Status row_status;
      auto st = views_.scan(prefix, [&](std::string_view k, std::string_view v) {
        row_status = p->load_row(k.substr(prefix.size()), v);
        return row_status.ok();
      });
      if (!st.ok()) return st;
      if (!row_status.ok()) return row_status;
      p->set_checkpoint(position);
    } else if (stored.ok()) {
      // Another fold wrote this view: drop it and fold again from 0.
      std::fprintf(stderr, "parley: projection %s changed (%s -> %s); rebuilding\n",
                   p->name().c_str(), fingerprint.c_str(), p->fingerprint().c_str());
      if (auto st = views_.erase_prefix(row_prefix(p->name())); !st.ok()) return st;
      if (auto st = views_.write({{checkpoint_key(p->name()), std::nullopt}}); !st.ok()) return st;
    }
    p->published();
  }
  return Status::Ok();
}

Status ProjectionEngine::commit(uint64_t position, const std::vector<Projection*>& group,
                                bool bulk) {
  std::vector<ViewWrite> batch;
  for (auto* p : group) {
    const auto prefix = row_prefix(p->name());
    std::vector<ViewWrite> rows;
    {
      std::unique_lock plock(p->mutex());
      p->take_changes(&rows);
    }
    batch.reserve(batch.size() + rows.size() + 1);
    for (auto& w : rows) {
      w.key.insert(0, prefix);
      batch.push_back(std::move(w));
    }
    batch.push_back({checkpoint_key(p->name()), encode_checkpoint(position, p->fingerprint())});
  }
  if (auto st = bulk ? views_.ingest(std::move(batch)) : views_.write(batch); !st.ok()) return st;
  for (auto* p : group) {
    p->set_checkpoint(position);
    p->published();
  }
  return Status::Ok();
}

// One thread's share of a fold: its projections, scanned in log order.
struct ProjectionEngine::Lane {
  std::vector<Projection*> group;
  unsigned weight = 0;
  std::atomic<uint64_t> position{0};  // committed up to here
  std::atomic<uint64_t> events{0};    // events this lane applied
  std::function<void()> on_commit;
  bool bulk = false;  // a long fold: commits are ingested (ViewStore::ingest)
  Status status;
};

Status ProjectionEngine::fold_lane(Lane& lane, uint64_t to_position) {
  const auto& group = lane.group;
  if (group.size() > 32) return Status::InvalidArgument("more than 32 projections in one lane");
  uint64_t from = UINT64_MAX;
  for (auto* p : group) from = std::min(from, p->checkpoint());
  std::unordered_map<std::string, uint32_t> masks;  // type -> the group's projections that want it
  auto mask_of = [&](std::string_view type) {
    auto it = masks.find(std::string(type));
    if (it != masks.end()) return it->second;
    uint32_t mask = 0;
    for (size_t i = 0; i < group.size(); ++i)
      if (group[i]->wants(type)) mask |= 1u << i;
    masks.emplace(std::string(type), mask);
    return mask;
  };
  uint64_t last = from, since_commit = 0;
  Status fold_error;
  simdjson::dom::parser parser;  // one tape for the lane, reused by every event
  // The projections that want this record and have not folded it yet.
  auto interest = [&](uint64_t pos, std::string_view type) {
    uint32_t mask = mask_of(type);
    for (size_t i = 0; i < group.size(); ++i)
      if ((mask & (1u << i)) && group[i]->checkpoint() >= pos) mask &= ~(1u << i);
    return mask;
  };
  auto fold = [&](uint64_t pos, const events::EventEnvelope& env, uint32_t mask) {
    ProjectedEvent event(env, parser);
    for (size_t i = 0; i < group.size(); ++i) {
      if (!(mask & (1u << i))) continue;
      std::unique_lock plock(group[i]->mutex());
      const auto folded = fold_event(
          group[i]->name(), pos, env.type,
          [&] {
            group[i]->apply(event);
            return Status::Ok();
          },
          &fold_error);
      if (folded == Folded::skipped) skipped_.fetch_add(1, std::memory_order_relaxed);
    }
    lane.events.fetch_add(1, std::memory_order_relaxed);
    applied_.fetch_add(1, std::memory_order_relaxed);
    return true;
  };
  auto passed = [&](uint64_t pos) {
    last = pos;
    if (++since_commit < options_.batch_events) return true;
    if (auto c = commit(last, group, lane.bulk); !c.ok()) {
      fold_error = c;
      return false;
    }
    since_commit = 0;
    lane.position.store(last, std::memory_order_relaxed);
    if (lane.on_commit) lane.on_commit();
    return true;
  };
  const Status st =
      to_position == 0 ? Status::Ok() : scan_log(log_, from, to_position, interest, fold, passed);
  if (!st.ok()) return st;
  if (!fold_error.ok()) return fold_error;
  // Up to the head even when the tail held nothing these projections read.
  last = std::max(last, std::min(to_position, log_.last_position()));
  if (auto c = commit(last, group, lane.bulk); !c.ok()) return c;
  lane.position.store(last, std::memory_order_relaxed);
  return Status::Ok();
}

Status ProjectionEngine::fold(const std::vector<Projection*>& candidates, uint64_t to_position,
                              const std::function<void(const RebuildProgress&)>& progress) {
  std::vector<Projection*> behind;
  uint64_t from = UINT64_MAX;
  for (auto* p : candidates)
    if (p->checkpoint() < to_position) {
      behind.push_back(p);
      from = std::min(from, p->checkpoint());
    }
  if (behind.empty()) return Status::Ok();
  const auto started = std::chrono::steady_clock::now();
  // Threads pay off only on long folds; the live follow loop stays on one.
  const bool long_fold = to_position - from >= options_.parallel_from;
  const size_t n = long_fold ? std::min<size_t>(options_.lanes, behind.size()) : 1;
  std::vector<Lane> lanes(std::max<size_t>(n, 1));
  for (auto& lane : lanes) lane.bulk = long_fold;
  // Heaviest first, each to the lightest lane; ties keep the given order.
  std::stable_sort(behind.begin(), behind.end(), [](const Projection* a, const Projection* b) {
    return a->weight() > b->weight();
  });
  for (auto* p : behind) {
    auto lightest = std::min_element(lanes.begin(), lanes.end(), [](const Lane& a, const Lane& b) {
      return a.weight < b.weight;
    });
    lightest->group.push_back(p);
    lightest->weight += p->weight();
  }
  for (auto& lane : lanes) lane.position = from;
  auto report = [&] {
    RebuildProgress prog{UINT64_MAX, to_position, 0, 0};
    for (const auto& lane : lanes) {
      prog.position = std::min(prog.position, lane.position.load(std::memory_order_relaxed));
      prog.events += lane.events.load(std::memory_order_relaxed);
    }
    prog.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    progress(prog);
  };
  if (progress) lanes[0].on_commit = report;
  std::vector<std::thread> threads;
  std::vector<Lane*> inline_lanes{&lanes[0]};
  for (size_t i = 1; i < lanes.size(); ++i) {
    try {
      threads.emplace_back(
          [this, &lanes, i, to_position] { lanes[i].status = fold_lane(lanes[i], to_position); });
    } catch (const std::system_error&) {  // no thread to be had: fold it here
      inline_lanes.push_back(&lanes[i]);
    }
  }
  for (auto* lane : inline_lanes) lane->status = fold_lane(*lane, to_position);
  for (auto& t : threads) t.join();
  for (const auto& lane : lanes)
    if (!lane.status.ok()) return lane.status;
  if (progress) report();
  return Status::Ok();
}

Status ProjectionEngine::catch_up() {
  std::lock_guard lock(fold_mu_);
  return fold(projections_, log_.last_position(), {});
}

Status ProjectionEngine::rebuild(const std::vector<std::string>& names,
                                 const std::function<void(const RebuildProgress&)>& progress) {
  std::lock_guard lock(fold_mu_);
  std::vector<Projection*> chosen;
  for (const auto& n : names) {
    if (n == "all") {
      chosen = projections_;
      break;
    }
    auto* p = find(n);
    if (!p) return Status::NotFound("no projection named '" + n + "'");
    chosen.push_back(p);
  }
  std::vector<std::string> prefixes;
  std::vector<ViewWrite> checkpoints;
  for (auto* p : chosen) {
    prefixes.push_back(row_prefix(p->name()));
    checkpoints.push_back({checkpoint_key(p->name()), std::nullopt});
  }
  if (auto st = views_.erase_prefixes(prefixes); !st.ok()) return st;
  if (auto st = views_.write(checkpoints); !st.ok()) return st;
  for (auto* p : chosen) {
    std::unique_lock plock(p->mutex());
    p->clear();
    p->set_checkpoint(0);
  }
  return fold(chosen, log_.last_position(), progress);
}

void ProjectionEngine::start(std::chrono::milliseconds every) {
  follower_.start(every, [this] {
    const uint64_t head = log_.last_position();
    bool behind = false;
    for (auto* p : projections_) behind = behind || p->checkpoint() < head;
    if (!behind) return;
    if (auto st = catch_up(); !st.ok())
      std::fprintf(stderr, "parley: projections: %s\n", st.to_string().c_str());
  });
}

void ProjectionEngine::wake() {
  follower_.wake();
}

void ProjectionEngine::stop() {
  follower_.stop();
}

}  // namespace parley::projections
