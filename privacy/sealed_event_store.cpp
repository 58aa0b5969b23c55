#include "privacy/sealed_event_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "events/order_codec.hpp"
#include "privacy/personal_fields.hpp"

namespace parley::privacy {

namespace ot = events::order_codec::types;
namespace {

using events::AppendRequest;
using events::AppendResult;
using events::Expected;
using events::Status;

constexpr std::string_view kSealedSnapshot = "pii:1:snapshot:";
constexpr size_t kMaxCachedOrders = 100000;

// Streams whose state holds what a customer gave: never snapshotted in the clear.
bool customer_stream(const events::StreamId& s) {
  return s.type == "conversation" || s.type == "lead";
}

bool any_personal(const std::vector<events::NewEvent>& events) {
  for (const auto& e : events)
    if (!personal_fields(e.type).empty()) return true;
  return false;
}

bool any_personal(const AppendRequest& r) {
  if (any_personal(r.events)) return true;
  for (const auto& l : r.linked)
    if (any_personal(l.events)) return true;
  return false;
}

}  // namespace

Status SealedEventStore::seal_events(const std::string& owner,
                                     std::vector<events::NewEvent>* events) {
  std::optional<CustomerKey> key;
  for (auto& e : *events) {
    if (personal_fields(e.type).empty()) continue;
    if (!key) {
      auto k = keys_.key_for(owner);
      if (!k) return k.status();
      key = std::move(*k);
    }
    auto sealed = seal_payload(e.type, e.payload, [&](std::string_view plaintext) {
      return Expected<std::string>(CustomerKeys::seal(*key, plaintext));
    });
    if (!sealed) return sealed.status();
    e.payload = std::move(*sealed);
  }
  return Status::Ok();
}

// The plaintext of what a batch wrote, for readers close behind the log:
// each request's own events, and linked events whose seq is known (one
// appended at any seq is left to the store).
void SealedEventStore::keep_recent(uint64_t generation, const std::vector<AppendRequest>& requests,
                                   const std::vector<AppendResult>& results) {
  std::vector<std::pair<uint64_t, events::RecentRecords::Bytes>> records;
  for (size_t i = 0; i < requests.size() && i < results.size(); ++i) {
    const auto& r = requests[i];
    const auto& res = results[i];
    if (!res.status.ok() || res.first_position == 0) continue;
    uint64_t position = res.first_position;
    for (size_t k = 0; k < r.events.size(); ++k, ++position)
      records.emplace_back(position, std::make_shared<const std::string>(events::encode_record(
                                         r.stream, res.first_seq + k, r.events[k])));
    for (const auto& l : r.linked) {
      for (size_t k = 0; k < l.events.size(); ++k, ++position)
        if (l.expected_seq != events::kAnySeq)
          records.emplace_back(position, std::make_shared<const std::string>(events::encode_record(
                                             l.stream, l.expected_seq + 1 + k, l.events[k])));
    }
  }
  recent_.put(generation, std::move(records));
}

std::vector<AppendResult> SealedEventStore::append_batch(
    const std::vector<AppendRequest>& requests) {
  const uint64_t generation = recent_.generation();
  bool personal = false;
  for (const auto& r : requests) personal = personal || any_personal(r);
  if (!personal) {
    auto results = inner_.append_batch(requests);
    keep_recent(generation, requests, results);
    return results;
  }

  // Requests whose sealing failed are answered with that error and left out;
  // the others are appended together, as they came.
  std::vector<AppendResult> results(requests.size());
  std::vector<AppendRequest> sealed;
  std::vector<size_t> index;
  sealed.reserve(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    AppendRequest r = requests[i];
    if (any_personal(r)) {
      auto owner = owner_of(r.stream);
      Status st = owner.status();
      if (st.ok()) st = seal_events(*owner, &r.events);
      for (auto& l : r.linked)
        if (st.ok()) st = seal_events(*owner, &l.events);
      if (!st.ok()) {
        results[i] = AppendResult::failure(Status::IoError("not sealed: " + st.to_string()));
        continue;
      }
    }
    sealed.push_back(std::move(r));
    index.push_back(i);
  }
  auto appended = inner_.append_batch(sealed);
  for (size_t k = 0; k < appended.size() && k < index.size(); ++k)
    results[index[k]] = std::move(appended[k]);
  keep_recent(generation, requests, results);
  return results;
}

Expected<std::string> SealedEventStore::owner_of(const events::StreamId& stream) {
  if (stream.type != "order") return stream.to_string();
  {
    std::lock_guard lock(owners_mu_);
    if (auto it = order_owners_.find(stream.id); it != order_owners_.end()) return it->second;
  }
  std::vector<events::EventEnvelope> first;
  if (auto st = inner_.read_stream(stream, 1, 1, &first); !st.ok()) return st;
  // No order.placed yet: the placing conversation's append links it, and owns it.
  if (first.empty() || first[0].type != ot::kPlaced) return stream.to_string();
  const auto placed = nlohmann::json::parse(first[0].payload, nullptr, false);
  const auto* conversation = placed.is_object() && placed.contains("conversation_id")
                                 ? &placed["conversation_id"]
                                 : nullptr;
  if (!conversation || !conversation->is_string() || conversation->get<std::string>().empty())
    return stream.to_string();
  std::string owner = "conversation/" + conversation->get<std::string>();
  std::lock_guard lock(owners_mu_);
  if (order_owners_.size() >= kMaxCachedOrders) order_owners_.clear();
  order_owners_[stream.id] = owner;
  return owner;
}

Expected<std::string> SealedEventStore::open(std::string_view event_type,
                                             std::string_view payload) {
  Status failed = Status::Ok();
  std::string out =
      open_payload(event_type, payload, [&](std::string_view id, std::string_view box) {
        Opened o;
        auto key = keys_.key_by_id(std::string(id));
        if (!key.ok()) {
          failed = Status::IoError("cannot read customer key " + std::string(id) + ": " +
                                   key.status().to_string());
          o.state = Opened::State::unreadable;
          return o;
        }
        if (!*key) {
          o.state = Opened::State::erased;
          return o;
        }
        auto text = CustomerKeys::open_box(**key, box);
        if (!text) {
          o.state = Opened::State::unreadable;
          return o;
        }
        o.plaintext = std::move(*text);
        return o;
      });
  if (!failed.ok()) return failed;
  return out;
}

Status SealedEventStore::read_stream(const events::StreamId& stream, uint64_t from_seq,
                                     size_t max_count, std::vector<events::EventEnvelope>* out) {
  const size_t before = out->size();
  auto st = inner_.read_stream(stream, from_seq, max_count, out);
  for (size_t i = before; st.ok() && i < out->size(); ++i) {
    if (!has_sealed_members((*out)[i].payload)) continue;
    auto opened = open((*out)[i].type, (*out)[i].payload);
    if (!opened) {
      out->resize(before);
      return opened.status();
    }
    (*out)[i].payload = std::move(*opened);
  }
  return st;
}

// Opening is left to RecordView::decode(): a follower that skips a record by
// its type never pays for it (six followers each decoded and opened every
// sealed record before: the chat benchmark fell from about 5,200 to 2,900
// requests/s).
Status SealedEventStore::scan_all(uint64_t from_position, const Visitor& visit) {
  const events::RecordView::PayloadFilter filter = [this](std::string_view type,
                                                          std::string* payload) {
    if (!has_sealed_members(*payload)) return Status::Ok();
    auto opened = open(type, *payload);
    if (!opened) return opened.status();
    *payload = std::move(*opened);
    return Status::Ok();
  };
  // Kept records first; the store for what is not kept, up to the next one
  // that is.
  uint64_t next = std::max<uint64_t>(from_position, 1);
  std::vector<std::pair<uint64_t, events::RecentRecords::Bytes>> run;
  for (;;) {
    run.clear();
    recent_.run(next, 256, &run);
    for (const auto& [position, bytes] : run) {
      if (!visit(events::RecordView(position, *bytes))) return Status::Ok();
      next = position + 1;
    }
    if (!run.empty()) continue;
    if (next > inner_.last_position()) return Status::Ok();
    bool stopped = false, reached_kept = false;
    auto st = inner_.scan_all(next, [&](const events::RecordView& r) {
      if (recent_.has(r.position())) {
        reached_kept = true;
        return false;
      }
      next = r.position() + 1;
      if (visit(events::RecordView(r.position(), r.bytes(), &filter))) return true;
      stopped = true;
      return false;
    });
    if (!st.ok() || stopped || !reached_kept) return st;
  }
}

Status SealedEventStore::save_snapshot(const events::StreamId& stream,
                                       const events::Snapshot& snapshot) {
  auto key = keys_.existing_key_for(stream.to_string());
  if (!key) return key.status();
  if (!*key) {
    // A snapshot is only a shortcut: without a key it is not taken at all.
    if (customer_stream(stream)) return Status::Ok();
    return inner_.save_snapshot(stream, snapshot);
  }
  events::Snapshot sealed = snapshot;
  sealed.state = std::string(kSealedSnapshot) + CustomerKeys::seal(**key, snapshot.state);
  return inner_.save_snapshot(stream, sealed);
}

Expected<events::Snapshot> SealedEventStore::load_snapshot(const events::StreamId& stream) {
  auto snap = inner_.load_snapshot(stream);
  if (!snap || snap->state.compare(0, kSealedSnapshot.size(), kSealedSnapshot) != 0) return snap;
  const std::string_view rest = std::string_view(snap->state).substr(kSealedSnapshot.size());
  const size_t colon = rest.find(':');
  if (colon == std::string_view::npos)
    return Status::NotFound("unreadable snapshot of " + stream.to_string());
  auto key = keys_.key_by_id(std::string(rest.substr(0, colon)));
  if (!key) return key.status();
  if (!*key) return Status::NotFound("the snapshot of " + stream.to_string() + " was erased");
  auto state = CustomerKeys::open_box(**key, rest.substr(colon + 1));
  if (!state) return Status::NotFound("unreadable snapshot of " + stream.to_string());
  snap->state = std::move(*state);
  return snap;
}

}  // namespace parley::privacy
