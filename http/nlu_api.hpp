// POST /api/v1/nlu/parse (../shared/spec/nlu-labels.md).
#pragma once

#include <functional>

#include "http/router.hpp"

namespace parley::http {

// `now_iso` gives the server's local time when a request has no "now".
void register_nlu_api(Router& router, std::function<std::string()> now_iso);
HttpResponse handle_nlu_parse(const HttpRequest& req, const std::string& default_now);

}  // namespace parley::http
