// The shop's knowledge over HTTP (issue 21): documents an admin uploads, and
// the search the bot answers questions with.
//   POST   /api/v1/admin/knowledge?id=&title=&format=&language=[&purpose=&stage=]
//          the body is the document (text, Markdown, FAQ CSV, WhatsApp export)
//          -> 201 uploaded, 200 replaced or unchanged; line-numbered errors of
//          the rows or parts that were left out; 422 when nothing is left
//   GET    /api/v1/admin/knowledge              the documents (admin)
//   DELETE /api/v1/admin/knowledge/{id}         (admin)
//   GET    /api/v1/knowledge/search?q=&language=&limit=   the best passages
// Handlers parse, run the document's command, and shape the answer.
#pragma once

#include "actors/knowledge_commands.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/knowledge_view.hpp"

namespace parley::http {

struct KnowledgeApiContext {
  actors::KnowledgeCommands& commands;
  projections::KnowledgeView& view;
  Authorizer auth;
};

void register_knowledge_api(Router& router, KnowledgeApiContext& ctx);

}  // namespace parley::http
