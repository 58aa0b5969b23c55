// The offline brain's persona over HTTP: the name, tone and sign-off it
// answers with in each language, as an admin sets them.
//   GET /api/v1/admin/persona              every language's, en es ru id hi (admin, sales)
//   PUT /api/v1/admin/persona/{language}   {"name","tone","sign_off"} (admin)
//       -> 200 the language's persona; 404 unknown_language; 400 a body or
//          field that does not read; 422 invalid_name / invalid_sign_off
// Handlers parse, run the persona's command, and shape the answer; a GET
// folds each language's stream from the log (a handful of events each).
#pragma once

#include "actors/persona_commands.hpp"
#include "events/event_store.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct PersonaApiContext {
  actors::PersonaCommands& commands;
  events::EventStore& store;
  Authorizer auth;
};

void register_persona_api(Router& router, PersonaApiContext& ctx);

}  // namespace parley::http
