// The one scan of the global log that every projection runs: the projection
// engine's lanes (persisted views) and each LogFollower (in-memory views, the
// outbox feed, the order worker). Records after `after`, in log order, up to
// `to` (0: to the end):
//   interest(position, type)   reads only the record's header; non-zero
//                              means wanted (the engine's lanes return a mask)
//   fold(position, envelope, interest)
//                              for a wanted record, decoded once; false stops
//   passed(position)           after every record, wanted or not; false stops
// A record that does not decode stops the scan with its status, to be read
// again on the next catch-up; what a failing fold does is fold_rule.hpp's.
#pragma once

#include <cstdint>

#include "events/event_store.hpp"

namespace parley::projections {

template <class Interest, class Fold, class Passed>
events::Status scan_log(events::EventStore& log, uint64_t after, uint64_t to, Interest&& interest,
                        Fold&& fold, Passed&& passed) {
  events::Status undecodable = events::Status::Ok();
  auto st = log.scan_all(after + 1, [&](const events::RecordView& r) {
    const uint64_t position = r.position();
    if (to != 0 && position > to) return false;
    if (const auto wanted = interest(position, r.type())) {
      auto env = r.decode();
      if (!env) {
        undecodable = env.status();
        return false;
      }
      if (!fold(position, *env, wanted)) return false;
    }
    return passed(position);
  });
  return st.ok() ? undecodable : st;
}

}  // namespace parley::projections
