// Merging two customer records from a thread that may block (HTTP): one
// command on the stream of the customer that stays, ("customer", <its key>)
// (events/stream_command.hpp). Keys that cannot be stream ids are refused
// before the log is read.
//
// The caller resolves the keys first (the orders view follows merges made
// before, projections/orders_view.hpp) and names every conversation of both
// customers; this records what the team decided, and the views fold it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/customer_merge.hpp"
#include "events/customer_merge_codec.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

class CustomerMergeCommands {
 public:
  using Outcome = events::StreamOutcome<events::customer_merge_codec::Stream>;

  CustomerMergeCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                        std::function<int64_t()> now_us);

  // Records that `from_key` is `into_key` from now on; ok without events
  // when it was merged into it before. Refused: same_customer, invalid_key,
  // invalid_conversation, too_many_conversations.
  Outcome merge(const std::string& from_key, const std::string& into_key,
                const std::vector<std::string>& conversations, const std::string& by);

 private:
  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

}  // namespace parley::actors
