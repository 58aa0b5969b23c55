// The shop's knowledge as a projection of knowledge.* events: folds each
// document and publishes an immutable snapshot — every live document's
// passages (domain/knowledge_text.hpp) and their search index — that readers
// take without locks. A document is split again only when it changed.
// Writers call catch_up() after an append to read their own writes.
#pragma once

#include <map>
#include <memory>

#include "domain/knowledge_document.hpp"
#include "projections/log_follower.hpp"
#include "projections/passage_index.hpp"

namespace parley::projections {

struct KnowledgeSnapshot {
  uint64_t position = 0;  // the log position this snapshot includes
  PassageIndex index;
  // The live documents (id, state, what splitting them said), by id.
  struct Document {
    domain::knowledge::State state;
    size_t passages = 0;
    std::vector<domain::knowledge::SplitError> errors;
  };
  std::map<std::string, Document> documents;
};

class KnowledgeView final : public LogFollower {
 public:
  std::string_view name() const override { return "knowledge"; }
  // `services`: the service lexicon the index translates with (may be null).
  KnowledgeView(events::EventStore& store, const brain::Lexicon* services);
  ~KnowledgeView() override { stop_following(); }

  std::shared_ptr<const KnowledgeSnapshot> snapshot() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  struct Folded {
    domain::knowledge::State state;
    uint32_t split_version = 0;  // the state's `versions` when `split` was made
    domain::knowledge::Split split;
  };
  const brain::Lexicon* services_;
  std::map<std::string, Folded> documents_;            // guarded by fold_mutex()
  std::shared_ptr<const KnowledgeSnapshot> snapshot_;  // atomic_load/atomic_store
};

}  // namespace parley::projections
