// The text of a Word document (.docx): its paragraphs in order, one per line,
// so a passage's line is the paragraph's number in the document. Headings
// (styles Title and Heading1..6, or an outline level) become Markdown-style
// "# " lines that name the passages below them; numbered and bulleted
// paragraphs become "- " lines. Tables give one paragraph per cell paragraph.
// What is not text (images, fields' codes, comments, headers and footers) is
// left out. The split is domain::knowledge's (Format::docx).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

// word/document.xml is read up to this size inflated: a 2 MiB text in XML
// with its run markup is seldom past a tenth of it.
inline constexpr size_t kMaxDocxXmlBytes = 32 * 1024 * 1024;

// `max_text` bounds the text (the document's cap): a longer text is an error.
domain::Result<std::string, FileError> docx_text(std::string_view bytes, size_t max_text);

}  // namespace parley::formats
