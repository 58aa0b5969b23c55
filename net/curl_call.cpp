#include "net/curl_call.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace parley::net {

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpCall json_post(std::string url, std::string body,
                   std::vector<std::pair<std::string, std::string>> headers) {
  headers.insert(headers.begin(), {"Content-Type", "application/json"});
  return {"POST", std::move(url), std::move(headers), std::move(body), ""};
}

curl_slist* prepare_request(CURL* e, const HttpCall& call) {
  curl_slist* headers = nullptr;
  for (const auto& [k, v] : call.headers)
    headers = curl_slist_append(headers, (k + ": " + v).c_str());
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  curl_easy_setopt(e, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
  if (!call.basic_auth.empty()) {
    curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(e, CURLOPT_USERPWD, call.basic_auth.c_str());
  }
  if (call.method == "GET") {
    curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(call.body.size()));
    curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, call.body.c_str());
    if (call.method != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  }
  return headers;
}

void add_header_line(std::string_view line, std::map<std::string, std::string>* headers) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' ||
                            value.back() == '\t'))
    value.remove_suffix(1);
  (*headers)[name] = std::string(value);
}

namespace {

struct Transfer {
  HttpResponse* answer;
  const ChunkSink* sink;
  size_t max_bytes;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  if (t->max_bytes > 0 && t->answer->body.size() + bytes > t->max_bytes) {
    t->answer->too_large = true;
    return 0;  // libcurl stops the transfer (CURLE_WRITE_ERROR)
  }
  t->answer->body.append(data, bytes);
  if (*t->sink) (*t->sink)(std::string_view(data, bytes));
  return bytes;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  add_header_line(std::string_view(data, size * n), &static_cast<Transfer*>(user)->answer->headers);
  return size * n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

HttpResponse send(const HttpCall& request, std::chrono::milliseconds connect_timeout,
                  std::chrono::milliseconds total, const ChunkSink& sink) {
  HttpResponse answer;
  if (total.count() <= 0) {
    answer.transport_error = "no time left";
    answer.timed_out = true;
    return answer;
  }
  init_curl();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    answer.transport_error = "curl_easy_init failed";
    return answer;
  }
  Transfer t{&answer, &sink, request.max_response_bytes};
  CURL* e = curl.get();
  std::unique_ptr<curl_slist, SlistDeleter> headers(prepare_request(e, request));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(connect_timeout, total).count()));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
  curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  const CURLcode rc = curl_easy_perform(e);
  if (rc != CURLE_OK) {
    answer.transport_error =
        answer.too_large
            ? "the answer is over " + std::to_string(request.max_response_bytes) + " bytes"
            : std::string(curl_easy_strerror(rc));
    answer.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
    answer.status = 0;
    return answer;
  }
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

}  // namespace parley::net
