// A FAQ as CSV: question,answer,language; one passage per good row.
#include "domain/knowledge_split_parts.hpp"

#include "domain/csv_records.hpp"

namespace parley::domain::knowledge::detail {
namespace {
// ---- FAQ CSV ------------------------------------------------------------------

// A field's lines collapsed, joined by line breaks, blank lines dropped.
std::string tidy(std::string_view field) {
  Lines lines(field);
  std::string_view line;
  Block block;
  while (lines.next(&line)) block.add(collapse(line), lines.number(), '\n');
  return block.text();
}

}  // namespace

void split_faq(std::string_view body, Out* out) {
  auto records = split_csv_records(body);
  if (records.empty()) {
    out->error(1, "the file is empty; expected the header " + std::string(kFaqHeader));
    return;
  }
  std::string header;
  for (size_t i = 0; i < records[0].fields.size(); ++i)
    header += (i ? "," : "") + records[0].fields[i];
  if (header != kFaqHeader) {
    out->error(static_cast<uint32_t>(records[0].line),
               "the header must be exactly: " + std::string(kFaqHeader));
    return;
  }
  const auto& languages = faq_languages();
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const auto line = static_cast<uint32_t>(rec.line);
    if (rec.unterminated) {
      out->error(line, "a quoted field is not closed");
      continue;
    }
    if (rec.fields.size() != 3) {
      out->error(line, "expected 3 fields (question, answer, language), found " +
                           std::to_string(rec.fields.size()));
      continue;
    }
    Passage p;
    p.question = tidy(rec.fields[0]);
    p.text = tidy(rec.fields[1]);
    for (char c : trim(rec.fields[2]))
      p.language.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    p.line = line;
    std::string problem;
    if (p.question.empty()) {
      problem = "the question is empty";
    } else if (p.text.empty()) {
      problem = "the answer is empty";
    } else if (std::find(languages.begin(), languages.end(), p.language) == languages.end()) {
      std::string_view given = trim(rec.fields[2]);  // echoed when it is short
      problem = "the language " + (given.size() <= 16 ? "'" + std::string(given) + "' " : "") +
                "is not one of en, es, ru, id, hi";
    } else if (p.question.size() > kMaxPassageBytes || p.text.size() > kMaxPassageBytes) {
      problem = std::string(p.question.size() > kMaxPassageBytes ? "the question" : "the answer") +
                " is longer than " + std::to_string(kMaxPassageBytes) + " bytes";
    }
    if (problem.empty())
      out->passage(std::move(p));
    else
      out->error(line, std::move(problem));
  }
}

}  // namespace parley::domain::knowledge::detail
