#include "events/batch_plan.hpp"

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
    std::string prefix = keys::stream_prefix(req.stream);
    uint64_t head = 0;
    if (auto it = plan->new_heads.find(prefix); it != plan->new_heads.end()) {
      head = it->second;
    } else {
      auto h = lookups.head(prefix, req.stream);
      if (!h) {
        res.status = h.status();
        continue;
      }
      head = *h;
    }
    if (req.expected_seq != kAnySeq && req.expected_seq != head) {
      res.status =
          Status::Conflict("stream " + req.stream.to_string() + " is at seq " +
                           std::to_string(head) + ", expected " + std::to_string(req.expected_seq));
      res.stream_head = head;
      continue;
    }
    res.first_seq = head + 1;
    res.first_position = position + 1;
    for (const auto& e : req.events) {
      ++head;
      ++position;
      plan->events.push_back({keys::stream_key_from_prefix(prefix, head), position,
                              encode_record(req.stream, head, e)});
    }
    res.last_seq = head;
    res.last_position = position;
    res.stream_head = head;
    plan->new_heads[prefix] = head;
    if (req.dedupe) {
      claimed.emplace(req.dedupe->key, req.dedupe->outcome);
      plan->dedupe.emplace_back(req.dedupe->key, req.dedupe->outcome);
    }
  }
  plan->last_position = position;
  return results;
}

}  // namespace parley::events
