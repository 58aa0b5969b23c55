#include "http/knowledge_api.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "domain/limits.hpp"
#include "events/envelope_json.hpp"
#include "formats/knowledge_file.hpp"
#include "http/unreadable_file.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace knowledge = domain::knowledge;
using Kind = events::knowledge_codec::Stream;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json errors_json(const std::vector<knowledge::SplitError>& errors) {
  json out = json::array();
  for (const auto& e : errors) out.push_back({{"line", e.line}, {"message", e.message}});
  return out;
}

json document_json(const std::string& id, const knowledge::State& s, size_t bytes) {
  const auto& d = s.document;
  return {{"id", id},
          {"title", d.title},
          {"format", knowledge::to_string(d.format)},
          {"language", d.language},
          {"purpose", knowledge::to_string(d.purpose)},
          {"stage", d.stage},
          {"bytes", bytes},
          {"versions", s.versions},
          {"updated_by", s.updated_by},
          {"updated_at", events::format_timestamp(s.updated_us)}};
}

HttpResponse refused(const events::StreamOutcome<Kind>& r) {
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(knowledge::Error::not_found)) return json_error(404, "not_found", r.message);
  return json_error(422, r.error_code(), r.message);
}

HttpResponse upload(KnowledgeApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const std::string id = req.query_value("id");
  if (!actors::valid_document_id(id))
    return json_error(400, "invalid_id", "'id' is 1-64 of a-z, 0-9, '.', '_' and '-'");
  knowledge::Document doc;
  doc.title = req.query_value("title");
  doc.language = req.query_value("language");
  doc.stage = req.query_value("stage");
  if (!knowledge::format_from(req.query_value("format"), &doc.format))
    return json_error(400, "invalid_format",
                      "'format': text, markdown, faq_csv, whatsapp_chat, docx or pdf");
  if (!knowledge::purpose_from(req.query_value("purpose", "info"), &doc.purpose))
    return json_error(400, "invalid_purpose", "'purpose': info or sales_script");
  // The cap is on the text kept: a .docx or PDF may be larger than its text
  // (the edge's PARLEY_MAX_BODY bounds the file; formats/ bounds its text).
  const bool binary = doc.format == knowledge::Format::docx || doc.format == knowledge::Format::pdf;
  if (!binary && req.body.size() > knowledge::kMaxDocumentBytes)
    return json_error(413, "too_large", "a document is at most 2 MiB");
  // A .docx or PDF is kept as its text: read it now, and refuse the whole
  // file, naming the part, when it cannot be read (nothing half-imported).
  auto text = formats::knowledge_text_of(doc.format, req.body);
  if (!text) return unreadable_file(422, text.error());
  doc.body = std::move(text.value());
  auto up = ctx.commands.upload(id, doc, who.username);
  if (!up.readable) {
    auto e = json_error(422, "no_passages", "nothing in the document could be read");
    e.body = dump({{"error",
                    {{"code", "no_passages"},
                     {"message", "nothing in the document could be read"},
                     {"errors", errors_json(up.split.errors)}}}});
    return e;
  }
  if (!up.outcome.ok) return refused(up.outcome);
  ctx.view.catch_up();
  return json_ok(dump({{"document", document_json(id, up.outcome.state, doc.body.size())},
                       {"changed", !up.outcome.events.empty()},
                       {"passages", up.split.passages.size()},
                       {"errors", errors_json(up.split.errors)}}),
                 up.created() ? 201 : 200);
}

HttpResponse list(KnowledgeApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto snap = ctx.view.snapshot();
  json docs = json::array();
  for (const auto& [id, d] : snap->documents) {
    json j = document_json(id, d.state, d.bytes);
    j["passages"] = d.passages;
    j["searched"] = d.indexed;
    j["errors"] = errors_json(d.errors);
    docs.push_back(std::move(j));
  }
  return json_ok(dump({{"documents", std::move(docs)}}));
}

HttpResponse remove(KnowledgeApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& id = req.path_params.at("id");
  if (!actors::valid_document_id(id))
    return json_error(404, "not_found", "no document '" + id + "'");
  auto r = ctx.commands.remove(id, who.username);
  if (!r.ok) return refused(r);
  ctx.view.catch_up();
  return json_ok(dump({{"removed", id}}));
}

HttpResponse search(KnowledgeApiContext& ctx, const HttpRequest& req) {
  const std::string q = req.query_value("q");
  if (q.empty()) return json_error(400, "missing_parameter", "'q' is required");
  if (q.size() > domain::kMaxTextBytes) return text_too_long("q");
  const std::string language = req.query_value("language", "en");
  if (language != "en" && language != "es" && language != "ru" && language != "id" &&
      language != "hi")
    return json_error(400, "invalid_language", "'language': en, es, ru, id or hi");
  size_t limit = 5;
  if (const auto l = req.query_value("limit"); !l.empty()) {
    char* end = nullptr;
    const long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 50)
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 50]");
    limit = static_cast<size_t>(v);
  }
  const auto snap = ctx.view.snapshot();
  json results = json::array();
  for (const auto& hit : snap->index.search(q, language, limit)) {
    const auto& e = *hit.entry;
    results.push_back({{"document_id", e.document_id},
                       {"title", e.title},
                       {"question", e.passage.question},
                       {"text", e.passage.text},
                       {"heading", e.passage.heading},
                       {"language", e.passage.language},
                       {"line", e.passage.line},
                       {"page", e.passage.page},
                       {"score", hit.score}});
  }
  return json_ok(dump({{"results", std::move(results)}}));
}

}  // namespace

void register_knowledge_api(Router& router, KnowledgeApiContext& ctx) {
  router.add("POST", "/api/v1/admin/knowledge",
             [&ctx](const HttpRequest& r) { return upload(ctx, r); });
  router.add("GET", "/api/v1/admin/knowledge",
             [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("DELETE", "/api/v1/admin/knowledge/{id}",
             [&ctx](const HttpRequest& r) { return remove(ctx, r); });
  router.add("GET", "/api/v1/knowledge/search",
             [&ctx](const HttpRequest& r) { return search(ctx, r); });
}

}  // namespace parley::http
