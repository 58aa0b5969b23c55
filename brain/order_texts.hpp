// What the shopper reads about an order after it is placed, in their
// language (en, es, ru, id, hi as Hinglish): the notice sent when its status
// changes, and the answer to "where is my order".
#pragma once

#include <string>

#include "domain/conversation.hpp"

namespace parley::brain {

// "awaiting payment", "pagado", "отправлен" …; the status itself if unknown.
std::string order_status_word(const std::string& language, const std::string& status);
// The message sent when the order's status changes to `note.status`.
std::string order_notice(const std::string& language, const std::string& order_id,
                         const domain::conversation::OrderNote& note, const std::string& amount);
// "Order X: paid. Total €12.00." plus how to pay, or the tracking number.
std::string order_status_reply(const std::string& language, const std::string& order_id,
                               const domain::conversation::OrderNote& note,
                               const std::string& amount);
// How to pay for an order still awaiting payment ("" when there is nothing to say).
std::string payment_reply(const std::string& language, const std::string& order_id,
                          const domain::conversation::OrderNote& note, const std::string& amount);

}  // namespace parley::brain
