// Saving and removing the shop's testimonials from a thread that may block
// (HTTP, the command line). One command on one stream
// (events/stream_command.hpp); a testimonial that breaks one of its rules is
// refused before the log is read.
#pragma once

#include <functional>
#include <string>

#include "domain/testimonial.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/stream_command.hpp"
#include "events/testimonial_codec.hpp"

namespace parley::actors {

class TestimonialCommands {
 public:
  using Outcome = events::StreamOutcome<events::testimonial_codec::Stream>;

  TestimonialCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                      std::function<int64_t()> now_us);

  // Saves `t` under t.id. `created` (optional) is set when none was live
  // under the id, as decided on the stream the append expected: a new one,
  // or one saved again after it was removed.
  Outcome save(const domain::testimonial::Testimonial& t, const std::string& by,
               bool* created = nullptr);
  Outcome remove(const std::string& id, const std::string& by);

 private:
  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

// A testimonial id: 1..64 of [a-z0-9._-], so it reads well in a URL.
bool valid_testimonial_id(const std::string& id);

}  // namespace parley::actors
