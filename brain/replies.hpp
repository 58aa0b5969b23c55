// Reply templates per language (en, es, ru, id, hi as Hinglish). A template's
// {0}, {1} … are filled with the arguments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/shop.hpp"

namespace parley::brain {

enum class Say {
  greet,
  greet_named,  // {0} the persona's name
  greet_formal,
  greet_named_formal,
  thanks_formal,
  goodbye_formal,
  found,
  found_hint,
  none_found,
  which_one,
  out_of_stock,
  only_left,
  cart_currency,
  cart_full,
  sold_out_now,
  only_left_now,
  size_unavailable,
  color_unavailable,
  added,
  removed,
  quantity_changed,
  cart,
  cart_empty,
  cleared,
  not_in_cart,
  which_line,         // {0} the cart lines that fit, numbered
  categories,         // {0} the departments and their categories, one line each
  no_more,            // {0} the search: nothing after what was shown
  clarify,            // {0} one reading of the message, {1} another: which was meant
  no_such_order,      // {0} an order id this conversation did not place
  cancelling,         // {0} the unpaid order being cancelled
  cancel_to_team,     // {0} the paid order the team is asked to cancel
  already_cancelled,  // {0} the order
  erasure_confirm,    // the shopper asked to be forgotten: yes or no?
  erased,             // they said yes: done
  erasure_kept,       // they said no, or something else: nothing erased
  ask_quantity,       // {0} the line whose quantity is to change
  ask_size,
  ask_color,
  ask_details,
  confirm,
  confirm_saved,
  placed,
  cancelled,
  order_status,
  no_orders,
  payment,
  handoff,
  thanks,
  goodbye,
  out_of_scope,
  knowledge_quote,    // {0} the passage, {1} the document it is from
  past_orders,        // {0} the shopper's last orders, one per line
  reordered,          // {0} the order repeated, {1} the cart's lines, {2} its total
  reorder_missing,    // {0} the lines of it no longer to be had
  reorder_nothing,    // {0} the order: nothing of it can be had today
  welcome_back,       // {0} the lines of the shopper's last order
  bought_together,    // {0} a product others bought with the one just added, {1} its price
  promos,             // {0} the promotions running now, one per line
  promo_applied,      // {0} the promotion, {1} the cart's total with it
  promo_saved,        // {0} the promotion, kept for a cart still empty
  promo_not_covered,  // {0} the promotion: nothing in the cart is covered by it
  promo_unknown,      // {0} a code no running promotion has
  promo_expired,      // {0} the code that ended, {1} the cart's total without it
  ok,
  info,
  in_stock,
  sold_out,
  field_name,
  field_phone,
  field_email,
  field_address,
  field_city,
  and_word,
  unknown_command,
  got_photo,       // an image without a caption
  got_voice,       // a voice note
  got_location,    // a shared location
  unsupported,     // a sticker, a contact, a document …
  slow_down,       // the shopper writes faster than the rate limit
  busy,            // the shop as a whole is over its inbound limit
  human_mode,      // (to a manager) a shopper wrote while a person has the conversation
  nudge_cart,      // a quiet shopper with a cart: {0} what is in it
  nudge_browsing,  // a quiet shopper who looked but has no cart
  nudge_last,      // the second and last nudge
  // To a manager, answering "/handoff on|off|status <phone>" ({0} the conversation):
  handoff_usage,
  handoff_no_conversation,
  handoff_failed,       // {1} why
  handoff_bot_answers,  // status: the bot has it
  handoff_human_since,  // status: {1} since when (UTC), {2} who switched it
  handoff_on,
  handoff_off,
  // To a manager relaying an answer ({0} the conversation):
  relay_usage,
  relay_sent,
  relay_failed,  // {1} why
  // To the managers: {0} the conversation, {1} what the shopper wrote.
  handoff_alert,  // the shopper asks for a person
  cancel_alert    // {2} a paid order, {3} its status: the shopper asks to cancel it
};

std::string say(const std::string& language, Say key, const std::vector<std::string>& args = {});
// The column of a five-language table (en, es, ru, id, hi) for `language`;
// English for any other.
size_t language_column(const std::string& language);
// `text` with each {0}, {1} … replaced by that argument, in one pass: an
// argument is never searched again, so one containing "{1}" stays as written.
// A placeholder without an argument stays as it is.
std::string fill(std::string_view text, const std::vector<std::string>& args);
// A sentence for the team, said in the team's language (PARLEY_TEAM_LANGUAGE)
// by whoever sends it: the brain decides what, not in which words.
struct TeamAlert {
  Say key;
  std::vector<std::string> args;
  std::string in(const std::string& language) const { return say(language, key, args); }
};
// What a shopper's intent asks for, as a clause: "add it to your cart",
// "añadirlo al carrito"; "" for intents that are not a request.
std::string intent_phrase(const std::string& language, const std::string& intent);
// The nudge for a quiet shopper: `number` 1 or 2, mentioning the cart.
std::string nudge_text(const std::string& language, uint32_t number,
                       const std::vector<domain::CartLine>& cart);
// "€129.00" for EUR, else "129.00 XYZ".
std::string money(int64_t cents, const std::string& currency);

}  // namespace parley::brain
