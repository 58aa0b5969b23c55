#include "actors/promotion_commands.hpp"

namespace parley::actors {

namespace promotion = domain::promotion;
using Kind = events::promotion_codec::Stream;

namespace {

PromotionCommands::Outcome refused(promotion::Error e, std::string message) {
  PromotionCommands::Outcome out;
  out.refused = e;
  out.message = std::move(message);
  return out;
}

}  // namespace

PromotionCommands::PromotionCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                                     std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

PromotionCommands::Outcome PromotionCommands::run(const std::string& code,
                                                  const promotion::Command& command) {
  events::StreamCommand<Kind> c;
  c.decide = [&](const events::LoadedStream<Kind>& loaded, events::AppendRequest*) {
    return promotion::decide(loaded.state, command);
  };
  auto out = events::run_stream_command(store_, writer_, code, c);
  if (out.refused_with(promotion::Error::not_found))
    out.message = "no promotion " + code;
  else if (out.refused)
    out.message = "invalid promotion: " + out.error_code();
  return out;
}

PromotionCommands::Outcome PromotionCommands::save(const promotion::Promotion& p,
                                                   const std::string& by) {
  // Its own rules first: a bad code is never a stream id, not even to read.
  const promotion::Promotion normal = promotion::normalize(p);
  if (auto e = promotion::validate(normal))
    return refused(*e, std::string("invalid promotion: ") + promotion::to_string(*e));
  return run(normal.code, promotion::Save{normal, by, now_us_()});
}

PromotionCommands::Outcome PromotionCommands::end(const std::string& code, const std::string& by) {
  promotion::Promotion key;
  key.code = code;
  key = promotion::normalize(std::move(key));  // the stream id: upper case, trimmed
  // validate() reads the code first: no promotion can have one that breaks it.
  if (promotion::validate(key) == promotion::Error::invalid_code)
    return refused(promotion::Error::not_found, "no promotion " + key.code);
  return run(key.code, promotion::End{by, now_us_()});
}

}  // namespace parley::actors
