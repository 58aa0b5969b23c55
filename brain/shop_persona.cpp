// The shop's persona in the offline brain's mouth (domain/persona.hpp): the
// greeting names it, the formal tone greets, thanks and says goodbye in the
// formal register (usted, Bapak/Ibu, ji), and its sign-off closes a goodbye,
// a thanks and a placed order. Other sentences keep the built-in wording in
// both tones. A model answering the turn speaks in its own prompt's voice.
#include "brain/shop_turn.hpp"

namespace parley::brain::shop {

namespace {

bool formal(const Turn& t) {
  return t.persona && t.persona->tone == domain::persona::Tone::formal;
}

}  // namespace

void greet_in_voice(Turn& t) {
  const bool named = t.persona && !t.persona->name.empty();
  if (named)
    t.reply(formal(t) ? Say::greet_named_formal : Say::greet_named, {t.persona->name});
  else
    t.reply(formal(t) ? Say::greet_formal : Say::greet);
}

void answer_in_voice(Turn& t, Say key) {
  if (formal(t) && key == Say::thanks) key = Say::thanks_formal;
  if (formal(t) && key == Say::goodbye) key = Say::goodbye_formal;
  t.reply(key);
}

void sign_off(Turn& t, const std::string& intent) {
  if (!t.persona || t.persona->sign_off.empty() || t.plan.replies.empty()) return;
  if (intent != "thanks" && intent != "goodbye" && !t.plan.order) return;
  t.plan.replies.back().text += "\n\n" + t.persona->sign_off;
}

}  // namespace parley::brain::shop
