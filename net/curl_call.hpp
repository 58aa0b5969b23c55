// The one way an HttpCall becomes a libcurl transfer, for the blocking client
// (net::send) and the multiplexed one (channels::MultiClient): the request
// side of an easy handle, and the parsing of the answer's header lines.
// Timeouts, body sinks and the transfer loop stay with each client.
#pragma once

#include <curl/curl.h>

#include <map>
#include <string>
#include <string_view>

#include "net/http_call.hpp"

namespace parley::net {

// curl_global_init, once per process, before the first handle.
void init_curl();

// Sets url, method, body, headers (no "Expect: 100-continue") and basic auth
// on `easy`. Returns the header list, which the caller frees with
// curl_slist_free_all once the transfer is done. The body is copied.
curl_slist* prepare_request(CURL* easy, const HttpCall& call);

// Adds one raw header line ("Name: value\r\n") to `headers`, the name in
// lower case and the value trimmed; a status or blank line adds nothing.
void add_header_line(std::string_view line, std::map<std::string, std::string>* headers);

}  // namespace parley::net
