#include "projections/projection_engine.hpp"

#include <cstdio>
#include <mutex>

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
                                   std::vector<Projection*> projections, size_t batch_events)
    : log_(log), views_(views), projections_(std::move(projections)), batch_events_(batch_events) {}

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

uint32_t ProjectionEngine::mask_of(std::string_view type) {
  auto it = masks_.find(std::string(type));
  if (it != masks_.end()) return it->second;
  uint32_t mask = 0;
  for (size_t i = 0; i < projections_.size(); ++i)
    if (projections_[i]->wants(type)) mask |= 1u << i;
  masks_.emplace(std::string(type), mask);
  return mask;
}

Status ProjectionEngine::commit(uint64_t position, std::vector<Projection*>& behind) {
  std::vector<ViewWrite> batch;
  for (auto* p : behind) {
    const auto prefix = row_prefix(p->name());
    std::vector<ViewWrite> rows;
    {
      std::unique_lock plock(p->mutex());
      p->take_changes(&rows);
    }
    for (auto& w : rows) batch.push_back({prefix + w.key, std::move(w.value)});
    batch.push_back({checkpoint_key(p->name()), encode_checkpoint(position, p->fingerprint())});
  }
  if (auto st = views_.write(batch); !st.ok()) return st;
  for (auto* p : behind) {
    p->set_checkpoint(position);
    p->published();
  }
  return Status::Ok();
}

Status ProjectionEngine::fold(uint64_t to_position,
                              const std::function<void(const RebuildProgress&)>& progress) {
  uint64_t from = UINT64_MAX;
  std::vector<Projection*> behind;
  for (auto* p : projections_)
    if (p->checkpoint() < to_position) {
      behind.push_back(p);
      from = std::min(from, p->checkpoint());
    }
  if (behind.empty()) return Status::Ok();
  const auto started = std::chrono::steady_clock::now();
  RebuildProgress prog{from, to_position, 0, 0};
  uint64_t last = from, since_commit = 0;
  Status fold_error;
  auto st = log_.scan_all(from + 1, [&](const events::RecordView& r) {
    const uint64_t pos = r.position();
    if (pos > to_position) return false;
    uint32_t mask = mask_of(r.type());
    for (size_t i = 0; i < projections_.size(); ++i)
      if ((mask & (1u << i)) && projections_[i]->checkpoint() >= pos) mask &= ~(1u << i);
    if (mask) {
      auto env = r.decode();
      if (!env) {
        fold_error = env.status();
        return false;
      }
      ProjectedEvent event(*env);
      for (size_t i = 0; i < projections_.size(); ++i) {
        if (!(mask & (1u << i))) continue;
        std::unique_lock plock(projections_[i]->mutex());
        projections_[i]->apply(event);
      }
      ++prog.events;
      applied_.fetch_add(1, std::memory_order_relaxed);
    }
    last = pos;
    if (++since_commit >= batch_events_) {
      if (auto c = commit(last, behind); !c.ok()) {
        fold_error = c;
        return false;
      }
      since_commit = 0;
      if (progress) {
        prog.position = last;
        prog.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        progress(prog);
      }
    }
    return true;
  });
  if (!st.ok()) return st;
  if (!fold_error.ok()) return fold_error;
  // Up to the head even when the tail held nothing these projections read.
  last = std::max(last, std::min(to_position, log_.last_position()));
  if (auto c = commit(last, behind); !c.ok()) return c;
  if (progress) {
    prog.position = last;
    prog.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    progress(prog);
  }
  return Status::Ok();
}

Status ProjectionEngine::catch_up() {
  std::lock_guard lock(fold_mu_);
  return fold(log_.last_position(), {});
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
  for (auto* p : chosen) {
    if (auto st = views_.erase_prefix(row_prefix(p->name())); !st.ok()) return st;
    if (auto st = views_.write({{checkpoint_key(p->name()), std::nullopt}}); !st.ok()) return st;
    std::unique_lock plock(p->mutex());
    p->clear();
    p->set_checkpoint(0);
  }
  return fold(log_.last_position(), progress);
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
