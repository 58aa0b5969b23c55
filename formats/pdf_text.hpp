// The text of a PDF, read with poppler: page by page, its words put back into
// lines and paragraphs by where they sit (a gap taller than half a line, or a
// jump back up to a new column, starts a paragraph; a word hyphenated at a
// line's end is joined). Each paragraph is one line of the result, a blank
// line between paragraphs, and a line holding only "\f" between pages, so the
// split (domain::knowledge, Format::pdf) knows each passage's page.
// A scanned PDF has no text to read: that is an error, not an empty document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

// A bound on the work one upload asks for: a 2 MiB text is seldom past a few
// hundred pages.
inline constexpr int kMaxPdfPages = 2000;

domain::Result<std::string, FileError> pdf_text(std::string_view bytes, size_t max_text);

}  // namespace parley::formats
