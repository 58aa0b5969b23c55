// The shop's promotions and testimonials in the offline brain: "any
// discount?", "ada promo?" lists the promotions running now; a message that
// names a running code ("I have SAVE10", "kode HEMAT10") applies it to the
// cart; "reviews?", "boleh testimoni?" shows real shoppers' words, those about
// what the shopper looked at first; and a shopper who hesitates at checkout
// without an objection script of the shop's hears one testimonial.
#include <cctype>

#include "brain/nlu_cues.hpp"
#include "brain/shop_turn.hpp"

namespace parley::brain::shop {
namespace {

namespace promotion = domain::promotion;

const nlu::Cues& promo_question() {
  static const nlu::Cues kCues = {
      "discount",  "discounts",  "promo",       "promos",   "promotion", "promotions", "any offers",
      "on sale",   "coupon",     "coupons",     "deals",    "descuento", "descuentos", "oferta",
      "ofertas",   "promocion",  "promociones", "cupon",    "rebaja*",   "скидк*",     "акци*",
      "промокод*", "распродаж*", "diskon",      "potongan", "promonya",  "voucher",    "kupon",
      "chhoot",    "chhut",      "chut",        "ऑफर",      "छूट",        "डिस्काउंट"};
  return kCues;
}

const nlu::Cues& review_question() {
  static const nlu::Cues kCues = {"review",   "reviews",     "testimonial", "testimonials",
                                  "feedback", "opiniones",   "opinion",     "reseña*",
                                  "resena*",  "testimonio*", "отзыв*",      "testimoni",
                                  "ulasan",   "rating",      "रिव्यू",        "समीक्षा"};
  return kCues;
}

// Words of the message that could be a code: 3..32 letters, digits, '-' or
// '_', read from the text as typed (the NLU's tokens split "SAVE-10").
std::vector<std::string> code_candidates(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && word.size() <= 32 && out.size() < 64) out.push_back(word);
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_')
      word.push_back(static_cast<char>(std::toupper(u)));
    else
      flush();
  }
  flush();
  return out;
}

std::string describe(const promotion::Promotion& p) {
  std::string off = p.kind == promotion::Kind::percent ? std::to_string(p.percent) + "%"
                                                       : money(p.amount_cents, p.currency);
  return p.code + " (−" + off + (p.description.empty() ? "" : ": " + p.description) + ")";
}

}  // namespace

bool answer_promotions(Turn& t, const std::string& text, int64_t now_us) {
  if (!t.promotions) return false;
  // A code of a running promotion, anywhere in the message, is applied.
  for (const auto& word : code_candidates(text)) {
    const auto found = t.promotions->find(word, now_us);
    if (!found) continue;
    if (!t.apply(conv::ApplyPromo{*found})) return (t.reply(Say::promo_unknown, {word}), true);
    if (t.state.cart.empty())
      t.reply(Say::promo_saved, {describe(*found)});
    else if (promotion::discount_cents(*found, t.state.cart) == 0)
      t.reply(Say::promo_not_covered, {describe(*found)});
    else
      t.reply(Say::promo_applied, {describe(*found), total(t.state)});
    return true;
  }
  if (!nlu::has_cue(t.words, promo_question())) return false;
  const auto running = t.promotions->running(now_us);
  if (running.empty()) return false;  // the shop's documents may still say something
  std::string list;
  for (const auto& p : running) list += "\n" + describe(p);
  t.reply(Say::promos, {list});
  return true;
}

// The applied promotion, checked again when the order is placed: ended or
// past its end, it is taken off and the shopper told before confirming.
bool promo_still_valid(Turn& t, int64_t now_us) {
  if (!t.state.promo || !t.promotions) return true;
  if (t.promotions->find(t.state.promo->code, now_us)) return true;
  const std::string code = t.state.promo->code;
  t.apply(conv::RemovePromo{"expired"});
  t.reply(Say::promo_expired, {code, total(t.state)});
  return false;
}

bool show_testimonials(Turn& t, bool asked, size_t limit) {
  if (!t.testimonials) return false;
  if (asked && !nlu::has_cue(t.words, review_question())) return false;
  std::vector<std::string> skus = t.state.last_shown;
  for (const auto& l : t.state.cart) skus.push_back(l.sku);
  const auto picked = t.testimonials->pick(skus, t.lang, limit);
  if (picked.empty()) return false;
  for (const auto& w : picked) {
    PolicyReply r{"“" + w.text + "” — " + w.author, {}};
    if (!w.photo_url.empty()) r.media.push_back({w.photo_url, w.author});
    t.plan.replies.push_back(std::move(r));
  }
  return true;
}

}  // namespace parley::brain::shop
