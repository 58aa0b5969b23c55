#include "http/server.hpp"

#include <httplib.h>

#include <sys/socket.h>
#include "domain/limits.hpp"
#include "http/connection_gate.hpp"
#include "http/gated_stream.hpp"

#include <cerrno>
#include <cstring>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace parley::http {

namespace {

// Set while a worker serves a request whose connection must not carry
// another: a body refused unread (413) or an error cpp-httplib answered
// itself (a malformed request line…). Kept open, the unread bytes were parsed
// as the next request — a desync a proxy in front would act on.
thread_local bool close_after_this = false;

// cpp-httplib with its per-connection entry point taken over: each accepted
// socket goes to the gate, which hands it back one complete request head at a
// time (serve_one). process_request is cpp-httplib's own request handling.
class GatedServer final : public httplib::Server {
 public:
  void attach(ConnectionGate* gate) { gate_ = gate; }
  // One request on `fd` (its head has arrived); true to keep the connection.
  bool serve_one(int fd, const Endpoints& ends, bool last, const StreamLimits& limits,
                 std::string& unread) {
    GatedStream stream(fd, ends, limits, std::move(unread));
    bool closed = false;
    close_after_this = false;
    const bool ok = process_request(stream, last, closed, nullptr);
    // A failed request's held head is dropped, not sent without its body:
    // the client sees the connection close, not a truncated response.
    const bool sent = ok && stream.flush();
    unread = stream.keep_unread();
    return ok && sent && !closed && !last && !close_after_this && !*stream.cut_off();
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    gate_->admit(sock);
    return true;
  }
  ConnectionGate* gate_ = nullptr;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  const Router& router;
  HttpMetrics& metrics;
  GatedServer server;
  std::unique_ptr<ConnectionGate> gate;
  std::thread thread;

  Impl(ServerOptions o, const Router& r, HttpMetrics& m)
      : options(std::move(o)), router(r), metrics(m) {}

  // Keep-alive connections serve at most this many requests, then close.
  static constexpr size_t kMaxRequestsPerConnection = 1u << 20;

  bool serve(int fd, const Endpoints& ends, size_t served, std::string& unread) {
    StreamLimits limits;
    limits.deadline = std::chrono::steady_clock::now() + options.request_read_timeout;
    limits.max_read_bytes = drain_limit() + 64 * 1024;  // the body we drain, and a head
    return server.serve_one(fd, ends, served + 1 >= kMaxRequestsPerConnection, limits, unread);
  }

  static void write(const HttpResponse& from, httplib::Response& to) {
    to.status = from.status;
    for (const auto& [k, v] : from.headers) to.set_header(k, v);
    if (from.stream) {
      auto stream = from.stream;
      to.set_chunked_content_provider(from.content_type, [stream](size_t, httplib::DataSink& sink) {
        try {
          stream([&sink](const std::string& bytes) {
            return sink.is_writable() && sink.write(bytes.data(), bytes.size());
          });
        } catch (const std::exception& e) {
          std::fprintf(stderr, "parley: stream failed: %s\n", e.what());
        }
        sink.done();
        return true;
      });
      return;
    }
    to.set_content(from.body, from.content_type.c_str());
  }

  void dispatch(const httplib::Request& req, httplib::Response& res) {
    dispatch(req, req.body, res);
  }

  // Bodies are read here rather than by cpp-httplib, which would parse (and,
  // in Debian's build, cap at 8 KiB) form-encoded bodies. A body over our
  // limit with a Content-Length is read to its end and dropped, so the client
  // gets its 413 on a connection that stays usable; past drain_limit() it is
  // not read and the connection is closed. A chunked body has no end to wait
  // for: reading stops at the limit and the connection closes (an endless one
  // was read in full, 6 GiB in 8 s: issue 17, item 11).
  size_t drain_limit() const { return options.max_body * 8; }

  void dispatch_with_body(const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) {
    std::string body;
    bool too_large = false;
    const bool chunked = !req.has_header("Content-Length");
    if (req.has_header("Content-Length") &&
        std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) >
            drain_limit()) {
      too_large = true;
      res.set_header("Connection", "close");
    } else {
      reader([&](const char* data, size_t len) {
        if (too_large || body.size() + len > options.max_body) {
          too_large = true;
          body.clear();
          if (chunked) res.set_header("Connection", "close");
          return !chunked;  // a Content-Length body is drained, a chunked one cut off
        }
        body.append(data, len);
        return true;
      });
    }
    if (too_large) {
      close_after_this = true;
      res.set_header("Connection", "close");
      HttpResponse out =
          json_error(413, "payload_too_large",
                     "the body is larger than " + std::to_string(options.max_body) + " bytes");
      write(out, res);
      metrics.observe(HttpMetrics::kUnmatched, 413, 0);
      return;
    }
    dispatch(req, body, res);
  }

  void dispatch(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    // The router decodes each segment itself, so it gets the path as sent:
    // cpp-httplib's req.path is decoded already ("%2541" would become "A",
    // and an encoded "/" would split a segment).
    const std::string raw_path = req.target.substr(0, req.target.find('?'));
    auto match = router.match(req.method, raw_path.empty() ? req.path : raw_path);
    std::string route = HttpMetrics::kUnmatched;
    HttpResponse out;
    switch (match.kind) {
      case Router::Match::found: {
        route = match.route;
        // An id no entity can have is the caller's mistake (400), not "retry" (503).
        std::string bad;
        for (const auto& [name, value] : match.params)
          if (!domain::valid_id(value, domain::kMaxPathIdBytes)) bad = name;
        if (!bad.empty()) {
          out = json_error(400, "invalid_id",
                           "'" + bad + "' must be 1 to " + std::to_string(domain::kMaxPathIdBytes) +
                               " bytes without control characters");
          break;
        }
        HttpRequest in;
        in.method = req.method;
        in.path = req.path;
        in.body = body;
        in.path_params = std::move(match.params);
        in.remote_address = req.remote_addr;
        for (const auto& [k, v] : req.params) in.query.emplace(k, v);
        for (const auto& [k, v] : req.headers) {
          std::string lower = k;
          for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          in.headers.emplace(std::move(lower), v);
        }
        try {
          out = (*match.handler)(in);
        } catch (const std::exception& e) {
          std::fprintf(stderr, "parley: %s %s failed: %s\n", req.method.c_str(), req.path.c_str(),
                       e.what());
          out = json_error(500, "internal", "internal error");
        }
        break;
      }
      case Router::Match::method_not_allowed:
        out =
            json_error(405, "method_not_allowed",
                       req.method + " is not allowed on " + req.path + "; allowed: " + match.allow);
        out.headers.emplace_back("Allow", match.allow);
        break;
      case Router::Match::not_found:
        out = json_error(404, "not_found", "no route for " + req.method + " " + req.path);
        break;
    }
    if (req.method == "HEAD") out.body.clear();
    write(out, res);
    metrics.observe(
        route, out.status,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }

  // Errors cpp-httplib answers itself (413, 400 on a broken request line…).
  httplib::Server::HandlerResponse on_error(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    close_after_this = true;  // cpp-httplib's own error: what follows on the socket is unknown
    HttpResponse out;
    switch (res.status) {
      case 413:
        out = json_error(413, "payload_too_large",
                         "the body is larger than " + std::to_string(options.max_body) + " bytes");
        break;
      case 404:
        out = json_error(404, "not_found", "no route for " + req.method + " " + req.path);
        break;
      case 400:
        out = json_error(400, "bad_request", "the request could not be parsed");
        break;
      default:
        out = json_error(res.status, "http_error",
                         "request failed with status " + std::to_string(res.status));
    }
    write(out, res);
    metrics.observe(HttpMetrics::kUnmatched, res.status, 0);
    return httplib::Server::HandlerResponse::Handled;
  }
};

HttpServer::HttpServer(ServerOptions options, const Router& router, HttpMetrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

HttpServer::~HttpServer() {
  stop();
}

bool HttpServer::start(std::string* error) {
  auto& s = impl_->server;
  GateOptions gate;
  gate.workers = impl_->options.threads;
  gate.max_per_address = impl_->options.max_connections_per_address;
  gate.max_serving_per_address = impl_->options.max_serving_per_address;
  gate.head_timeout = impl_->options.head_timeout;
  gate.idle_timeout = std::chrono::seconds(impl_->options.keep_alive_seconds);
  impl_->gate = std::make_unique<ConnectionGate>(
      gate, [this](int fd, const Endpoints& ends, size_t served, std::string& unread) {
        return impl_->serve(fd, ends, served, unread);
      });
  if (!impl_->gate->start(error)) return false;
  s.attach(impl_->gate.get());
  // cpp-httplib's own pool only hands accepted sockets to the gate.
  s.new_task_queue = [] { return new httplib::ThreadPool(2); };
  s.set_tcp_nodelay(true);
  // Our own limit is enforced while reading (dispatch_with_body).
  s.set_payload_max_length(impl_->drain_limit());
  s.set_keep_alive_max_count(1u << 20);
  s.set_keep_alive_timeout(impl_->options.keep_alive_seconds);
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    impl_->dispatch(req, res);
  };
  auto with_body = [this](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) {
    impl_->dispatch_with_body(req, res, reader);
  };
  const char* any = ".*";
  // Requests without a body take the plain handlers, those with one the readers.
  s.Get(any, handler);
  s.Options(any, handler);
  s.Post(any, handler);
  s.Put(any, handler);
  s.Patch(any, handler);
  s.Delete(any, handler);
  s.Post(any, with_body);
  s.Put(any, with_body);
  s.Patch(any, with_body);
  s.Delete(any, with_body);
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        return impl_->on_error(req, res);
      }));

  // cpp-httplib listens with a backlog of 5 (fixed when Debian built it): a
  // burst of new connections overflows the accept queue and waits for TCP
  // retransmits, a second or more. Remember the listening socket and listen
  // again on it with a real backlog (Linux updates the backlog in place).
  int listen_fd = -1;
  s.set_socket_options([&listen_fd](socket_t sock) {
    // SO_REUSEADDR only: cpp-httplib's defaults add SO_REUSEPORT, and then a
    // second server started on the same port (another data dir) shared its
    // connections with the first, splitting the chats between two logs.
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  if (impl_->options.port == 0) {
    port_ = s.bind_to_any_port(impl_->options.host);
  } else if (s.bind_to_port(impl_->options.host, impl_->options.port)) {
    port_ = impl_->options.port;
  } else {
    port_ = -1;
  }
  if (port_ <= 0) {
    *error = "cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port);
    return false;
  }
  if (listen_fd >= 0 && ::listen(listen_fd, impl_->options.listen_backlog) != 0) {
    *error = std::string("listen: ") + std::strerror(errno);
    return false;
  }
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!impl_->server.is_running()) {
    *error = "the server did not start listening";
    stop();
    return false;
  }
  return true;
}

void HttpServer::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
  impl_->gate->stop();  // requests being served finish; waiting connections close
}

std::string HttpServer::gate_metrics() const {
  if (!impl_->gate) return "";
  const auto g = impl_->gate->stats();
  std::string out;
  auto line = [&](const char* name, const char* type, const char* help, uint64_t v) {
    append_metric(&out, name, type, help, v);
  };
  line("parley_http_connections_open", "gauge", "Client connections open (waiting or served).",
       g.open);
  line("parley_http_connections_refused_total", "counter",
       "Connections closed at once: over the per-address or total cap.", g.refused_per_address);
  line("parley_http_head_timeouts_total", "counter",
       "Connections closed for not sending a whole request head in time.", g.head_timeouts);
  line("parley_http_heads_too_large_total", "counter", "Request heads over 64 KiB (431).",
       g.heads_too_large);
  return out;
}

}  // namespace parley::http
