#include "payments/mailer.hpp"

#include <curl/curl.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <random>

#include "channels/signatures.hpp"
#include "events/envelope_json.hpp"
#include "net/http_call.hpp"

namespace parley::payments {

namespace {

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20) return false;
  return true;
}

// RFC 2047 "encoded-word" for a header value that is not plain ASCII.
std::string header_text(const std::string& s) {
  if (ascii(s)) return s;
  return "=?UTF-8?B?" + channels::base64_encode(s) + "?=";
}

std::string wrap76(const std::string& b64) {
  std::string out;
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

// Quoted-printable, soft line breaks before 76 columns; lines end in CRLF.
std::string quoted_printable(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  size_t col = 0;
  auto put = [&](const std::string& piece) {
    if (col + piece.size() > 75) {
      out += "=\r\n";
      col = 0;
    }
    out += piece;
    col += piece.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\r\n";
      col = 0;
    } else if (c == '\r') {
      continue;
    } else if ((c >= 33 && c <= 126 && c != '=') ||
               (c == ' ' && i + 1 < text.size() && text[i + 1] != '\n')) {
      put(std::string(1, static_cast<char>(c)));
    } else {
      put(std::string{'=', hex[c >> 4], hex[c & 15]});
    }
  }
  return out + "\r\n";
}

std::string address(const std::string& name, const std::string& email) {
  return name.empty() ? "<" + email + ">" : header_text(name) + " <" + email + ">";
}

std::string rfc5322_date() {
  return events::format_utc(int64_t{time(nullptr)} * 1000000, "%a, %d %b %Y %H:%M:%S +0000");
}

std::string random_token() {
  std::random_device rd;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x%08x%08x", rd(), rd(), rd());
  return buf;
}

std::string domain_of(const std::string& email) {
  auto at = email.find('@');
  return at == std::string::npos ? "parley.local" : email.substr(at + 1);
}

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpOptions o) : o_(std::move(o)) {}
  std::string name() const override { return "smtp"; }

  MailResult send(const MailMessage& m) const override {
    const std::string token = random_token();
    const std::string data = mime_message(m, "parley-" + token, rfc5322_date(),
                                          "<" + token + "@" + domain_of(m.from) + ">");
    struct Reader {
      const std::string* data;
      size_t at = 0;
    } reader{&data};
    auto read = +[](char* buf, size_t size, size_t n, void* p) -> size_t {
      auto* r = static_cast<Reader*>(p);
      const size_t left = r->data->size() - r->at, take = std::min(left, size * n);
      std::memcpy(buf, r->data->data() + r->at, take);
      r->at += take;
      return take;
    };
    MailResult result;
    CURL* curl = curl_easy_init();
    if (!curl) {
      result.error = "curl_easy_init failed";
      return result;
    }
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
    const std::string from = "<" + m.from + ">";
    curl_easy_setopt(curl, CURLOPT_URL, o_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(o_.timeout.count()));
    const CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK) {
      result.ok = true;
      return result;
    }
    result.error = std::string("smtp: ") + curl_easy_strerror(rc) +
                   (code ? " (server said " + std::to_string(code) + ")" : "");
    // 5xx is the server's final word (no such mailbox, refused); 4xx and
    // transport failures may pass.
    result.permanent = code >= 500 && code < 600;
    return result;
  }

 private:
  SmtpOptions o_;
};

class SendGridMailer final : public Mailer {
 public:
  explicit SendGridMailer(SendGridOptions o) : o_(std::move(o)) {}
  std::string name() const override { return "sendgrid"; }

  MailResult send(const MailMessage& m) const override {
    net::HttpCall call;
    call.method = "POST";
    call.url = o_.api_base + "/v3/mail/send";
    call.headers = {{"Authorization", "Bearer " + o_.api_key},
                    {"Content-Type", "application/json"}};
    call.body = sendgrid_body(m);
    const auto r = net::send(call, net::kConnectTimeout, o_.timeout);
    MailResult result;
    if (r.status >= 200 && r.status < 300) {
      result.ok = true;
      return result;
    }
    result.error = r.status == 0 ? "sendgrid unreachable: " + r.transport_error
                                 : "sendgrid answered " + std::to_string(r.status) + ": " +
                                       r.body.substr(0, 300);
    result.permanent = r.status >= 400 && r.status < 500 && r.status != 408 && r.status != 429;
    return result;
  }

 private:
  SendGridOptions o_;
};

}  // namespace

std::string mime_message(const MailMessage& m, const std::string& boundary, const std::string& date,
                         const std::string& message_id) {
  std::string out;
  out += "Date: " + date + "\r\n";
  out += "From: " + address(m.from_name, m.from) + "\r\n";
  out += "To: <" + m.to + ">\r\n";
  out += "Subject: " + header_text(m.subject) + "\r\n";
  out += "Message-ID: " + message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(m.text);
  if (!m.attachment_name.empty()) {
    out += "--" + boundary + "\r\n";
    out += "Content-Type: " + m.attachment_type + "; name=\"" + m.attachment_name + "\"\r\n";
    out += "Content-Disposition: attachment; filename=\"" + m.attachment_name + "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += wrap76(channels::base64_encode(m.attachment));
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

std::string sendgrid_body(const MailMessage& m) {
  nlohmann::json from = {{"email", m.from}};
  if (!m.from_name.empty()) from["name"] = m.from_name;
  nlohmann::json body = {
      {"personalizations", {{{"to", {{{"email", m.to}}}}}}},
      {"from", from},
      {"subject", m.subject},
      {"content", {{{"type", "text/plain"}, {"value", m.text}}}},
  };
  if (!m.attachment_name.empty())
    body["attachments"] = {{{"content", channels::base64_encode(m.attachment)},
                            {"type", m.attachment_type},
                            {"filename", m.attachment_name},
                            {"disposition", "attachment"}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::unique_ptr<Mailer> smtp_mailer(SmtpOptions options) {
  return std::make_unique<SmtpMailer>(std::move(options));
}
std::unique_ptr<Mailer> sendgrid_mailer(SendGridOptions options) {
  return std::make_unique<SendGridMailer>(std::move(options));
}

}  // namespace parley::payments
