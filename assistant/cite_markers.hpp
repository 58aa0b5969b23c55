// The citation a model writes at the end of its reply: "[cite: <id>]", the
// id being one search_knowledge returned ("faq:2"). The marker is for Parley,
// not the shopper: it is taken off the reply, and off the stream as it is
// written, and its id recorded when the tool really returned it
// (assistant/model_turn.cpp). Plain loops, no regex; linear in the reply.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::assistant {

// A reply's text without the [cite: <id>] markers it ends with (spaces
// tolerated inside and between them, any case of "cite"), trailing blanks
// trimmed; `ids`: what they named, in the order written. A marker elsewhere in
// the text is left as written.
struct CitedText {
  std::string text;
  std::vector<std::string> ids;
};
CitedText strip_cite_markers(const std::string& text);

// Streams a reply to `out` but holds back what may be its closing markers
// (and the blanks before them), so the shopper never sees a [cite: …]: a
// streamed model reply is not sent again whole (http/chat_stream.cpp).
class MarkerHoldback {
 public:
  explicit MarkerHoldback(std::function<void(const std::string&)> out);
  void write(std::string_view delta);
  // The model's call ended. If the reply ends here, held markers are dropped
  // as strip_cite_markers drops them; else (tools follow) they were text.
  void end_call(bool reply_ends);

 private:
  std::function<void(const std::string&)> out_;
  std::string held_;
};

}  // namespace parley::assistant
