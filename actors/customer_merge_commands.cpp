#include "actors/customer_merge_commands.hpp"

namespace parley::actors {

namespace customer_merge = domain::customer_merge;
using Kind = events::customer_merge_codec::Stream;

CustomerMergeCommands::CustomerMergeCommands(events::EventStore& store,
                                             events::GroupCommitWriter& writer,
                                             std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

CustomerMergeCommands::Outcome CustomerMergeCommands::merge(
    const std::string& from_key, const std::string& into_key,
    const std::vector<std::string>& conversations, const std::string& by) {
  const customer_merge::Merge command{from_key, into_key, conversations, by, now_us_()};
  // The decider's own checks first: a bad key is never a stream id, not even to read.
  auto checked = customer_merge::decide(Kind::initial(into_key), command);
  if (!checked) {
    Outcome out;
    out.refused = checked.error();
    out.message = std::string("cannot merge: ") + customer_merge::to_string(checked.error());
    return out;
  }
  auto out = events::run_command<Kind>(store_, writer_, into_key, command);
  if (out.refused)
    out.message = std::string("cannot merge: ") + customer_merge::to_string(*out.refused);
  return out;
}

}  // namespace parley::actors
