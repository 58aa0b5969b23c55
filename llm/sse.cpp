#include "llm/sse.hpp"

namespace parley::llm {

void SseParser::feed(std::string_view chunk, std::vector<SseEvent>* out) {
  partial_.append(chunk);
  size_t start = 0;
  for (size_t nl; (nl = partial_.find('\n', start)) != std::string::npos; start = nl + 1) {
    std::string_view l(partial_.data() + start, nl - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    line(l, out);
  }
  partial_.erase(0, start);
}

void SseParser::line(std::string_view l, std::vector<SseEvent>* out) {
  if (l.empty()) {  // a blank line ends the event
    if (has_data_ || !current_.event.empty()) out->push_back(std::move(current_));
    current_ = SseEvent{};
    has_data_ = false;
    return;
  }
  if (l.front() == ':') return;  // a comment (keep-alive)
  const size_t colon = l.find(':');
  std::string_view field = l.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? "" : l.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    current_.event = std::string(value);
  } else if (field == "data") {
    if (has_data_) current_.data.push_back('\n');
    current_.data.append(value);
    has_data_ = true;
  }
}

bool SseParser::finish(SseEvent* out) {
  if (!partial_.empty()) {
    std::vector<SseEvent> none;
    line(partial_, &none);
    partial_.clear();
  }
  if (!has_data_) return false;
  *out = std::move(current_);
  current_ = SseEvent{};
  has_data_ = false;
  return true;
}

}  // namespace parley::llm
