#include "actors/knowledge_commands.hpp"

namespace parley::actors {

namespace knowledge = domain::knowledge;
using Kind = events::knowledge_codec::Stream;

bool KnowledgeUpload::created() const {
  return outcome.ok && !outcome.events.empty() &&
         std::holds_alternative<knowledge::DocumentUploaded>(outcome.events.front());
}

bool valid_document_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

KnowledgeCommands::KnowledgeCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                                     std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

KnowledgeUpload KnowledgeCommands::upload(const std::string& id,
                                          const knowledge::Document& document,
                                          const std::string& by) {
  KnowledgeUpload out;
  // The document's own rules first: a bad title or language is said as such,
  // not as "nothing could be read".
  if (auto e = knowledge::validate(document)) {
    out.readable = true;
    out.outcome.refused = *e;
    out.outcome.message = knowledge::to_string(*e);
    return out;
  }
  out.split = knowledge::split(document.format, document.body, document.language);
  out.readable = !out.split.passages.empty();
  if (!out.readable) return out;
  out.outcome =
      events::run_command<Kind>(store_, writer_, id, knowledge::Upload{document, by, now_us_()});
  return out;
}

events::StreamOutcome<Kind> KnowledgeCommands::remove(const std::string& id,
                                                      const std::string& by) {
  return events::run_command<Kind>(store_, writer_, id, knowledge::Remove{by, now_us_()});
}

}  // namespace parley::actors
