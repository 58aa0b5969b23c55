#include "formats/xlsx_rows.hpp"

#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "formats/xml_parts.hpp"
#include "formats/zip_reader.hpp"

namespace parley::formats {
namespace {

using domain::CsvRecord;
using domain::fail;

constexpr const char* kWorkbook = "xl/workbook.xml";
constexpr const char* kRels = "xl/_rels/workbook.xml.rels";
constexpr const char* kStrings = "xl/sharedStrings.xml";

// The part the workbook's first sheet is in: its r:id looked up in the
// workbook's relationships; "xl/worksheets/sheet1.xml" when they say nothing.
std::string first_sheet_part(const ZipReader& zip) {
  std::string fallback = "xl/worksheets/sheet1.xml";
  if (!zip.has(kWorkbook) || !zip.has(kRels)) return fallback;
  auto workbook = zip.read(kWorkbook, kMaxXlsxPartBytes);
  auto rels = zip.read(kRels, kMaxXlsxPartBytes);
  if (!workbook || !rels) return fallback;
  pugi::xml_document wb, rd;
  if (!wb.load_buffer(workbook.value().data(), workbook.value().size()) ||
      !rd.load_buffer(rels.value().data(), rels.value().size()))
    return fallback;
  const auto sheets = xml::child(wb.document_element(), "sheets");
  const auto sheet = xml::child(sheets, "sheet");
  const std::string_view id = xml::attribute(sheet, "id");
  if (id.empty()) return fallback;
  for (auto r : rd.document_element().children()) {
    if (xml::local(r) != "Relationship" || xml::attribute(r, "Id") != id) continue;
    std::string target(xml::attribute(r, "Target"));
    if (target.empty()) return fallback;
    return target[0] == '/' ? target.substr(1) : "xl/" + target;
  }
  return fallback;
}

// A string item's text: its <t>, or its rich-text runs' <t>s joined.
std::string item_text(const pugi::xml_node& si) {
  std::string out;
  for (auto c : si.children()) {
    if (xml::local(c) == "t")
      out += c.text().get();
    else if (xml::local(c) == "r")
      out += xml::child(c, "t").text().get();
  }
  return out;
}

domain::Result<std::vector<std::string>, FileError> shared_strings(const ZipReader& zip) {
  std::vector<std::string> out;
  if (!zip.has(kStrings)) return out;  // a sheet of numbers only has none
  auto xml = zip.read(kStrings, kMaxXlsxPartBytes);
  if (!xml) return fail(xml.error());
  pugi::xml_document doc;
  if (auto bad = xml::parse(&doc, xml.value(), kStrings)) return fail(*bad);
  for (auto si : doc.document_element().children())
    if (xml::local(si) == "si") out.push_back(item_text(si));
  return out;
}

// "C7" -> 2 (0-based column); npos when it is not a cell reference.
size_t column_of(std::string_view ref) {
  size_t col = 0, i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    if (col > kMaxXlsxColumns) return std::string::npos;
    ++i;
  }
  return i == 0 ? std::string::npos : col - 1;
}

// A number as Excel shows it in a General cell: at most 15 significant digits.
std::string short_number(const char* stored) {
  char* end = nullptr;
  const double v = std::strtod(stored, &end);
  if (end == stored || *end != '\0') return stored;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

}  // namespace

domain::Result<std::vector<CsvRecord>, FileError> xlsx_rows(std::string_view bytes) {
  auto opened = ZipReader::open(bytes);
  if (!opened) {
    FileError e = opened.error();
    e.message = "not an .xlsx file (" + e.message + ")";
    return fail(std::move(e));
  }
  const ZipReader& zip = *opened.value();
  const std::string part = first_sheet_part(zip);
  if (!zip.has(part)) return fail(FileError{part, 0, "not an .xlsx file: it has no worksheet"});
  auto strings = shared_strings(zip);
  if (!strings) return fail(strings.error());
  auto xml = zip.read(part, kMaxXlsxPartBytes);
  if (!xml) return fail(xml.error());
  pugi::xml_document doc;
  if (auto bad = xml::parse(&doc, xml.value(), part)) return fail(*bad);
  std::vector<CsvRecord> rows;
  const auto data = xml::child(doc.document_element(), "sheetData");
  size_t next_row = 1, cells = 0;
  for (auto row : data.children()) {
    if (xml::local(row) != "row") continue;
    CsvRecord record;
    const std::string_view r = xml::attribute(row, "r");
    record.line = r.empty() ? next_row : std::strtoul(std::string(r).c_str(), nullptr, 10);
    if (record.line == 0 || record.line > 1048576)
      return fail(FileError{part, 0, "a row has no valid number: '" + std::string(r) + "'"});
    // Excel writes rows in order, each once: anything else is not its file.
    if (record.line < next_row)
      return fail(FileError{part, 0,
                            "row " + std::to_string(record.line) + " comes after row " +
                                std::to_string(next_row - 1)});
    next_row = record.line + 1;
    for (auto c : row.children()) {
      if (xml::local(c) != "c") continue;
      size_t col = record.fields.size();
      if (auto ref = xml::attribute(c, "r"); !ref.empty()) col = column_of(ref);
      if (col == std::string::npos || col < record.fields.size())
        return fail(FileError{part, 0,
                              "row " + std::to_string(record.line) +
                                  ": a cell reference is not "
                                  "valid: '" +
                                  std::string(xml::attribute(c, "r")) + "'"});
      const std::string_view type = xml::attribute(c, "t");
      const char* v = xml::child(c, "v").text().get();
      std::string value;
      if (type == "s") {
        const size_t k = std::strtoul(v, nullptr, 10);
        if (k >= strings.value().size())
          return fail(FileError{part, 0,
                                "row " + std::to_string(record.line) +
                                    ": a cell names a shared string that does not exist"});
        value = strings.value()[k];
      } else if (type == "inlineStr") {
        value = item_text(xml::child(c, "is"));
      } else if (type == "b") {
        value = std::string(v) == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e") {
        value = v;
      } else {
        value = short_number(v);
      }
      if (value.empty()) continue;
      if ((cells += col + 1 - record.fields.size()) > kMaxXlsxCells)
        return fail(FileError{part, 0,
                              "row " + std::to_string(record.line) + ": the sheet has more than " +
                                  std::to_string(kMaxXlsxCells) + " cells"});
      record.fields.resize(col);
      record.fields.push_back(std::move(value));
    }
    if (!record.fields.empty()) rows.push_back(std::move(record));
  }
  // Excel writes no cell for an empty one: a row ends where its last value
  // does. Rows shorter than the header get its width back, empty.
  const size_t width = rows.empty() ? 0 : rows.front().fields.size();
  for (auto& row : rows)
    if (row.fields.size() < width) row.fields.resize(width);
  return rows;
}

}  // namespace parley::formats
