#include "actors/testimonial_commands.hpp"

namespace parley::actors {

namespace testimonial = domain::testimonial;
using Kind = events::testimonial_codec::Stream;

bool valid_testimonial_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

TestimonialCommands::TestimonialCommands(events::EventStore& store,
                                         events::GroupCommitWriter& writer,
                                         std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

TestimonialCommands::Outcome TestimonialCommands::save(const testimonial::Testimonial& t,
                                                       const std::string& by, bool* created) {
  // Its own rules first: a bad id is no stream to read.
  if (auto e = testimonial::validate(t)) {
    Outcome out;
    out.refused = *e;
    out.message = testimonial::to_string(*e);
    return out;
  }
  const testimonial::Save command{t, by, now_us_()};
  bool fresh = false;
  events::StreamCommand<Kind> c;
  c.decide = [&](const events::LoadedStream<Kind>& loaded, events::AppendRequest*) {
    fresh = !loaded.state.exists;  // decided again on a retry: the last load's answer
    return testimonial::decide(loaded.state, command);
  };
  auto out = events::run_stream_command(store_, writer_, t.id, c);
  if (created) *created = out.ok && fresh;
  return out;
}

TestimonialCommands::Outcome TestimonialCommands::remove(const std::string& id,
                                                         const std::string& by) {
  if (!valid_testimonial_id(id)) {
    Outcome out;
    out.refused = testimonial::Error::not_found;
    out.message = "no testimonial '" + id + "'";
    return out;
  }
  auto out = events::run_command<Kind>(store_, writer_, id, testimonial::Remove{by, now_us_()});
  if (out.refused_with(testimonial::Error::not_found)) out.message = "no testimonial '" + id + "'";
  return out;
}

}  // namespace parley::actors
