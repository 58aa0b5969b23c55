// Activity history per conversation and per lead: every event of the
// entity's stream that a person would care about, oldest first, as
// {at_us, type, by, text}. One row per entry, keyed by the event's place in
// its entity's stream:
//   "<conversation|lead>/<id>/<seq, 12 digits>" -> {"at_us", "by", "text", "type"}
// The fold keeps no state: an entry is written once and never rewritten, and
// nothing is loaded at start. Readers scan the entity's prefix (entries()).
#pragma once

#include "projections/calendar.hpp"
#include "projections/projection.hpp"

namespace parley::projections {

class ActivityView final : public Projection {
 public:
  // Was chunks of 16 entries (activity/2): every commit rewrote and sealed
  // the last chunk of each entity that changed, and a rebuild kept every
  // entity's last chunk in memory (rebuilt alone over 1M events: 3.6 s, 320 MB
  // resident; issue 22). One row per entry: 2.7 s, 160 MB.
  explicit ActivityView(Calendar calendar) : name_("activity"), calendar_(std::move(calendar)) {}
  const std::string& name() const override { return name_; }
  std::string fingerprint() const override { return "activity/3 " + calendar_.zone(); }
  unsigned weight() const override { return 3; }
  bool loads_rows() const override { return false; }
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;
  void take_changes(std::vector<ViewWrite>* out) override;
  events::Status load_row(std::string_view key, std::string_view value) override;
  void clear() override;

  // The entity's entries ("conversation", "telegram:42"), oldest first, from
  // the committed view. NotFound when it has none.
  static events::Expected<nlohmann::json> entries(ViewStore& views, const std::string& kind,
                                                  const std::string& id);
  // The words for one event; "" for events the history leaves out.
  static std::string words(const std::string& type, const Fields& payload,
                           const Calendar& calendar);

 private:
  std::string name_;
  Calendar calendar_;
  std::vector<ViewWrite> written_;  // entries since the last commit
};

}  // namespace parley::projections
