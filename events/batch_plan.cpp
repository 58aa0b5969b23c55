#include "events/batch_plan.hpp"

#include <algorithm>

#include "events/keys.hpp"

namespace parley::events {
namespace {

Status validate_request(const AppendRequest& r) {
  if (auto st = keys::validate_stream(r.stream); !st.ok()) return st;
  if (r.events.empty()) return Status::InvalidArgument("append without events");
  for (const auto& e : r.events) {
    if (e.type.empty() || e.type.size() > kMaxEventTypeBytes)
      return Status::InvalidArgument("event type must be 1.." + std::to_string(kMaxEventTypeBytes) +
                                     " bytes");
    if (e.timestamp_us < 0) return Status::InvalidArgument("negative event timestamp");
  }
  if (r.dedupe && r.dedupe->key.empty()) return Status::InvalidArgument("empty dedupe key");
  return Status::Ok();
}

}  // namespace

std::vector<AppendResult> plan_batch(const std::vector<AppendRequest>& requests,
                                     uint64_t last_position, const PlanLookups& lookups,
                                     PlannedWrite* plan) {
  std::vector<AppendResult> results(requests.size());
  std::unordered_map<std::string, std::string> claimed;  // dedupe keys of this batch
  uint64_t position = last_position;

  for (size_t i = 0; i < requests.size(); ++i) {
    const AppendRequest& req = requests[i];
    AppendResult& res = results[i];
    if (auto st = validate_request(req); !st.ok()) {
      res.status = st;
      continue;
    }
    if (req.dedupe) {
      if (auto it = claimed.find(req.dedupe->key); it != claimed.end()) {
        res.status = Status::Duplicate(req.dedupe->key);
        res.duplicate_outcome = it->second;
        continue;
      }
      auto prior = lookups.dedupe(req.dedupe->key);
      if (prior.ok()) {
        res.status = Status::Duplicate(req.dedupe->key);
        res.duplicate_outcome = std::move(prior).value();
        continue;
      }
      if (!prior.status().is_not_found()) {
        res.status = prior.status();
        continue;
      }
    }
    // Plan the request's own stream and then its linked streams; commit the
    // plan only if every part is valid. The request's heads and events are
    // kept apart (small) and merged on success; the batch's are never copied.
    std::vector<std::pair<std::string, uint64_t>> heads;  // prefix -> head, this request
    std::vector<PlannedWrite::Event> planned;
    uint64_t pos = position;
    auto plan_stream = [&](const StreamId& stream, uint64_t expected,
                           const std::vector<NewEvent>& evs, uint64_t* first_seq,
                           uint64_t* last_seq) -> Status {
      if (auto st = keys::validate_stream(stream); !st.ok()) return st;
      if (evs.empty()) return Status::InvalidArgument("append without events");
      std::string prefix = keys::stream_prefix(stream);
      uint64_t head = 0;
      auto mine = std::find_if(heads.begin(), heads.end(),
                               [&](const auto& h) { return h.first == prefix; });
      if (mine != heads.end()) {
        head = mine->second;
      } else if (auto it = plan->new_heads.find(prefix); it != plan->new_heads.end()) {
        head = it->second;
      } else {
        auto h = lookups.head(prefix, stream);
        if (!h) return h.status();
        head = *h;
      }
      if (expected != kAnySeq && expected != head) {
        res.stream_head = head;
        return Status::Conflict("stream " + stream.to_string() + " is at seq " +
                                std::to_string(head) + ", expected " + std::to_string(expected));
      }
      *first_seq = head + 1;
      for (const auto& e : evs) {
        ++head;
        ++pos;
        planned.push_back(
            {keys::stream_key_from_prefix(prefix, head), pos, encode_record(stream, head, e)});
      }
      *last_seq = head;
      if (mine != heads.end())
        mine->second = head;
      else
        heads.emplace_back(std::move(prefix), head);
      return Status::Ok();
    };
    uint64_t first_seq = 0, last_seq = 0, ignored_first = 0, ignored_last = 0;
    Status st = plan_stream(req.stream, req.expected_seq, req.events, &first_seq, &last_seq);
    for (size_t k = 0; st.ok() && k < req.linked.size(); ++k) {
      const auto& l = req.linked[k];
      for (const auto& e : l.events)
        if (e.type.empty() || e.type.size() > kMaxEventTypeBytes || e.timestamp_us < 0)
          st = Status::InvalidArgument("invalid linked event");
      if (st.ok())
        st = plan_stream(l.stream, l.expected_seq, l.events, &ignored_first, &ignored_last);
    }
    if (!st.ok()) {
      res.status = st;
      continue;
    }
    const uint64_t head = last_seq;
    res.first_seq = first_seq;
    res.first_position = position + 1;
    for (auto& e : planned) plan->events.push_back(std::move(e));
    for (auto& [k, v] : heads) plan->new_heads[std::move(k)] = v;
    position = pos;
    res.last_seq = head;
    res.last_position = position;
    res.stream_head = head;
    if (req.dedupe) {
      claimed.emplace(req.dedupe->key, req.dedupe->outcome);
      plan->dedupe.emplace_back(req.dedupe->key, req.dedupe->outcome);
    }
  }
  plan->last_position = position;
  return results;
}

}  // namespace parley::events
