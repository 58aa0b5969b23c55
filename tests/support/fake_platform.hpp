// A fake messaging platform on loopback (cpp-httplib): records every request
// and answers with a programmable responder, so tests check the exact wire
// format and inject 500s, 429s and slow answers.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing {

struct Recorded {
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;  // the query string
  std::map<std::string, std::string> headers;
  std::string body;
  std::map<std::string, std::string>
      form;  // multipart/form-data (httplib empties body): name -> content
};

struct Answer {
  int status = 200;
  std::string body = "{}";
  std::map<std::string, std::string> headers = {};
  std::chrono::milliseconds delay{0};
};

class FakePlatform {
 public:
  using Responder = std::function<Answer(const Recorded&, size_t nth)>;

  explicit FakePlatform(Responder responder) : responder_(std::move(responder)) {
    auto handle = [this](const httplib::Request& req, httplib::Response& res) {
      Recorded r{req.method, req.path, {}, {}, req.body, {}};
      for (const auto& [k, v] : req.params) r.params[k] = v;
      for (const auto& [k, v] : req.headers) r.headers[lower(k)] = v;
      for (const auto& [k, f] : req.files) r.form[k] = f.content;
      size_t nth;
      {
        std::lock_guard lock(mu_);
        requests_.push_back(r);
        nth = requests_.size();
      }
      Answer a;
      {
        std::lock_guard lock(responder_mu_);
        a = responder_(r, nth);
      }
      if (a.delay.count()) std::this_thread::sleep_for(a.delay);
      res.status = a.status;
      for (const auto& [k, v] : a.headers) res.set_header(k, v);
      res.set_content(a.body, "application/json");
    };
    // A thread per kept-alive connection: enough for the outbox's parallel sends.
    server_.new_task_queue = [] { return new httplib::ThreadPool(96); };
    server_.Post(".*", handle);
    server_.Get(".*", handle);
    server_.Delete(".*", handle);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakePlatform() {
    server_.stop();
    thread_.join();
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void respond(Responder r) {
    std::lock_guard lock(responder_mu_);
    responder_ = std::move(r);
  }
  std::vector<Recorded> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  size_t count() const {
    std::lock_guard lock(mu_);
    return requests_.size();
  }
  // Polls until `pred(requests)` holds or `timeout` passes.
  bool wait_for(const std::function<bool(const std::vector<Recorded>&)>& pred,
                std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      if (pred(requests())) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pred(requests());
  }

 private:
  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::vector<Recorded> requests_;
  std::mutex responder_mu_;
  Responder responder_;
};

}  // namespace parley::testing
