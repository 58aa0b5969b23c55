// What a message means in its conversation: understanding reads one message
// alone; the conversation's state settles what the words leave open. Pure:
//   a cart change of a list item with an empty cart   -> add it ("tambahin 2
//                                                        yang pertama" after a list)
//   a question about "one" with nothing shown, no SKU   -> a search for it
//   a greeting or thanks around product words, an unsure
//   yes/no/bye, or a sales-team command, naming products -> a search
//   a sales-team command in a shopper's chat              -> the model's second
//                                                        reading, a shopper's one
//   a SKU with an amount ("I need 10 pcs of HW-SCR-014",
//   "una docena de HW-SCR-014")                         -> add it, unless it is
//                                                        in the cart to change
// Each rule moves toward the one action the state allows.
#pragma once

#include <string>

#include "brain/nlu.hpp"
#include "domain/conversation.hpp"

namespace parley::brain {

Understanding in_context(Understanding u, const domain::conversation::State& state,
                         const std::string& text);

}  // namespace parley::brain
