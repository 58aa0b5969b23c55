// Outbound HTTP in Parley: one request type and one answer type, for every
// caller (channel adapters, pollers, LLM providers, payments, mail), and the
// one blocking client. The outbox's multiplexed client (channels::MultiClient)
// maps the same request onto libcurl through net/curl_call.hpp.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::net {

struct HttpCall {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string basic_auth;  // "user:password", for platforms that use it
  // The largest answer body net::send reads; a longer one is cut off and
  // answered as a transport error with too_large set. 0: no cap.
  size_t max_response_bytes = 0;
};

struct HttpResponse {
  long status = 0;  // 0: no HTTP answer (see transport_error)
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string transport_error;                 // "" when an answer came: timeout, refused …
  bool timed_out = false;
  bool too_large = false;  // the body passed the call's max_response_bytes
};

// A JSON POST with the given extra headers.
HttpCall json_post(std::string url, std::string body,
                   std::vector<std::pair<std::string, std::string>> headers = {});

// How long a connection may take unless a caller says otherwise.
inline constexpr std::chrono::milliseconds kConnectTimeout{5000};

using ChunkSink = std::function<void(std::string_view)>;

// Sends the call and waits for the whole answer, at most `total` (connect
// included). With a sink, each piece of the body is handed to it as it
// arrives (and is kept in `body` too). Blocks the calling thread: never call
// it on a CAF scheduler or HTTP thread.
HttpResponse send(const HttpCall& call, std::chrono::milliseconds connect_timeout,
                  std::chrono::milliseconds total, const ChunkSink& sink = {});

}  // namespace parley::net
