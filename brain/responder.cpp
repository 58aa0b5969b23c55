#include "brain/responder.hpp"

namespace parley::brain {

std::vector<ReplyDraft> acknowledge(const domain::conversation::State& state,
                                    const domain::conversation::MessageReceived& inbound) {
  if (state.received == 1)
    return {{"Hello! Thanks for your message. A shop assistant will reply here shortly."}};
  return {{"Got it, thanks. A shop assistant will reply here shortly."}};
}

}  // namespace parley::brain
