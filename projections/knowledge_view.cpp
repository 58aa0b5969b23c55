#include "projections/knowledge_view.hpp"

#include "events/knowledge_codec.hpp"

namespace parley::projections {

namespace codec = events::knowledge_codec;
namespace knowledge = domain::knowledge;

KnowledgeView::KnowledgeView(events::EventStore& store, const brain::Lexicon* services)
    : LogFollower(store),
      services_(services),
      snapshot_(std::make_shared<KnowledgeSnapshot>(
          KnowledgeSnapshot{0, PassageIndex({}, services), {}})) {}

bool KnowledgeView::wants(std::string_view type) const {
  return codec::is_knowledge_event(type);
}

events::Status KnowledgeView::apply(const events::EventEnvelope& env) {
  auto e = codec::decode(env);
  if (!e) return e.status();
  auto& d = documents_[env.entity_id];
  d.state = knowledge::evolve(std::move(d.state), *e);
  if (!d.state.exists) documents_.erase(env.entity_id);  // removed: nothing kept of it
  return events::Status::Ok();
}

void KnowledgeView::publish(uint64_t position) {
  std::vector<PassageIndex::Entry> entries;
  std::map<std::string, KnowledgeSnapshot::Document> live;
  for (auto& [id, d] : documents_) {
    if (!d.state.exists) continue;
    if (d.split_version != d.state.versions) {  // new or replaced since the last split
      const auto& doc = d.state.document;
      d.split = knowledge::split(doc.format, doc.body, doc.language);
      d.split_version = d.state.versions;
    }
    const auto& doc = d.state.document;
    const bool indexed =
        doc.purpose == knowledge::Purpose::info && doc.format != knowledge::Format::whatsapp_chat;
    if (indexed)
      for (const auto& p : d.split.passages) entries.push_back({id, doc.title, p});
    KnowledgeSnapshot::Document listed{d.state, doc.body.size(), d.split.passages.size(), indexed,
                                       d.split.errors};
    listed.state.document.body.clear();
    live[id] = std::move(listed);
  }
  std::atomic_store(&snapshot_,
                    std::shared_ptr<const KnowledgeSnapshot>(new KnowledgeSnapshot{
                        position, PassageIndex(std::move(entries), services_), std::move(live)}));
}

std::shared_ptr<const KnowledgeSnapshot> KnowledgeView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
