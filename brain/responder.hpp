// The reply policy of the conversation. Until the understanding layer (issue
// "Brain") lands, every inbound message gets an acknowledgement in the
// shopper's channel; the reply is a real outbound message in the log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/conversation.hpp"

namespace parley::brain {

struct ReplyDraft {
  std::string text;
};

// Decides the replies to `inbound`, given the conversation state that already
// includes it. Pure.
using Responder = std::function<std::vector<ReplyDraft>(
    const domain::conversation::State&, const domain::conversation::MessageReceived&)>;

std::vector<ReplyDraft> acknowledge(const domain::conversation::State& state,
                                    const domain::conversation::MessageReceived& inbound);

}  // namespace parley::brain
