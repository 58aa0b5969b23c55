#include "channels/poller.hpp"

#include <chrono>
#include <cstdio>

#include "channels/json_util.hpp"
#include "net/http_call.hpp"

namespace parley::channels {

using jsonu::json;
constexpr int kPollSeconds = 5;

struct PollSteps {
  static bool telegram(Poller& p, const TelegramConfig& c, const Poller::Deliver& deliver,
                       int64_t* offset) {
    HttpCall call;
    call.method = "GET";
    call.url = c.api_base + "/bot" + c.bot_token +
               "/getUpdates?timeout=" + std::to_string(kPollSeconds) +
               "&offset=" + std::to_string(*offset);
    auto r = net::send(call, net::kConnectTimeout, std::chrono::seconds(kPollSeconds + 10));
    json j = json::parse(r.body, nullptr, false);
    if (r.status != 200 || !j.is_object() || !j.value("ok", false) ||
        !jsonu::member(j, "result").is_array()) {
      std::fprintf(
          stderr, "parley: Telegram getUpdates failed (%ld %s)%s\n", r.status,
          r.transport_error.c_str(),
          r.status == 409 ? ": a webhook is set; polling and webhooks exclude each other" : "");
      return false;
    }
    for (const auto& u : j["result"]) {
      WebhookRequest w;
      w.path = "/webhooks/telegram";
      w.body = jsonu::dump(u);
      if (!deliver(w)) return false;  // not stored: ask for it again
      p.delivered_.fetch_add(1);
      *offset = std::max<int64_t>(*offset, static_cast<int64_t>(jsonu::number(u, "update_id")) + 1);
    }
    return true;
  }

  static bool greenapi(Poller& p, const GreenApiConfig& c, const Poller::Deliver& deliver) {
    const std::string base = c.api_base + "/waInstance" + c.instance_id;
    HttpCall call;
    call.method = "GET";
    call.url = base + "/receiveNotification/" + c.token +
               "?receiveTimeout=" + std::to_string(kPollSeconds);
    auto r = net::send(call, net::kConnectTimeout, std::chrono::seconds(kPollSeconds + 10));
    if (r.status != 200) {
      std::fprintf(stderr, "parley: GREEN-API receiveNotification failed (%ld %s)\n", r.status,
                   r.transport_error.c_str());
      return false;
    }
    json j = json::parse(r.body, nullptr, false);
    if (j.is_null() || (j.is_discarded() && r.body.find_first_not_of(" \r\n") == std::string::npos))
      return true;  // nothing waiting
    if (!j.is_object() || !j.contains("receiptId") || !jsonu::member(j, "body").is_object())
      return false;
    WebhookRequest w;
    w.path = "/webhooks/greenapi";
    w.body = jsonu::dump(j["body"]);
    if (!deliver(w)) return false;
    p.delivered_.fetch_add(1);
    HttpCall del;
    del.method = "DELETE";
    del.url = base + "/deleteNotification/" + c.token + "/" + jsonu::text(j, "receiptId");
    auto d = net::send(del, net::kConnectTimeout, std::chrono::seconds(10));
    return d.status == 200;  // if not, the notification comes again and is deduplicated
  }
};

std::unique_ptr<Poller> Poller::telegram(TelegramConfig config, Deliver deliver) {
  auto offset = std::make_shared<int64_t>(0);
  return std::unique_ptr<Poller>(new Poller([config, deliver, offset](Poller& p) {
    return PollSteps::telegram(p, config, deliver, offset.get());
  }));
}

std::unique_ptr<Poller> Poller::greenapi(GreenApiConfig config, Deliver deliver) {
  return std::unique_ptr<Poller>(
      new Poller([config, deliver](Poller& p) { return PollSteps::greenapi(p, config, deliver); }));
}

Poller::~Poller() {
  stop();
}

void Poller::start() {
  if (running_.exchange(true)) return;
  thread_ = std::thread([this] {
    int backoff_ms = 500;
    while (running_.load()) {
      if (step_(*this)) {
        backoff_ms = 500;
        continue;
      }
      for (int waited = 0; waited < backoff_ms && running_.load(); waited += 100)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      backoff_ms = std::min(backoff_ms * 2, 30000);
    }
  });
}

void Poller::stop() {
  running_.store(false);
  if (thread_.joinable()) thread_.join();
}

}  // namespace parley::channels
