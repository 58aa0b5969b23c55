#include "domain/csv_records.hpp"

namespace parley::domain {

std::vector<CsvRecord> split_csv_records(std::string_view text) {
  std::vector<CsvRecord> out;
  size_t i = 0, line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // tolerate a BOM
  while (i < text.size()) {
    CsvRecord rec{line, {}, false};
    std::string field;
    bool quoted = false, in_quotes = false, end = false;
    while (i < text.size() && !end) {
      char c = text[i];
      if (in_quotes) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          i += 2;
        } else if (c == '"') {
          in_quotes = false;
          ++i;
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
      } else if (c == '"' && field.empty() && !quoted) {
        in_quotes = quoted = true;
        ++i;
      } else if (c == ',') {
        rec.fields.push_back(std::move(field));
        field.clear();
        quoted = false;
        ++i;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
        end = true;
      } else {
        field.push_back(c);
        ++i;
      }
    }
    rec.unterminated = in_quotes;
    rec.fields.push_back(std::move(field));
    bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace parley::domain
