// Server-Sent Events, as OpenAI, Anthropic and Gemini stream them: bytes in,
// whole events out. Pure and incremental: a chunk may end anywhere, even in
// the middle of a line or of a UTF-8 sequence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::llm {

struct SseEvent {
  std::string event;  // "" when the stream names none
  std::string data;   // data lines joined by '\n'
};

class SseParser {
 public:
  // Appends the events that `chunk` completes to `out`.
  void feed(std::string_view chunk, std::vector<SseEvent>* out);
  // The event left open when the stream ended without a blank line.
  bool finish(SseEvent* out);

 private:
  void line(std::string_view l, std::vector<SseEvent>* out);
  std::string partial_;  // an unfinished line
  SseEvent current_;
  bool has_data_ = false;
};

}  // namespace parley::llm
