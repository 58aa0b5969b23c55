// The shop's sales scripts in the offline brain's mouth: where a script for
// the stage exists in the shopper's language, its phrasings replace or follow
// the built-in ones, taken in turn so a returning shopper does not hear the
// same line twice in a row. A script in another language is never translated
// or used: the built-in text in the shopper's language stays.
#include "brain/nlu_cues.hpp"
#include "brain/shop_turn.hpp"

namespace parley::brain::shop {

std::string shop_words(const Turn& t, const char* stage) {
  if (!t.knowledge) return "";
  const auto lines = t.knowledge->script_lines(stage, t.lang);
  if (lines.empty()) return "";
  // `received` counts this message: one step on per message the shopper sends.
  return lines[t.state.received % lines.size()];
}

void greet_in_shop_words(Turn& t) {
  const std::string line = shop_words(t, "greeting");
  if (line.empty())
    greet_in_voice(t);
  else
    t.reply_text(line);
}

void follow_with_shop_words(Turn& t, const char* stage) {
  const std::string line = shop_words(t, stage);
  if (!line.empty()) t.reply_text(line);
}

// "too expensive", "lo voy a pensar", "дороговато", "mahal", "mehenga hai":
// the shopper hesitates over what they looked at or chose. Answered from the
// shop's objection script; without one, over a cart, by a testimonial; else
// the turn goes on as before.
bool answer_objection(Turn& t, const Understanding& u) {
  static const nlu::Cues kObjection = {
      "expensive", "too much",   "pricey",     "costly",  "overpriced", "think about it",
      "not sure",  "caro",       "cara",       "caros",   "caras",      "lo pienso",
      "pensarlo",  "pensármelo", "дорого",     "дорогой", "дороговато", "подумаю",
      "mahal",     "kemahalan",  "pikir dulu", "mehenga", "mehngi",     "mehenge",
      "mahanga",   "महंगा",       "महंगी",       "soch ke", "sochna"};
  static const char* const kActs[] = {"add_to_cart",      "checkout",   "provide_details",
                                      "remove_from_cart", "clear_cart", "human_handoff"};
  if (!t.knowledge && !t.testimonials) return false;
  for (const char* act : kActs)
    if (u.intent == act) return false;
  const bool has_looked = !t.state.cart.empty() || !t.state.last_shown.empty();
  if (!has_looked || !nlu::has_cue(t.words, kObjection)) return false;
  const std::string line = shop_words(t, "objection");
  if (!line.empty()) return (t.reply_text(line), true);
  // Without a script of its own, a shop with testimonials lets a real
  // shopper's words answer a hesitation over a cart.
  return !t.state.cart.empty() && show_testimonials(t, false, 1);
}

}  // namespace parley::brain::shop
