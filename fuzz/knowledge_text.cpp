// Shop knowledge uploads (domain/knowledge_text.cpp), as POST
// /api/v1/admin/knowledge splits them. Input: one byte choosing the format
// (text, Markdown, FAQ CSV, WhatsApp export, and the text formats/ makes of a
// .docx or a PDF), then the document. Besides "no
// crash": every passage is non-empty valid UTF-8 within its byte limit, with
// a line, numbered 0, 1, 2 … in order; passages and errors stay within their
// caps.
#include <string>

#include "domain/knowledge_text.hpp"
#include "fuzz/fuzz.hpp"

using namespace parley;
namespace knowledge = parley::domain::knowledge;

namespace {

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const knowledge::Format kFormats[] = {
      knowledge::Format::text,          knowledge::Format::markdown, knowledge::Format::faq_csv,
      knowledge::Format::whatsapp_chat, knowledge::Format::docx,     knowledge::Format::pdf};
  const auto format = kFormats[data[0] % 6];
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto split = knowledge::split(format, body, "en");
  if (split.passages.size() > knowledge::kMaxPassages) fuzz::fail("more passages than the cap");
  if (split.errors.size() > knowledge::kMaxErrors + 2) fuzz::fail("more errors than the cap");
  for (size_t i = 0; i < split.passages.size(); ++i) {
    const auto& p = split.passages[i];
    if (p.position != i) fuzz::fail("passages are not numbered in order");
    if (p.text.empty()) fuzz::fail("an empty passage");
    if (p.line == 0) fuzz::fail("a passage without its line");
    if (!valid_utf8(p.text) || !valid_utf8(p.question) || !valid_utf8(p.heading))
      fuzz::fail("a passage is not valid UTF-8 (a cut inside a character?)");
    // A chat message cut in pieces repeats its "Name: " (at most 80 bytes) in each.
    if (p.text.size() > knowledge::kMaxPassageBytes + 82)
      fuzz::fail("a passage over its byte limit");
  }
  for (const auto& e : split.errors)
    if (e.message.empty()) fuzz::fail("an error without a reason");
  return 0;
}
