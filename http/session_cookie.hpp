// The console's session: the same bearer token the API issues, held in an
// HttpOnly, SameSite=Strict cookie so page scripts never see it. A request
// carries its token in `Authorization: Bearer` (API clients) or in the
// cookie (the console); the bearer wins when both are there.
//
// CSRF: a cookie rides along on any request the browser makes, so a
// state-changing request (anything but GET and HEAD) authenticated by the
// cookie alone must also carry `X-Parley-CSRF: 1` — a header a cross-site
// form cannot set, and a cross-site script cannot send without a CORS
// preflight this server never answers — and, when the browser sends an
// Origin, one whose host is the request's Host. Pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "http/http_types.hpp"

namespace parley::http {

inline constexpr const char* kSessionCookie = "parley_session";
inline constexpr const char* kCsrfHeader = "x-parley-csrf";

// The value of the session cookie in the Cookie header, or "".
std::string session_cookie(const HttpRequest& req);

// Set-Cookie values: the session for `max_age_s` seconds, and its removal.
// `secure` adds Secure (the console is served over HTTPS).
std::string session_set_cookie(const std::string& token, int64_t max_age_s, bool secure);
std::string session_clear_cookie(bool secure);

// True when the request arrived over HTTPS at a proxy in front of Parley
// (X-Forwarded-Proto: https): its cookies get Secure.
bool forwarded_https(const HttpRequest& req);

// False when a cookie-authenticated request changes state without the CSRF
// header, or from another origin.
bool csrf_safe(const HttpRequest& req);

}  // namespace parley::http
