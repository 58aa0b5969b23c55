#include "channels/channel.hpp"

#include <cstdlib>

#include "channels/text_split.hpp"

namespace parley::channels {

std::string WebhookRequest::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::vector<OutboundPart> plan_parts(const std::string& text,
                                     const std::vector<domain::conversation::Media>& media,
                                     const domain::conversation::Template& tmpl,
                                     const Limits& limits) {
  std::vector<OutboundPart> parts;
  if (!tmpl.empty()) {
    OutboundPart p;
    p.text = text;
    p.template_message = tmpl;
    parts.push_back(std::move(p));
    return parts;
  }
  for (auto& piece : split_text(text, limits.text_chars))
    parts.push_back({std::move(piece), "", {}});
  for (const auto& m : media) {
    if (m.url.empty()) continue;
    auto caption = split_text(m.caption, limits.caption_chars);
    parts.push_back({caption.empty() ? "" : caption.front(), m.url, {}});
  }
  return parts;
}

int64_t retry_after_ms(double seconds) {
  if (!(seconds >= 0)) return -1;
  if (seconds * 1000 >= static_cast<double>(kMaxRetryAfterMs)) return kMaxRetryAfterMs;
  return static_cast<int64_t>(seconds * 1000);
}

SendResult classify_generic(const HttpResponse& r) {
  SendResult out;
  if (r.status == 0) {
    out.outcome = Outcome::retry;
    out.error = r.transport_error.empty() ? "no answer" : r.transport_error;
    return out;
  }
  if (r.status >= 200 && r.status < 300) {
    out.outcome = Outcome::delivered;
    return out;
  }
  out.error = "HTTP " + std::to_string(r.status);
  if (!r.body.empty()) out.error += ": " + r.body.substr(0, 300);
  if (r.status == 429 || r.status >= 500 || r.status == 408) {
    out.outcome = Outcome::retry;
    auto it = r.headers.find("retry-after");
    if (it != r.headers.end()) {
      char* end = nullptr;
      double s = std::strtod(it->second.c_str(), &end);
      if (end != it->second.c_str()) out.retry_after_ms = retry_after_ms(s);
    }
    return out;
  }
  out.outcome = Outcome::permanent;
  return out;
}

bool fetchable_url(const std::string& url, const std::string& api_base) {
  if (url.size() > 4096) return false;
  for (unsigned char c : url)
    if (c <= ' ' || c == 0x7f) return false;
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  return api_base.rfind("http://", 0) == 0 && url.rfind("http://", 0) == 0 && url.size() > 7;
}

MediaStep Adapter::media_answer(int, const HttpResponse& r) const {
  MediaStep out;
  if (r.status >= 200 && r.status < 300) {
    out.kind = MediaStep::Kind::file;
    return out;
  }
  out.error = r.status == 0 ? r.transport_error : "HTTP " + std::to_string(r.status);
  return out;
}

}  // namespace parley::channels
