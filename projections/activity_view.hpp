// Activity history per conversation and per lead: every event of the
// entity's stream that a person would care about, oldest first, as
// {at_us, type, by, text}. Stored in chunks of kChunk entries:
//   "<conversation|lead>/<id>/<chunk, 8 digits>" -> {"entries": [...]}
// Only each entity's last chunk stays in memory; full chunks are read back
// from the view store (entries()).
#pragma once

#include <unordered_map>

#include "projections/calendar.hpp"
#include "projections/projection.hpp"

namespace parley::projections {

class ActivityView final : public Projection {
 public:
  // Each commit rewrites (and seals) the last chunk of every entity that
  // changed; with 64 entries that was most of the views' bytes under the
  // chat mix (issue 22). Changing it changes the fingerprint: the view is
  // folded again.
  static constexpr size_t kChunk = 16;
  explicit ActivityView(Calendar calendar) : name_("activity"), calendar_(std::move(calendar)) {}
  const std::string& name() const override { return name_; }
  std::string fingerprint() const override { return "activity/2 " + calendar_.zone(); }
  unsigned weight() const override { return 3; }
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
  struct Tail {
    uint64_t count = 0;                // entries ever, across chunks
    std::vector<std::string> entries;  // the last chunk's, each canonical JSON
    bool changed = false;
  };
  static std::string chunk_value(const std::vector<std::string>& entries);
  std::string name_;
  Calendar calendar_;
  std::unordered_map<std::string, Tail> tails_;  // "conversation/<id>"
  std::vector<std::string> changed_;
  std::vector<ViewWrite> full_;  // chunks filled since the last commit
};

}  // namespace parley::projections
