#include "formats/knowledge_file.hpp"

#include "formats/docx_text.hpp"
#include "formats/pdf_text.hpp"

namespace parley::formats {

namespace knowledge = domain::knowledge;

domain::Result<std::string, FileError> knowledge_text_of(knowledge::Format format,
                                                         std::string_view file) {
  switch (format) {
    case knowledge::Format::docx:
      return docx_text(file, knowledge::kMaxDocumentBytes);
    case knowledge::Format::pdf:
      return pdf_text(file, knowledge::kMaxDocumentBytes);
    case knowledge::Format::text:
    case knowledge::Format::markdown:
    case knowledge::Format::faq_csv:
    case knowledge::Format::whatsapp_chat:
      break;
  }
  return std::string(file);
}

bool knowledge_format_of_name(std::string_view name, knowledge::Format* format) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
  if (ext == "md" || ext == "markdown")
    *format = knowledge::Format::markdown;
  else if (ext == "csv")
    *format = knowledge::Format::faq_csv;
  else if (ext == "txt")
    *format = knowledge::Format::text;
  else if (ext == "docx")
    *format = knowledge::Format::docx;
  else if (ext == "pdf")
    *format = knowledge::Format::pdf;
  else
    return false;
  return true;
}

}  // namespace parley::formats
