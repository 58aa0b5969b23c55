#include "domain/knowledge_text.hpp"

#include "domain/knowledge_split_parts.hpp"

namespace parley::domain::knowledge {

using namespace detail;

const char* to_string(Format format) {
  switch (format) {
    case Format::text:
      return "text";
    case Format::markdown:
      return "markdown";
    case Format::faq_csv:
      return "faq_csv";
    case Format::whatsapp_chat:
      return "whatsapp_chat";
    case Format::docx:
      return "docx";
    case Format::pdf:
      return "pdf";
  }
  return "text";
}

bool format_from(std::string_view name, Format* format) {
  for (Format f : {Format::text, Format::markdown, Format::faq_csv, Format::whatsapp_chat,
                   Format::docx, Format::pdf}) {
    if (name == to_string(f)) {
      *format = f;
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& faq_languages() {
  static const std::vector<std::string> kLanguages = {"en", "es", "ru", "id", "hi"};
  return kLanguages;
}

Split split(Format format, std::string_view body, const std::string& language) {
  Out out;
  if (body.size() > kMaxDocumentBytes) {
    out.error(0, "the document is larger than 2 MiB");
    return out.finish();
  }
  if (size_t bad = invalid_utf8_at(body); bad != npos) {
    out.error(line_of(body, bad), "the document is not UTF-8 text; save it as UTF-8");
    return out.finish();
  }
  if (starts_with(body, "\xEF\xBB\xBF")) body.remove_prefix(3);  // a BOM
  switch (format) {
    case Format::text:
      split_text(body, language, &out);
      break;
    case Format::markdown:
      split_markdown(body, language, &out);
      break;
    case Format::faq_csv:
      split_faq(body, &out);
      break;
    case Format::whatsapp_chat:
      split_whatsapp(body, language, &out);
      break;
    case Format::docx:
      split_docx(body, language, &out);
      break;
    case Format::pdf:
      split_pdf(body, language, &out);
      break;
  }
  return out.finish();
}

}  // namespace parley::domain::knowledge
