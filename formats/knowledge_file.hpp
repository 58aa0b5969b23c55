// An uploaded knowledge document as the text its events keep: a .docx or a
// PDF is read here (formats/docx_text.hpp, formats/pdf_text.hpp) and only its
// text is stored, never the file; the other formats are text already. Both
// the HTTP route and `parley knowledge import` go through this one function.
#pragma once

#include <string>
#include <string_view>

#include "domain/knowledge_text.hpp"
#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

domain::Result<std::string, FileError> knowledge_text_of(domain::knowledge::Format format,
                                                         std::string_view file);

// The format a file's name suggests ("faq.csv" is a FAQ, "chat.txt" text);
// false when its extension says nothing.
bool knowledge_format_of_name(std::string_view name, domain::knowledge::Format* format);

}  // namespace parley::formats
