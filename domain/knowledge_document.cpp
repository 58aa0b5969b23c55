#include "domain/knowledge_document.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/overloaded.hpp"

namespace parley::domain::knowledge {
namespace {

constexpr size_t kMaxTitleBytes = 200;
constexpr const char* kLanguages[] = {"en", "es", "ru", "id", "hi"};

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

bool operator==(const Document& a, const Document& b) {
  return a.title == b.title && a.format == b.format && a.language == b.language &&
         a.purpose == b.purpose && a.stage == b.stage && a.body == b.body;
}

const char* to_string(Purpose p) {
  switch (p) {
    case Purpose::info:
      return "info";
    case Purpose::sales_script:
      return "sales_script";
  }
  return "info";
}

bool purpose_from(std::string_view name, Purpose* out) {
  if (name == "info")
    *out = Purpose::info;
  else if (name == "sales_script")
    *out = Purpose::sales_script;
  else
    return false;
  return true;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_title:
      return "invalid_title";
    case Error::empty_body:
      return "empty_body";
    case Error::too_large:
      return "too_large";
    case Error::invalid_language:
      return "invalid_language";
    case Error::invalid_stage:
      return "invalid_stage";
    case Error::not_found:
      return "not_found";
  }
  return "unknown";
}

std::optional<Error> validate(const Document& d) {
  if (d.title.empty() || d.title.size() > kMaxTitleBytes || blank(d.title))
    return Error::invalid_title;
  if (d.body.size() > kMaxDocumentBytes) return Error::too_large;
  if (blank(d.body)) return Error::empty_body;
  if (std::find(std::begin(kLanguages), std::end(kLanguages), d.language) == std::end(kLanguages))
    return Error::invalid_language;
  const bool staged = std::find(std::begin(kScriptStages), std::end(kScriptStages), d.stage) !=
                      std::end(kScriptStages);
  if (d.purpose == Purpose::sales_script ? !staged : !d.stage.empty()) return Error::invalid_stage;
  return std::nullopt;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Upload& up) -> Events {
                   if (auto e = validate(up.document)) return fail(*e);
                   if (!state.exists)
                     return std::vector<Event>{DocumentUploaded{up.document, up.by, up.at_us}};
                   if (state.document == up.document) return std::vector<Event>{};
                   return std::vector<Event>{DocumentReplaced{up.document, up.by, up.at_us}};
                 },
                 [&](const Remove& rm) -> Events {
                   if (!state.exists) return fail(Error::not_found);
                   return std::vector<Event>{DocumentRemoved{rm.by, rm.at_us}};
                 }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const DocumentUploaded& u) {
                          s.exists = true;
                          s.document = u.document;
                          ++s.versions;
                          s.updated_by = u.by;
                          s.updated_us = u.at_us;
                        },
                        [&](const DocumentReplaced& r) {
                          s.document = r.document;
                          ++s.versions;
                          s.updated_by = r.by;
                          s.updated_us = r.at_us;
                        },
                        [&](const DocumentRemoved& r) {
                          s.exists = false;
                          s.updated_by = r.by;
                          s.updated_us = r.at_us;
                        }},
             event);
  return s;
}

}  // namespace parley::domain::knowledge
