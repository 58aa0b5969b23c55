// What a conversation entity needs besides its events: the catalog it sells
// from, the shop's knowledge it quotes, the shopper's past orders, the shop's time zone, whom it
// notifies and its nudge policy. Plain data, free of CAF, so the engine's callers can build it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/nudge.hpp"
#include "projections/catalog_view.hpp"
#include "projections/knowledge_view.hpp"
#include "projections/persona_view.hpp"
#include "projections/promotions_view.hpp"
#include "projections/purchases_view.hpp"
#include "projections/testimonials_view.hpp"

namespace parley::actors {

using CatalogSource = std::function<std::shared_ptr<const projections::CatalogSnapshot>()>;
using KnowledgeSource = std::function<std::shared_ptr<const projections::KnowledgeSnapshot>()>;
using PurchasesSource = std::function<std::shared_ptr<const projections::PurchasesSnapshot>()>;
using PromotionsSource = std::function<std::shared_ptr<const projections::PromotionsSnapshot>()>;
using TestimonialsSource =
    std::function<std::shared_ptr<const projections::TestimonialsSnapshot>()>;
using PersonaSource = std::function<std::shared_ptr<const projections::PersonaSnapshot>()>;

struct ConversationDeps {
  CatalogSource catalog;            // the current catalog version; empty source = no products
  KnowledgeSource knowledge;        // the shop's documents; empty source = none to quote
  PurchasesSource purchases;        // past orders and what sells together; empty = none known
  PromotionsSource promotions;      // the shop's promotions; empty = none
  TestimonialsSource testimonials;  // the shop's testimonials; empty = none
  PersonaSource personas;           // the offline brain's persona per language; empty = built-in
  int utc_offset_minutes = 0;       // PARLEY_TIMEZONE, for dates in messages
  // Who hears of handoffs and of shoppers writing in human mode, and on which
  // platform (MANAGER_NUMBERS, PARLEY_MANAGER_CHANNEL). Empty: nobody.
  std::vector<std::string> manager_numbers;
  std::string manager_channel;
  std::string team_language = "en";  // PARLEY_TEAM_LANGUAGE: what the managers read
  // Shopper nudges (domain/nudge.hpp); off unless the policy is enabled.
  domain::nudge::Policy nudges = disabled_nudges();
  domain::nudge::OffsetAt zone_offset;  // empty: utc_offset_minutes

  static domain::nudge::Policy disabled_nudges() {
    domain::nudge::Policy p;
    p.enabled = false;
    return p;
  }
};

}  // namespace parley::actors
