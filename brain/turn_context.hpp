// What a message means in its conversation: understanding reads one message
// alone; the conversation's state settles what the words leave open. Pure:
//   a cart change of a list item with an empty cart   -> add it ("tambahin 2
//                                                        yang pertama" after a list)
//   a question about "one" with nothing shown, no SKU   -> a search for it
// Each rule only moves between intents the model itself found plausible
// (its best or its runner-up) or toward the one action the state allows.
#pragma once

#include "brain/nlu.hpp"
#include "domain/conversation.hpp"

namespace parley::brain {

Understanding in_context(Understanding u, const domain::conversation::State& state);

}  // namespace parley::brain
