// The shop's own documents split into passages (issue 21): text in, passages
// out, each with the line it starts on and its order, so the bot can quote the
// best one and say where it comes from. Formats: plain text and Markdown
// (paragraphs; Markdown's headings name the passages below them), a FAQ as CSV
// (one passage per row, in the row's language) and a WhatsApp "Export chat"
// (messages grouped, a question with its answers). A Word document or a PDF
// arrives here as the text formats/ read from it: a .docx one paragraph per
// line (so a passage's line is its paragraph's number), a PDF with its pages
// apart (each passage knows its page). A body too large or not
// UTF-8 is one error and no passages; a bad FAQ row is an error and the good
// rows stay. Pure: no I/O, no clock; one pass, no regex, linear in the body.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::domain::knowledge {

enum class Format : uint8_t { text, markdown, faq_csv, whatsapp_chat, docx, pdf };
// "text", "markdown", "faq_csv", "whatsapp_chat", "docx", "pdf"
const char* to_string(Format format);
bool format_from(std::string_view name, Format* format);

struct Passage {
  std::string text;       // what is quoted to the shopper (for a FAQ row: the answer)
  std::string question;   // a FAQ row's question; "" otherwise
  std::string heading;    // the Markdown heading the passage sits under ("" if none)
  std::string language;   // a FAQ row's language, else the document's
  uint32_t position = 0;  // 0-based order in the document
  uint32_t line = 0;      // 1-based line where it starts in the source
  uint32_t page = 0;      // a PDF's 1-based page; 0 for other formats
};

struct SplitError {
  uint32_t line = 0;  // 1-based; 0 when it is about the document as a whole
  std::string message;
};

struct Split {
  std::vector<Passage> passages;
  std::vector<SplitError> errors;
};

// An upload is read whole and indexed; 2 MiB is a long handbook or years of
// one chat, and keeps a projection's rebuild quick.
inline constexpr size_t kMaxDocumentBytes = 2 * 1024 * 1024;
// A quote must fit in one chat message, and a search hit should be about one
// thing: longer paragraphs are cut at sentence ends, FAQ answers are refused.
inline constexpr size_t kMaxPassageBytes = 1200;
// Per document: a bound on what one upload adds to the index.
inline constexpr size_t kMaxPassages = 5000;
// A heading is copied into every passage below it; a longer one is cut.
inline constexpr size_t kMaxHeadingBytes = 200;
// Per document: an admin fixes the first few and uploads again; a file of a
// million bad rows must not answer with a million errors. The rest are counted.
inline constexpr size_t kMaxErrors = 100;

// The FAQ's one accepted header, and the languages a row may be in.
inline constexpr const char* kFaqHeader = "question,answer,language";
const std::vector<std::string>& faq_languages();  // en, es, ru, id, hi

// `language` is the document's (the admin's choice on upload), given to every
// passage but a FAQ row's. Paragraphs keep their line breaks (a run of
// whitespace becomes one space, or one line break if it held one); Markdown's
// soft line breaks become spaces and each list item starts a line.
Split split(Format format, std::string_view body, const std::string& language);

}  // namespace parley::domain::knowledge
