// The sales policy's internals, shared by brain/shop_*.cpp: the turn being
// planned and the actions it is built from. Not for other layers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "brain/details_extraction.hpp"
#include "brain/nlu_tokens.hpp"
#include "brain/order_history.hpp"
#include "brain/promotions.hpp"
#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "brain/testimonials.hpp"

namespace parley::brain::shop {

namespace conv = domain::conversation;

inline constexpr size_t kShown = 5;  // products listed per search

// Applies commands through the pure decider and keeps the result.
struct Turn {
  conv::State state;
  TurnPlan plan;
  std::string lang;
  std::optional<conv::Error> refused;  // why the last apply() failed
  // A model's words for this message's search (search_rewrite.hpp), tried
  // when a search for the message itself finds nothing; nullptr: none.
  const SearchRewrite* rewrite = nullptr;
  // The shop's documents: quoted for questions, and its sales scripts'
  // phrasings (brain/shop_scripts.cpp); nullptr: none.
  const Knowledge* knowledge = nullptr;
  // The shopper's past orders and what sells together (brain/shop_history.cpp);
  // nullptr: none known.
  const OrderHistory* history = nullptr;
  // The shop's promotions and testimonials (brain/shop_promotions.cpp); nullptr: none.
  const Promotions* promotions = nullptr;
  const Testimonials* testimonials = nullptr;
  // The shop's persona in this conversation's language; nullptr: the built-in voice.
  const domain::persona::Persona* persona = nullptr;
  // The extractor model's reading of this message's details; nullptr: none asked.
  const DetailsExtraction* extracted = nullptr;
  // The message's words, read once per turn for every cue check below.
  nlu::Tokens words = {};

  bool apply(const conv::Command& c) {
    auto r = conv::decide(state, c);
    if (!r) {
      refused = r.error();
      return false;
    }
    for (auto& e : r.value()) {
      state = conv::evolve(std::move(state), e);
      plan.events.push_back(std::move(e));
    }
    return true;
  }
  void reply(Say key, const std::vector<std::string>& args = {}) {
    plan.replies.push_back({say(lang, key, args), {}});
  }
  void reply_text(std::string text) { plan.replies.push_back({std::move(text), {}}); }
  void stage(domain::Stage s) { apply(conv::SetStage{s}); }
};

std::string join(const std::vector<std::string>& v, const std::string& sep);
std::string cart_lines(const conv::State& s);
std::string total(const conv::State& s);
// A value of `options` the message names ("38", "red", "rojas" -> "red").
std::string pick_option(const std::string& text, const std::vector<std::string>& options);

bool is_footwear(const domain::product::Product& p);
// Searches and lists the results from `offset` on ("show me more" lists the next page).
void show_products(Turn& t, const std::string& query, const Catalog& catalog,
                   const Understanding& u, size_t offset = 0);
// The product a message points at: an ordinal of the last list, a name
// (searched within the last list first), or the only product shown.
const domain::product::Product* target_product(const Turn& t, const Understanding& u,
                                               const std::string& text, const Catalog& catalog);
// The cart line a message points at: an ordinal of the cart, a name, or the only line.
// "2) Name (colour); 3) Name": lines with their positions in the cart.
std::string numbered_lines(const std::vector<domain::CartLine>& cart,
                           const std::vector<const domain::CartLine*>& lines);
std::vector<const domain::CartLine*> target_lines(const Turn& t, const Understanding& u,
                                                  const std::string& text);
void add_to_cart(Turn& t, const domain::product::Product* p, const Understanding& u);

// Checkout: ask for a missing variant, then for missing details, then confirm.
void advance_checkout(Turn& t, bool returning);
// Cuts every cart line to the units `stock` has left (removing those with
// none), tells the shopper and asks for confirmation again; false when every
// line is covered and nothing changed.
bool offer_what_is_left(Turn& t, const std::map<std::string, int64_t>& stock);
// Details given freely during checkout ("Rahul Sharma, +91 …, 14 Park Street, Kolkata").
domain::Customer read_details(const std::string& text, const Understanding& u,
                              const domain::Customer& have);
// Records the rules' details with the extractor model's filling the gaps
// (brain/details_extraction.hpp); true when something was recorded.
bool provide_details(Turn& t, const domain::Customer& rules);

// The shop's sales scripts (brain/shop_scripts.cpp): a phrasing of the
// shop's for `stage` in the conversation's language ("" when none), the
// greeting in the shop's words or the built-in one, a line of the shop's
// after a reply (closing, after an order), and an answer to a shopper's
// hesitation from the objection script (false when there is none).
std::string shop_words(const Turn& t, const char* stage);
void greet_in_shop_words(Turn& t);
// The shop's persona (brain/shop_persona.cpp): a greeting with its name and
// tone, thanks and goodbye in its tone, its sign-off after a goodbye, a
// thanks or a placed order.
void greet_in_voice(Turn& t);
void answer_in_voice(Turn& t, Say key);
void sign_off(Turn& t, const std::string& intent);
void follow_with_shop_words(Turn& t, const char* stage);
bool answer_objection(Turn& t, const Understanding& u);

// The shopper's past orders (brain/shop_history.cpp): "what did I order?"
// lists them and "same as before" puts the last one back in the cart (true
// when the message asked either); a returning shopper's hello recalls the
// last order; a product just added brings one others bought with it.
bool answer_order_history(Turn& t, const Catalog& catalog);
void welcome_back(Turn& t);
void suggest_bought_with(Turn& t, const Catalog& catalog);

// Promotions and testimonials (brain/shop_promotions.cpp): a running code in
// the message is applied, "any discount?" lists what runs now (false when
// nothing does, so the shop's documents may answer); the applied promotion is
// checked again before an order is placed (false, and the shopper told, when
// it ended); "reviews?" shows testimonials, about what the shopper looked at
// first (`asked` false: shown unasked, at a hesitation).
bool answer_promotions(Turn& t, const std::string& text, int64_t now_us);
bool promo_still_valid(Turn& t, int64_t now_us);
bool show_testimonials(Turn& t, bool asked, size_t limit);

// /search, /add, /remove, /cart, /clear, /checkout.
void handle_slash(Turn& t, const std::string& text, const Catalog& catalog);

// What a turn is planned from, besides the conversation's state.
struct TurnInput {
  const std::string& text;
  const Understanding& u;  // in the conversation's context (turn_context.hpp)
  const Catalog& catalog;
  int64_t now_us;
  const std::string& order_id;  // the id an order placed now takes
  const LiveStock* live_stock;  // units left, read when an order may be placed
};

// What a request asks, by intent (brain/shop_intents.cpp): every intent the
// model knows has one handler; an unknown one is out of scope.
using IntentHandler = void (*)(Turn& t, const TurnInput& in);
IntentHandler handler_for(const std::string& intent);

// The order a message names ("ORD-7K2…", or its tail "7K2…"), else the
// conversation's last; "" when it names one this conversation did not place.
std::string order_named(const Understanding& u, const conv::State& s);

}  // namespace parley::brain::shop
