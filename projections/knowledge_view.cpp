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

namespace {

// Each line of a script's passages is one phrasing ("- Hello!" list items and
// paragraphs alike), kept for its stage in the passage's language. Documents
// are folded in id order, so the lines' order does not depend on timing.
void add_script_lines(const std::string& stage, const knowledge::Split& split,
                      PassageIndex::ScriptLines* scripts) {
  for (const auto& p : split.passages) {
    auto& lines = (*scripts)[stage + "/" + p.language];
    size_t start = 0;
    while (start <= p.text.size()) {
      size_t end = p.text.find('\n', start);
      if (end == std::string::npos) end = p.text.size();
      if (end > start) lines.push_back(p.text.substr(start, end - start));
      start = end + 1;
    }
  }
}

}  // namespace

void KnowledgeView::publish(uint64_t position) {
  std::vector<PassageIndex::Entry> entries;
  PassageIndex::ScriptLines scripts;
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
    if (doc.purpose == knowledge::Purpose::sales_script &&
        doc.format != knowledge::Format::whatsapp_chat)
      add_script_lines(doc.stage, d.split, &scripts);
    KnowledgeSnapshot::Document listed{d.state, doc.body.size(), d.split.passages.size(), indexed,
                                       d.split.errors};
    listed.state.document.body.clear();
    live[id] = std::move(listed);
  }
  std::atomic_store(&snapshot_, std::shared_ptr<const KnowledgeSnapshot>(new KnowledgeSnapshot{
                                    position,
                                    PassageIndex(std::move(entries), services_,
                                                 brain::Lexicon::builtin(), std::move(scripts)),
                                    std::move(live)}));
}

std::shared_ptr<const KnowledgeSnapshot> KnowledgeView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
