// Uploading and removing the shop's knowledge documents from a thread that may
// block (HTTP, the command line): the document is split first
// (domain/knowledge_text.hpp) so the caller can name the rows left out, and
// nothing is written when no passage can be read. One command on one stream
// (events/stream_command.hpp).
#pragma once

#include <functional>
#include <string>

#include "domain/knowledge_document.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/knowledge_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

struct KnowledgeUpload {
  domain::knowledge::Split split;  // what the view will index; errors name lines left out
  bool readable = false;           // false: no passage could be read, nothing was written
  // When readable: what the command did (refused, with nothing split, when the
  // document breaks one of its rules: domain::knowledge::validate).
  events::StreamOutcome<events::knowledge_codec::Stream> outcome;
  bool created() const;  // a new document (not a replacement, not unchanged)
};

class KnowledgeCommands {
 public:
  KnowledgeCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                    std::function<int64_t()> now_us);

  KnowledgeUpload upload(const std::string& id, const domain::knowledge::Document& document,
                         const std::string& by);
  events::StreamOutcome<events::knowledge_codec::Stream> remove(const std::string& id,
                                                                const std::string& by);

 private:
  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

// A document id: 1..64 of [a-z0-9._-], so it reads well in a URL and a citation.
bool valid_document_id(const std::string& id);

}  // namespace parley::actors
