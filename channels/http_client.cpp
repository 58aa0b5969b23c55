#include "channels/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_set>

#include "net/curl_call.hpp"

namespace parley::channels {
namespace {

// One transfer's buffers; lives until the transfer completes.
struct Transfer {
  uint64_t tag = 0;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpResponse response;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  t->response.body.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  net::add_header_line(std::string_view(data, size * n),
                       &static_cast<Transfer*>(user)->response.headers);
  return size * n;
}

void configure(Transfer* t, const HttpCall& call, const HttpOptions& o) {
  CURL* e = t->easy;
  t->headers = net::prepare_request(e, call);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout.count()));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
}

void finish(Transfer* t, CURLcode code) {
  if (code == CURLE_OK) {
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->response.status);
  } else {
    t->response.status = 0;
    t->response.transport_error = curl_easy_strerror(code);
  }
}

}  // namespace

struct MultiClient::Impl {
  HttpOptions options;
  CURLM* multi = nullptr;
  std::vector<CURL*> idle;  // easy handles to reuse
  std::unordered_set<Transfer*> live;
  size_t running = 0;
};

MultiClient::MultiClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  net::init_curl();
  impl_->options = options;
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_connections_per_host);
}

MultiClient::~MultiClient() {
  // Transfers still running are abandoned.
  for (Transfer* t : impl_->live) {
    curl_multi_remove_handle(impl_->multi, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    delete t;
  }
  curl_multi_cleanup(impl_->multi);
  for (CURL* e : impl_->idle) curl_easy_cleanup(e);
}

void MultiClient::start(const HttpCall& call, uint64_t tag) {
  auto* t = new Transfer;
  t->tag = tag;
  if (!impl_->idle.empty()) {
    t->easy = impl_->idle.back();
    impl_->idle.pop_back();
    curl_easy_reset(t->easy);
  } else {
    t->easy = curl_easy_init();
  }
  configure(t, call, impl_->options);
  curl_multi_add_handle(impl_->multi, t->easy);
  impl_->live.insert(t);
  ++impl_->running;
}

std::vector<MultiClient::Completion> MultiClient::run(std::chrono::milliseconds max_wait) {
  std::vector<Completion> done;
  int still = 0;
  curl_multi_perform(impl_->multi, &still);
  auto collect = [&] {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(impl_->multi, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
      finish(t, m->data.result);
      curl_multi_remove_handle(impl_->multi, t->easy);
      curl_slist_free_all(t->headers);
      impl_->idle.push_back(t->easy);
      done.push_back({t->tag, std::move(t->response)});
      impl_->live.erase(t);
      delete t;
      --impl_->running;
    }
  };
  collect();
  if (!done.empty()) return done;
  int fds = 0;
  curl_multi_poll(impl_->multi, nullptr, 0, static_cast<int>(max_wait.count()), &fds);
  curl_multi_perform(impl_->multi, &still);
  collect();
  return done;
}

void MultiClient::wakeup() {
  curl_multi_wakeup(impl_->multi);
}

size_t MultiClient::in_flight() const {
  return impl_->running;
}

}  // namespace parley::channels
