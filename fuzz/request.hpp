// The input format of the request-shaped targets (webhooks, router): the
// fuzz bytes read as a small HTTP/1 request, so seeds are readable files:
//
//   POST /webhooks/twilio?a=1&b=%20
//   X-Twilio-Signature: 0/KCTR6DLpKmkAf8muzZqo1nDgQ=
//
//   MessageSid=SM1&From=whatsapp%3A%2B34600111222
//
// Line one is "METHOD TARGET"; header lines follow up to the first empty
// line (names lower-cased, as http/server.cpp hands them on); the rest is the
// body, byte for byte. Any bytes make some request: a missing part is empty.
// The query is split like cpp-httplib does (on '&', then the first '='), each
// side percent-decoded with channels::url_decode, and kept in order.
#pragma once

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "channels/form.hpp"
#include "fuzz/fuzz.hpp"

namespace parley::fuzz {

struct Request {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::map<std::string, std::string> headers;  // lower-case names; a repeat keeps the first
  std::string body;
};

inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

inline Request read_request(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  Request r;
  size_t at = 0;
  std::string line;
  if (!next_line(in, &at, &line)) return r;
  const size_t space = line.find(' ');
  r.method = line.substr(0, space);
  const std::string target = space == std::string::npos ? "" : line.substr(space + 1);
  const size_t q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string::npos) {
    std::map<std::string, std::string> query;
    if (channels::parse_form(target.substr(q + 1), &query))
      r.query.assign(query.begin(), query.end());
  }
  while (next_line(in, &at, &line) && !line.empty()) {
    const size_t colon = line.find(':');
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers.emplace(lower(line.substr(0, colon)), value);
  }
  if (at < in.size()) r.body = in.substr(at);
  return r;
}

}  // namespace parley::fuzz
