// The text formats/ reads from a Word document (one paragraph per line,
// "# " headings, "- " list items) and from a PDF (one paragraph per line,
// pages apart on a line holding only "\f").
#include "domain/knowledge_split_parts.hpp"

namespace parley::domain::knowledge::detail {
namespace {

// A paragraph that reads as a title: a few words, no sentence or clause end
// ("Payment", "Terms of sale", "Returns and refunds"). A PDF has no heading
// styles, and many Word files set titles in bold instead of a heading style:
// such a paragraph names the passages below it rather than being one.
bool title_like(const std::string& text) {
  if (text.empty() || text.size() > 80) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' || last == ',')
    return false;
  size_t words = 1;
  for (char c : text) words += c == ' ' ? 1 : 0;
  return words <= 8;
}

// Paragraphs in, passages out, a title-like paragraph held back to name the
// passages after it; one that nothing follows (the end, or another title)
// is a passage after all, so nothing the document says is lost.
class Titled {
 public:
  Titled(const std::string& language, Out* out) : language_(language), out_(out) {}
  void heading(std::string h) {
    flush_title();
    heading_ = std::move(h);
  }
  void paragraph(const Block& block, uint32_t page, bool may_be_title) {
    if (block.empty()) return;
    if (may_be_title && title_like(block.text())) {
      flush_title();
      title_ = block;
      title_page_ = page;
      return;
    }
    if (!title_.empty()) {
      heading_ = first_piece(title_.text(), kMaxHeadingBytes);
      title_.clear();
    }
    emit(block, heading_, language_, out_, page);
  }
  void flush_title() {
    if (title_.empty()) return;
    emit(title_, heading_, language_, out_, title_page_);
    title_.clear();
  }

 private:
  const std::string& language_;
  Out* out_;
  std::string heading_;
  Block title_;
  uint32_t title_page_ = 0;
};

}  // namespace

// A .docx paragraph is a passage, but a paragraph that ends with ':' keeps
// the list items after it ("We ship with:" and its carriers are one answer).
// A line that starts with a space is text, whatever follows: formats/ adds
// one before a paragraph that only looks like a heading or an item.
void split_docx(std::string_view body, const std::string& language, Out* out) {
  Lines lines(body);
  std::string_view raw;
  Block block;
  Titled titled(language, out);
  bool open_for_items = false, items = false;
  auto flush = [&] {
    titled.paragraph(block, 0, !items);
    block.clear();
    open_for_items = items = false;
  };
  while (lines.next(&raw)) {
    const size_t hashes = raw.find_first_not_of('#');
    if (hashes >= 1 && hashes <= 6 && hashes != npos && raw[hashes] == ' ') {
      flush();
      titled.heading(first_piece(collapse(raw.substr(hashes)), kMaxHeadingBytes));
    } else if (starts_with(raw, "- ")) {
      if (!block.empty() && !open_for_items) flush();
      block.add(collapse(raw.substr(2)), lines.number(), '\n');
      open_for_items = items = true;
    } else {
      flush();
      std::string text = collapse(raw);
      if (text.empty()) continue;
      const bool introduces = text.back() == ':';
      block.add(text, lines.number(), ' ');
      if (introduces)
        open_for_items = true;
      else
        flush();
    }
  }
  flush();
  titled.flush_title();
}

void split_pdf(std::string_view body, const std::string& language, Out* out) {
  Lines lines(body);
  std::string_view raw;
  Block paragraph;
  Titled titled(language, out);
  uint32_t page = 1;
  auto flush = [&] {
    titled.paragraph(paragraph, page, true);
    paragraph.clear();
  };
  while (lines.next(&raw)) {
    if (raw == "\f") {
      flush();
      ++page;
      continue;
    }
    std::string text = collapse(raw);
    if (text.empty())
      flush();
    else
      paragraph.add(text, lines.number(), ' ');
  }
  flush();
  titled.flush_title();
}

}  // namespace parley::domain::knowledge::detail
