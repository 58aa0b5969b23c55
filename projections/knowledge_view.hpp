// The shop's knowledge as a projection of knowledge.* events: folds each
// document and publishes an immutable snapshot — the live documents and the
// search index of what the shop tells shoppers — that readers take without
// locks. Only `info` documents are indexed: a sales script and an exported
// chat (the shop's own talk, customers' names in it) are listed, never
// searched or quoted. A sales script's lines (not an exported chat's) are
// the shop's phrasings for its stage, handed to the offline brain through
// the index (PassageIndex::script_lines). A document is split again only when it changed; a
// removed one is forgotten. Writers call catch_up() after an append to read
// their own writes.
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
  // The live documents, by id: their state without the body (its size in
  // `bytes`), and what splitting them said.
  struct Document {
    domain::knowledge::State state;  // state.document.body is left empty
    size_t bytes = 0;
    size_t passages = 0;
    bool indexed = false;  // an info document: searched and quoted
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
