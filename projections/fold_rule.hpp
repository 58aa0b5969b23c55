// The one rule for an event a view cannot fold, shared by the projection
// engine (persisted views) and every LogFollower (in-memory views, workers):
//   - the fold says Corruption, or throws: the event can never be folded;
//     it is logged and skipped, the same way on every rebuild, so one bad
//     event cannot stall a view forever;
//   - any other error (an I/O error, a store that is not ready): the fold
//     stops at that event, to be tried again on the next catch-up.
// An event whose record does not decode stops the fold too (the callers
// check that before folding).
#pragma once

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>

#include "events/status.hpp"

namespace parley::projections {

enum class Folded : uint8_t { applied, skipped, stop };

// Runs `fold` (returning events::Status) for the event at `position` of
// `type`, on behalf of the view `who`, and applies the rule above. On stop,
// `*error` says why.
template <class Fold>
Folded fold_event(std::string_view who, uint64_t position, std::string_view type, Fold&& fold,
                  events::Status* error) {
  events::Status status = events::Status::Ok();
  try {
    status = fold();
  } catch (const std::exception& ex) {
    status = events::Status::Corruption(ex.what());
  }
  if (status.ok()) return Folded::applied;
  if (status.code() == events::StoreErrc::corruption) {
    std::fprintf(stderr, "parley: %.*s skipped event %llu (%.*s): %s\n",
                 static_cast<int>(who.size()), who.data(),
                 static_cast<unsigned long long>(position), static_cast<int>(type.size()),
                 type.data(), status.to_string().c_str());
    return Folded::skipped;
  }
  *error = status;
  return Folded::stop;
}

}  // namespace parley::projections
