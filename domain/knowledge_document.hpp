// A document of the shop's knowledge — its FAQ, policies, opening hours, or a
// sales script — keyed by an id the admin chooses: stream ("knowledge", <id>).
// The body is kept whole in its event (at most knowledge::kMaxDocumentBytes);
// the knowledge view splits it into passages (domain/knowledge_text.hpp) and
// indexes them. Uploading the same document again decides nothing, so imports
// are idempotent; uploading another under the same id replaces it.
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/knowledge_text.hpp"
#include "domain/result.hpp"

namespace parley::domain::knowledge {

inline constexpr const char* kEntityType = "knowledge";

// What a document is for: facts to answer questions with, or a sales script
// whose phrasings the offline brain may choose for one stage of a conversation.
enum class Purpose : uint8_t { info, sales_script };
const char* to_string(Purpose p);
bool purpose_from(std::string_view name, Purpose* out);

// The stages a sales script may be written for: the conversation's own
// stages (domain/conversation.hpp) and the moment a shopper objects.
inline constexpr const char* kScriptStages[] = {"greeting", "discovery", "consultation", "cart",
                                                "checkout", "closing",   "objection"};

struct Document {
  std::string title;  // 1..200 bytes, shown when a passage is quoted
  Format format = Format::text;
  std::string language;  // en, es, ru, id or hi: the body's (a FAQ row may name its own)
  Purpose purpose = Purpose::info;
  std::string stage;  // a sales script's stage; "" for info
  std::string body;

  friend bool operator==(const Document& a, const Document& b);
};

// ---- events -------------------------------------------------------------
struct DocumentUploaded {
  Document document;
  std::string by;
  int64_t at_us = 0;
};
struct DocumentReplaced {
  Document document;
  std::string by;
  int64_t at_us = 0;
};
struct DocumentRemoved {
  std::string by;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kUploaded = "knowledge.document_uploaded";
inline constexpr const char* kReplaced = "knowledge.document_replaced";
inline constexpr const char* kRemoved = "knowledge.document_removed";
}  // namespace types
using Event = std::variant<DocumentUploaded, DocumentReplaced, DocumentRemoved>;

// ---- state --------------------------------------------------------------
struct State {
  bool exists = false;  // uploaded and not removed since
  Document document;
  uint32_t versions = 0;  // uploads and replacements so far
  std::string updated_by;
  int64_t updated_us = 0;
};

// ---- commands -----------------------------------------------------------
struct Upload {
  Document document;
  std::string by;
  int64_t at_us = 0;
};
struct Remove {
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Upload, Remove>;

enum class Error : uint8_t {
  invalid_title = 1,  // empty or over 200 bytes
  empty_body,         // nothing but whitespace
  too_large,          // over kMaxDocumentBytes
  invalid_language,   // not en, es, ru, id or hi
  invalid_stage,      // a sales script without one of kScriptStages, or info with one
  not_found,          // removing a document that does not exist
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

// The first rule `d` breaks, if any.
std::optional<Error> validate(const Document& d);

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::knowledge
