// The inbox: one row per conversation, keyed by its id, with what a person
// triaging it needs — channel, user id, language, stage, the last message
// (cut to 200 bytes) and who wrote it, when, how many of the shopper's
// messages nobody has answered yet (`unread`), and whether a person has it
// (`handoff`, since when), and the name and phone the shopper gave at
// checkout or corrected by the team (`customer_name`, `customer_phone`; the
// latest), the team's `label`, and whether it is `archived` (out of the inbox
// until the shopper writes again). A forgotten customer's row keeps only its
// counts.
// The cart beside each row is the carts view's, joined at read time.
#pragma once

#include <map>
#include <optional>

#include "projections/calendar.hpp"
#include "projections/carts_view.hpp"
#include "projections/change_feed.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

struct ConversationQuery {
  RowFilter filter;                      // from/to: the last message's local day; channel
  std::string stage;                     // "" any
  std::optional<bool> handoff;           // nullopt any
  std::optional<bool> has_cart;          // an open cart (CartsView); nullopt any
  std::optional<bool> archived = false;  // nullopt any; by default the inbox, not the archive
  // In the id, the customer's name or the label (case and accents folded), or the phone (digits).
  std::string search;
  size_t limit = 50;   // 1..200
  std::string cursor;  // "" the first page, else the previous page's `next`
};

struct ConversationPage {
  nlohmann::json rows = nlohmann::json::array();  // newest message first
  std::string next;                               // "" when this is the last page
  size_t matched = 0;                             // rows the filters keep, across pages
};

class ConversationsView final : public JsonRowProjection {
 public:
  static constexpr size_t kPreviewBytes = 200;
  // 4: the label, archived, and corrected details.
  ConversationsView() : JsonRowProjection("conversations", "conversations/4") {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;
  // The ids each committed batch changed go to changes() (the inbox's stream).
  void published() override;
  void clear() override;
  const ChangeFeed& changes() const { return changes_; }
  ChangeFeed& changes() { return changes_; }

  // One page of the rows the query keeps, each with its open cart's value
  // (CartsView::open_carts). Takes the view's lock.
  ConversationPage page(const ConversationQuery& query,
                        const std::map<std::string, CartsView::OpenCart>& carts,
                        const Calendar& calendar) const;

 private:
  std::vector<std::string> unpublished_;  // changed since the last commit (the engine's thread)
  std::vector<std::string> unpublished_details_;  // delivery news since then, rows unchanged
  ChangeFeed changes_;
};

// `text` cut to at most `bytes` bytes on a UTF-8 character boundary, with "…" when cut.
std::string preview(std::string_view text, size_t bytes);

}  // namespace parley::projections
