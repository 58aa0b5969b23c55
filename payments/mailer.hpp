// Sending an e-mail with one attachment (the invoice): through an SMTP
// server with libcurl (SMTP_URL, e.g. smtp://mail.example:587 or
// smtps://user:password@mail.example; SMTP_FROM the sender), or through the
// SendGrid v3 API (SENDGRID_API_KEY, SENDGRID_API_BASE). Blocking: called
// from the order worker's thread. Retries are the caller's: the order
// records each failed attempt in the log and tries again after a backoff.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace parley::payments {

struct MailMessage {
  std::string from;
  std::string from_name;
  std::string to;
  std::string subject;
  std::string text;
  std::string attachment_name;  // "" for none
  std::string attachment;       // the bytes
  std::string attachment_type = "application/pdf";
};

struct MailResult {
  bool ok = false;
  bool permanent = false;  // the server refused it for good (bad address, bad key)
  std::string error;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual std::string name() const = 0;  // "smtp", "sendgrid"
  virtual MailResult send(const MailMessage& message) const = 0;
};

// The message as RFC 5322 text with a MIME multipart body: the text part
// (UTF-8, quoted-printable) and the attachment (base64, lines of 76).
// Headers with non-ASCII text are RFC 2047 encoded. Pure.
std::string mime_message(const MailMessage& m, const std::string& boundary, const std::string& date,
                         const std::string& message_id);
// The SendGrid v3 /mail/send body. Pure.
std::string sendgrid_body(const MailMessage& m);

struct SmtpOptions {
  std::string url;  // SMTP_URL
  std::chrono::milliseconds timeout{20000};
};
std::unique_ptr<Mailer> smtp_mailer(SmtpOptions options);

struct SendGridOptions {
  std::string api_key;
  std::string api_base = "https://api.sendgrid.com";
  std::chrono::milliseconds timeout{20000};
};
std::unique_ptr<Mailer> sendgrid_mailer(SendGridOptions options);

}  // namespace parley::payments
