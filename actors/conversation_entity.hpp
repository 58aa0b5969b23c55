// The conversation entity as the shell hosts it: the pure decider of
// domain/conversation.hpp, the codec of events/conversation_codec.hpp, and
// the chat turn — understand the message, let the sales policy decide, record
// the inbound message, the journey's events and the replies as one atomic
// append (with the order's stream when an order is placed).
#pragma once

#include <caf/fwd.hpp>
#include <functional>
#include <memory>
#include <string>

#include "actors/chat_types.hpp"
#include "actors/runtime.hpp"
#include "brain/shop_policy.hpp"
#include "domain/nudge.hpp"
#include "projections/catalog_view.hpp"

namespace parley::actors {

using CatalogSource = std::function<std::shared_ptr<const projections::CatalogSnapshot>()>;

struct ConversationDeps {
  CatalogSource catalog;       // the current catalog version; empty source = no products
  int utc_offset_minutes = 0;  // PARLEY_TIMEZONE, for dates in messages
  // Who hears of handoffs and of shoppers writing in human mode, and on which
  // platform (MANAGER_NUMBERS, PARLEY_MANAGER_CHANNEL). Empty: nobody.
  std::vector<std::string> manager_numbers;
  std::string manager_channel;
  // Shopper nudges (domain/nudge.hpp); off unless the policy is enabled.
  domain::nudge::Policy nudges = disabled_nudges();
  domain::nudge::OffsetAt zone_offset;  // empty: utc_offset_minutes

  static domain::nudge::Policy disabled_nudges() {
    domain::nudge::Policy p;
    p.enabled = false;
    return p;
  }
};

// Spawns the conversation `id` as a child of `parent`, reporting idleness to `registry`.
caf::actor spawn_conversation(caf::local_actor* parent, const std::string& id,
                              const caf::actor& registry, std::shared_ptr<Runtime> rt,
                              std::shared_ptr<const ConversationDeps> deps);

}  // namespace parley::actors
