// "Forget me" in the chat (issue 21, point 4): the right to be forgotten
// asked for by the shopper, not only by an admin (POST …/forget). Asked back
// first, since it cannot be undone; only a yes as the next message erases.
#include "brain/nlu_cues.hpp"
#include "brain/shop_turn.hpp"

namespace parley::brain {

using namespace shop;

namespace {

// A request needs a verb of erasing and what is erased ("delete my data",
// "borra mis datos", "удалите мои данные", "hapus data saya", "mera data
// delete karo"), or one of the few phrases that say both ("forget me",
// "olvídame", "забудьте меня", "lupakan saya"). A verb alone is a cart
// change ("remove the red one"), never this.
const nlu::Cues kErase = {"forget",   "erase",   "delete", "remove",  "wipe",    "borra*",
                          "elimina*", "suprim*", "olvid*", "удали*",  "удалит*", "сотри*",
                          "стери*",   "забуд*",  "hapus*", "lupakan", "lupain",  "mita*",
                          "hata*",    "मिटा*",   "हटा*",   "डिलीट*"};
const nlu::Cues kWhatIsErased = {
    "my data",       "my details",       "my information",      "my info",      "my personal",
    "personal data", "my account",       "my number",           "mis datos",    "mi información",
    "mis dat*",      "datos personales", "mi cuenta",           "mi numero",    "мои данные",
    "мои личные",    "мою информацию",   "персональные данные", "мой аккаунт",  "мой номер",
    "данные",        "data saya",        "data pribadi",        "akun saya",    "nomor saya",
    "mera data",     "meri details",     "meri jankari",        "mera account", "mera number",
    "मेरा डेटा",       "मेरी जानकारी"};
const nlu::Cues kForgetMe = {"forget me",      "olvidame",     "olvidenme",   "забудьте меня",
                             "забудь меня",    "lupakan saya", "lupakan aku", "mujhe bhool jao",
                             "mujhe bhul jao", "मुझे भूल जाओ"};

bool asks_erasure(const nlu::Tokens& words) {
  return nlu::has_cue(words, kForgetMe) ||
         (nlu::has_cue(words, kErase) && nlu::has_cue(words, kWhatIsErased));
}

}  // namespace

std::optional<TurnPlan> plan_erasure(const conv::State& state, const std::string& text,
                                     const Understanding& u, int64_t now_us) {
  Turn t{};
  t.state = state;
  t.lang = state.language;
  t.words = nlu::tokenize_message(text);
  // The question was the bot's answer to the message before this one.
  const bool asked = state.erasure_asked_at != 0 && state.erasure_asked_at + 1 == state.received;
  if (asked && (u.intent == "affirm" || nlu::has_cue(t.words, nlu::cues::affirm))) {
    t.apply(conv::ForgetCustomer{"shopper", now_us});
    t.reply(Say::erased);
    return std::move(t.plan);
  }
  if (asked && (u.intent == "deny" || nlu::has_cue(t.words, nlu::cues::deny))) {
    t.reply(Say::erasure_kept);
    return std::move(t.plan);
  }
  if (!asks_erasure(t.words)) return std::nullopt;
  t.apply(conv::RequestErasure{now_us});
  t.reply(Say::erasure_confirm);
  return std::move(t.plan);
}

}  // namespace parley::brain
