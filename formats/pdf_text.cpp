#include "formats/pdf_text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <vector>

namespace parley::formats {
namespace {

using domain::fail;

// poppler prints a damaged file's complaints on stderr; the caller gets them
// as one FileError instead.
void quiet_poppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

struct Word {
  std::string text;
  double left, top, bottom;
  bool space_after;
};

bool ends_hyphenated(const std::string& s) {
  return s.size() >= 2 && s.back() == '-' && static_cast<unsigned char>(s[s.size() - 2]) >= 'A' &&
         s[s.size() - 2] != '-';
}

// Words in reading order (poppler's) into paragraphs, one per line.
class PageText {
 public:
  void word(const Word& w) {
    if (w.text.empty()) return;
    if (!started_) {
      start_line(w);
    } else if (w.top > line_top_ + 0.5 * line_height() || w.bottom < line_top_) {
      // A new line: a paragraph when the gap is taller than half a line or
      // the text went back up (the next column).
      const bool up = w.bottom < line_top_;
      const bool gap = w.top - line_bottom_ > 0.5 * line_height();
      if (up || gap) {
        paragraph_break();
      } else if (ends_hyphenated(text_)) {
        text_.pop_back();
      } else {
        text_.push_back(' ');
      }
      start_line(w);
    } else if (space_pending_) {
      text_.push_back(' ');
    }
    text_.append(w.text);
    line_bottom_ = std::max(line_bottom_, w.bottom);
    space_pending_ = w.space_after;
  }
  std::string finish() {
    paragraph_break();
    return std::move(out_);
  }

 private:
  double line_height() const { return std::max(1.0, line_bottom_ - line_top_); }
  void start_line(const Word& w) {
    started_ = true;
    line_top_ = w.top;
    line_bottom_ = w.bottom;
    space_pending_ = false;
  }
  void paragraph_break() {
    if (text_.empty()) return;
    if (!out_.empty()) out_.append("\n\n");
    out_.append(text_);
    text_.clear();
    started_ = false;
  }

  std::string out_, text_;
  bool started_ = false, space_pending_ = false;
  double line_top_ = 0, line_bottom_ = 0;
};

// Control characters (a PDF may map glyphs to anything) become spaces, so a
// word never carries a line or page break into the text.
std::string clean(const poppler::ustring& u) {
  const auto bytes = u.to_utf8();
  std::string s(bytes.begin(), bytes.end());
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return s;
}

}  // namespace

domain::Result<std::string, FileError> pdf_text(std::string_view bytes, size_t max_text) {
  quiet_poppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX))
    return fail(FileError{"", 0, "the PDF is too large"});
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return fail(FileError{"", 0, "not a PDF file, or one too damaged to open"});
  if (doc->is_locked()) return fail(FileError{"", 0, "the PDF is protected by a password"});
  const int pages = doc->pages();
  if (pages > kMaxPdfPages)
    return fail(FileError{"", 0,
                          "the PDF has " + std::to_string(pages) + " pages; at most " +
                              std::to_string(kMaxPdfPages) + " are read"});
  std::string out;
  bool any_text = false;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const std::string part = "page " + std::to_string(i + 1);
    if (!page) return fail(FileError{part, 0, "the page could not be read"});
    PageText text;
    for (const auto& box : page->text_list()) {
      const auto r = box.bbox();
      text.word({clean(box.text()), r.x(), r.y(), r.y() + r.height(), box.has_space_after()});
    }
    std::string page_text = text.finish();
    any_text = any_text || !page_text.empty();
    if (i > 0) out.append("\n\f\n");
    out.append(page_text);
    if (out.size() > max_text)
      return fail(FileError{part, 0,
                            "the PDF's text is over " + std::to_string(max_text >> 20) +
                                " MiB by this page; split it into several documents"});
  }
  if (!any_text)
    return fail(FileError{"", 0, "the PDF has no text to read (a scan? Parley reads no images)"});
  return out;
}

}  // namespace parley::formats
