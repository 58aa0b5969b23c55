// The sales policy: from one understood message, what happens to the
// conversation (events, all decided by the pure conversation decider) and what
// is said back. Pure: the catalog is an immutable version for this turn.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "brain/catalog.hpp"
#include "brain/details_extraction.hpp"
#include "brain/knowledge.hpp"
#include "brain/nlu.hpp"
#include "brain/order_history.hpp"
#include "brain/personas.hpp"
#include "brain/promotions.hpp"
#include "brain/replies.hpp"
#include "brain/search_rewrite.hpp"
#include "brain/testimonials.hpp"
#include "domain/conversation.hpp"
#include "domain/order.hpp"

namespace parley::brain {

struct PolicyReply {
  std::string text;
  std::vector<domain::conversation::Media> media;
  std::string cited = "";  // the knowledge passage the text quotes: "<document id>:<line>"
};

struct TurnPlan {
  std::vector<domain::conversation::Event> events;  // after the inbound message
  std::vector<PolicyReply> replies;
  std::optional<domain::order::Order> order;  // placed in this turn
  // For the managers to act on (a paid order to cancel): what to say, written
  // in the team's language by whoever sends it; nullopt if none.
  std::optional<TeamAlert> team_request;
};

// Units of each product in stock right now, read from the log for this turn
// (the catalog view may be 100 ms behind).
using LiveStock = std::map<std::string, int64_t>;

// `state` already includes the inbound message. `order_id` is the id an order
// placed in this turn gets: made by the caller (random, so that it reveals
// nothing about the shopper and cannot be guessed), never derived here.
// `live_stock`: an order is placed only when it covers every line; short
// lines are cut to what is left (or removed) and the shopper asked again.
// nullptr: not known, the order is planned on the catalog's stock.
// `rewrite`: a model's words for this message's search, tried when the
// message itself finds nothing (search_rewrite.hpp); nullptr: none.
// `knowledge`: the shop's documents, quoted for a question about the shop
// that nothing else answers (brain/knowledge.hpp); nullptr: none.
// `history`: the shopper's past orders and what sells together
// (brain/order_history.hpp); nullptr: none known.
// `promotions`, `testimonials`: the shop's (brain/promotions.hpp,
// brain/testimonials.hpp); nullptr: none.
struct TurnSources {
  const LiveStock* live_stock = nullptr;
  const SearchRewrite* rewrite = nullptr;
  const Knowledge* knowledge = nullptr;
  const OrderHistory* history = nullptr;
  const Promotions* promotions = nullptr;
  const Testimonials* testimonials = nullptr;
  const Personas* personas = nullptr;
  const DetailsExtraction* extracted = nullptr;  // the extractor's reading of the details
};
TurnPlan plan_turn(const domain::conversation::State& state, const std::string& text,
                   const Understanding& understanding, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const TurnSources& sources);
// A shopper's request to be forgotten, whoever decides the other turns
// (brain/shop_privacy.cpp): "delete my data" is asked back (yes or no), and a
// yes as the very next message forgets them (CustomerForgotten, by
// "shopper"; the key is erased once the reply is handed on,
// channels/outbox_feed.hpp). nullopt when the message is neither.
std::optional<TurnPlan> plan_erasure(const domain::conversation::State& state,
                                     const std::string& text, const Understanding& understanding,
                                     int64_t now_us);
// The same, with the sources one by one (what most tests give).
TurnPlan plan_turn(const domain::conversation::State& state, const std::string& text,
                   const Understanding& understanding, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const LiveStock* live_stock = nullptr,
                   const SearchRewrite* rewrite = nullptr, const Knowledge* knowledge = nullptr);

// Under this confidence a guess of small talk (a greeting, thanks, a yes or
// no) gives way to a clear answer from the shop's knowledge.
inline constexpr double kKnowledgeBelowConfidence = 0.6;

// A cart line for `quantity` of `p`, with its only colour and only size chosen.
domain::CartLine cart_line_for(const domain::product::Product& p, int64_t quantity);

}  // namespace parley::brain
